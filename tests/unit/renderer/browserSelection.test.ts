import { describe, expect, it } from 'vitest'
import { commandForKey, isMacPlatform, type KeyPress } from '../../../src-renderer/features/browser/keyboardCommands'
import { clickSelection, emptySelection, moveSelection, pruneSelection, selectAllOf, toggleFocused } from '../../../src-renderer/features/browser/selectionModel'

const keys = ['a/', 'b', 'c', 'd', 'e']
const plain = { toggle: false, extend: false }
const selectedOf = (state: { selected: ReadonlySet<string> }) => [...state.selected].sort()

describe('clicking rows', () => {
  it('selects one row, toggles with Ctrl/Cmd, extends a range with Shift', () => {
    let state = clickSelection(emptySelection, keys, 'b', plain)
    expect(selectedOf(state)).toEqual(['b'])
    state = clickSelection(state, keys, 'd', { toggle: true, extend: false })
    expect(selectedOf(state)).toEqual(['b', 'd'])
    state = clickSelection(state, keys, 'd', { toggle: true, extend: false })
    expect(selectedOf(state)).toEqual(['b'])
    // The anchor is the last toggled row, so Shift+click runs from "d".
    state = clickSelection(state, keys, 'a/', { toggle: false, extend: true })
    expect(selectedOf(state)).toEqual(['a/', 'b', 'c', 'd'])
  })

  it('adds a range to the selection with Ctrl+Shift', () => {
    let state = clickSelection(emptySelection, keys, 'e', plain)
    state = clickSelection(state, keys, 'a/', { toggle: true, extend: false })
    state = clickSelection(state, keys, 'b', { toggle: true, extend: true })
    expect(selectedOf(state)).toEqual(['a/', 'b', 'e'])
  })
})

describe('moving with the keyboard', () => {
  it('lands on the first row, moves and clamps at the ends', () => {
    let state = moveSelection(emptySelection, keys, { by: 1 }, { extend: false, focusOnly: false })
    expect(state.focus).toBe('a/')
    state = moveSelection(state, keys, { by: 10 }, { extend: false, focusOnly: false })
    expect(selectedOf(state)).toEqual(['e'])
    state = moveSelection(state, keys, { to: 'first' }, { extend: false, focusOnly: false })
    expect(state.focus).toBe('a/')
  })

  it('extends from the anchor with Shift, and moves only the focus with Ctrl', () => {
    let state = clickSelection(emptySelection, keys, 'c', plain)
    state = moveSelection(state, keys, { by: 2 }, { extend: true, focusOnly: false })
    expect(selectedOf(state)).toEqual(['c', 'd', 'e'])
    state = moveSelection(state, keys, { by: -1 }, { extend: false, focusOnly: true })
    expect(state.focus).toBe('d')
    expect(selectedOf(state)).toEqual(['c', 'd', 'e'])
    expect(selectedOf(toggleFocused(state))).toEqual(['c', 'e'])
  })

  it('selects all rows in view and forgets rows that are gone', () => {
    const all = selectAllOf(keys, emptySelection)
    expect(all.selected.size).toBe(5)
    const pruned = pruneSelection({ ...all, focus: 'e' }, new Set(['a/', 'b']))
    expect(selectedOf(pruned)).toEqual(['a/', 'b'])
    expect(pruned.focus).toBeNull()
  })
})

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })
const linux = { mac: false, pageSize: 10 }
const mac = { mac: true, pageSize: 10 }

describe('keyboard commands', () => {
  it('maps the file-manager keys', () => {
    expect(commandForKey(press('Enter'), linux)).toEqual({ kind: 'open' })
    expect(commandForKey(press('ArrowRight'), linux)).toEqual({ kind: 'intoRow' })
    expect(commandForKey(press('Backspace'), linux)).toEqual({ kind: 'up' })
    expect(commandForKey(press('ArrowUp', { altKey: true }), linux)).toEqual({ kind: 'up' })
    expect(commandForKey(press('ArrowLeft', { altKey: true }), linux)).toEqual({ kind: 'back' })
    expect(commandForKey(press('Delete'), linux)).toEqual({ kind: 'delete' })
    expect(commandForKey(press('F2'), linux)).toEqual({ kind: 'rename' })
    expect(commandForKey(press('F10', { shiftKey: true }), linux)).toEqual({ kind: 'contextMenu' })
  })

  it('uses Ctrl on Linux and Windows, Cmd on macOS', () => {
    expect(commandForKey(press('a', { ctrlKey: true }), linux)).toEqual({ kind: 'selectAll' })
    expect(commandForKey(press('C', { ctrlKey: true }), linux)).toEqual({ kind: 'copy' })
    expect(commandForKey(press('c', { ctrlKey: true }), mac)).toBeNull()
    expect(commandForKey(press('c', { metaKey: true }), mac)).toEqual({ kind: 'copy' })
    expect(commandForKey(press('Backspace', { metaKey: true }), mac)).toEqual({ kind: 'delete' })
    expect(commandForKey(press('a'), linux)).toBeNull()
  })

  it('moves by one, by a page, or to either end; Shift extends and Ctrl moves the focus only', () => {
    expect(commandForKey(press('ArrowDown', { shiftKey: true }), linux)).toEqual({ kind: 'move', target: { by: 1 }, extend: true, focusOnly: false })
    expect(commandForKey(press('PageUp'), linux)).toEqual({ kind: 'move', target: { by: -10 }, extend: false, focusOnly: false })
    expect(commandForKey(press('End', { ctrlKey: true }), linux)).toEqual({ kind: 'move', target: { to: 'last' }, extend: false, focusOnly: true })
  })

  it('recognises macOS', () => {
    expect(isMacPlatform('MacIntel')).toBe(true)
    expect(isMacPlatform('Linux x86_64')).toBe(false)
  })
})
