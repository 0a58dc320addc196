import type { MoveTarget } from './selectionModel'

/**
 * What a key press in the folder view means
 *
 * Kept apart from React so the mapping can be tested, and so that Ctrl on Windows and
 * Linux and Cmd on macOS are one decision: `mac` says which modifier is "primary".
 */
export type BrowserCommand =
  | { kind: 'move'; target: MoveTarget; extend: boolean; focusOnly: boolean }
  | { kind: 'open' }
  | { kind: 'up' }
  | { kind: 'back' }
  | { kind: 'copy' }
  | { kind: 'delete' }
  | { kind: 'rename' }
  | { kind: 'selectAll' }
  | { kind: 'toggle' }
  | { kind: 'clear' }
  | { kind: 'contextMenu' }
  /** → : into the focused row, onto its Copy URL button. */
  | { kind: 'intoRow' }

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export function commandForKey(press: KeyPress, options: { mac: boolean; pageSize: number }): BrowserCommand | null {
  const primary = options.mac ? press.metaKey : press.ctrlKey
  const move = (target: MoveTarget): BrowserCommand => ({ kind: 'move', target, extend: press.shiftKey, focusOnly: primary && !press.shiftKey })
  const page = Math.max(1, options.pageSize)

  if (press.altKey) {
    if (press.key === 'ArrowUp') return { kind: 'up' }
    if (press.key === 'ArrowLeft') return { kind: 'back' }
    return null
  }
  switch (press.key) {
    case 'ArrowDown':
      return move({ by: 1 })
    case 'ArrowUp':
      return move({ by: -1 })
    case 'PageDown':
      return move({ by: page })
    case 'PageUp':
      return move({ by: -page })
    case 'ArrowRight':
      return primary || press.shiftKey ? null : { kind: 'intoRow' }
    case 'Home':
      return move({ to: 'first' })
    case 'End':
      return move({ to: 'last' })
    case 'Enter':
      return primary || press.shiftKey ? null : { kind: 'open' }
    case 'Backspace':
      // macOS laptops have no Delete key: Cmd+Backspace deletes, as in Finder.
      if (options.mac && press.metaKey) return { kind: 'delete' }
      return primary || press.shiftKey ? null : { kind: 'up' }
    case 'Delete':
      return { kind: 'delete' }
    case 'F2':
      return { kind: 'rename' }
    case 'Escape':
      return { kind: 'clear' }
    case 'ContextMenu':
      return { kind: 'contextMenu' }
    case 'F10':
      return press.shiftKey ? { kind: 'contextMenu' } : null
    case ' ':
      return primary ? { kind: 'toggle' } : null
  }
  if (primary && !press.shiftKey) {
    const letter = press.key.toLowerCase()
    if (letter === 'a') return { kind: 'selectAll' }
    if (letter === 'c') return { kind: 'copy' }
  }
  return null
}

export const isMacPlatform = (platform: string): boolean => /mac|iphone|ipad|darwin/i.test(platform)
