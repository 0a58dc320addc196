import type { KeyboardEvent } from 'react'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { askDelete, askRename, copySelection, openEntry } from './browserActions'
import { useBrowserStore } from './browserStore'
import { useBrowserUiStore } from './browserUiStore'
import { commandForKey, isMacPlatform } from './keyboardCommands'
import { moveSelection, selectAllOf, toggleFocused } from './selectionModel'

export const mac = isMacPlatform(navigator.platform || navigator.userAgent)

/**
 * The folder view's keyboard: arrows, Home/End, Page Up/Down, Enter, Backspace, Alt+Up,
 * Ctrl/Cmd+A, Ctrl/Cmd+C, Delete, F2, Shift+F10. `reveal` scrolls a row into view.
 * → moves the focus onto the focused row's Copy URL button (Enter copies); ← or Escape
 * comes back to the grid, and ↑/↓ come back and move on.
 */
export function useGridKeyboard(options: {
  visible: readonly ObjectEntry[]
  pageSize: () => number
  reveal: (index: number) => void
  contextMenuAt: (index: number) => void
  /** The button inside that row, if it has one (Copy URL). */
  rowButton: (index: number) => HTMLElement | null
}) {
  return (event: KeyboardEvent<HTMLElement>) => {
    const grid = event.currentTarget
    const inRow = event.target instanceof HTMLElement && event.target !== grid && event.target.closest('[role="row"][id]') !== null
    // Keys typed on a button inside a row belong to that button.
    if (event.target !== grid && (event.key === 'Enter' || event.key === ' ')) return
    if (inRow) {
      if (event.key === 'ArrowLeft' || event.key === 'Escape') {
        event.preventDefault()
        grid.focus()
        return
      }
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
      grid.focus()
    }
    const command = commandForKey(event, { mac, pageSize: options.pageSize() })
    if (!command) return
    const store = useBrowserStore.getState()
    const keys = () => options.visible.map((entry) => entry.key)
    const focusIndex = () => (store.selection.focus === null ? -1 : options.visible.findIndex((entry) => entry.key === store.selection.focus))
    event.preventDefault()
    switch (command.kind) {
      case 'move': {
        const next = moveSelection(store.selection, keys(), command.target, command)
        store.setSelection(next)
        const index = options.visible.findIndex((entry) => entry.key === next.focus)
        if (index >= 0) options.reveal(index)
        return
      }
      case 'open': {
        const entry = options.visible[focusIndex()]
        if (entry) openEntry(entry)
        return
      }
      case 'up':
        return store.up()
      case 'back':
        return store.back()
      case 'copy':
        return copySelection('public')
      case 'delete':
        return askDelete()
      case 'rename':
        return askRename()
      case 'selectAll':
        return store.setSelection(selectAllOf(keys(), store.selection))
      case 'toggle':
        return store.setSelection(toggleFocused(store.selection))
      case 'clear':
        return store.setSelection({ ...store.selection, selected: new Set(), anchor: null })
      case 'intoRow': {
        const index = focusIndex()
        if (index >= 0) options.rowButton(index)?.focus()
        return
      }
      case 'contextMenu': {
        const index = focusIndex()
        if (index >= 0) options.contextMenuAt(index)
        else useBrowserUiStore.getState().closeContextMenu()
        return
      }
    }
  }
}
