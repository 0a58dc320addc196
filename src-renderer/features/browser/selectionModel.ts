/**
 * Which rows are selected, as pure functions of the rows in view
 *
 * The model follows desktop file managers: a click selects one row, Ctrl/Cmd+click
 * toggles, Shift+click selects the range from the anchor (the last plain or toggled
 * click), arrow keys move the focus and select, Shift+arrow extends. `keys` is the
 * order on screen (sorted and filtered), since ranges are what the user sees.
 */
export interface SelectionState {
  selected: ReadonlySet<string>
  /** Where a Shift range starts. */
  anchor: string | null
  /** The row the keyboard is on. */
  focus: string | null
}

export const emptySelection: SelectionState = { selected: new Set(), anchor: null, focus: null }

export interface ClickModifiers {
  toggle: boolean
  extend: boolean
}

export function clickSelection(state: SelectionState, keys: readonly string[], key: string, modifiers: ClickModifiers): SelectionState {
  if (modifiers.extend) {
    const range = rangeOf(keys, state.anchor ?? key, key)
    const selected = modifiers.toggle ? new Set([...state.selected, ...range]) : new Set(range)
    return { selected, anchor: state.anchor ?? key, focus: key }
  }
  if (modifiers.toggle) {
    const selected = new Set(state.selected)
    if (selected.has(key)) selected.delete(key)
    else selected.add(key)
    return { selected, anchor: key, focus: key }
  }
  return { selected: new Set([key]), anchor: key, focus: key }
}

export type MoveTarget = { by: number } | { to: 'first' | 'last' }

export interface MoveModifiers {
  /** Shift: select from the anchor to the new row. */
  extend: boolean
  /** Ctrl/Cmd: move the focus only, keeping the selection. */
  focusOnly: boolean
}

export function moveSelection(state: SelectionState, keys: readonly string[], target: MoveTarget, modifiers: MoveModifiers): SelectionState {
  if (keys.length === 0) return state
  const current = state.focus === null ? -1 : keys.indexOf(state.focus)
  let index: number
  if ('to' in target) index = target.to === 'first' ? 0 : keys.length - 1
  // Nothing focused yet: the first press lands on the first (or, going up, last) row.
  else if (current === -1) index = target.by > 0 ? 0 : keys.length - 1
  else index = Math.min(keys.length - 1, Math.max(0, current + target.by))
  const key = keys[index] as string
  if (modifiers.focusOnly) return { ...state, focus: key }
  if (modifiers.extend) {
    const anchor = state.anchor ?? state.focus ?? key
    return { selected: new Set(rangeOf(keys, anchor, key)), anchor, focus: key }
  }
  return { selected: new Set([key]), anchor: key, focus: key }
}

export function selectAllOf(keys: readonly string[], state: SelectionState): SelectionState {
  return { selected: new Set(keys), anchor: state.anchor ?? keys[0] ?? null, focus: state.focus ?? keys[0] ?? null }
}

/** Ctrl/Cmd+Space: toggle the focused row. */
export function toggleFocused(state: SelectionState): SelectionState {
  if (state.focus === null) return state
  return clickSelection(state, [], state.focus, { toggle: true, extend: false })
}

/** The rows from `from` to `to`, inclusive, in screen order; just `to` when `from` is not in view. */
export function rangeOf(keys: readonly string[], from: string, to: string): string[] {
  const a = keys.indexOf(from)
  const b = keys.indexOf(to)
  if (b === -1) return []
  if (a === -1) return [to]
  return keys.slice(Math.min(a, b), Math.max(a, b) + 1)
}

/** Forget selected rows that are no longer listed (deleted, renamed, filtered away by a refresh). */
export function pruneSelection(state: SelectionState, present: ReadonlySet<string>): SelectionState {
  const selected = new Set([...state.selected].filter((key) => present.has(key)))
  const keep = (key: string | null) => (key !== null && present.has(key) ? key : null)
  if (selected.size === state.selected.size && keep(state.anchor) === state.anchor && keep(state.focus) === state.focus) return state
  return { selected, anchor: keep(state.anchor), focus: keep(state.focus) }
}

/**
 * The row that stands for a key in the folder `prefix`: the key itself when it lives
 * there, the subfolder it is in when deeper ("a/b/c.txt" in "a/" → "a/b/"), or null
 * when it is elsewhere. Uploads use it to select what they wrote.
 */
export function rowKeyFor(prefix: string, key: string): string | null {
  if (!key.startsWith(prefix) || key === prefix) return null
  const rest = key.slice(prefix.length)
  const slash = rest.indexOf('/')
  return slash === -1 || slash === rest.length - 1 ? key : `${prefix}${rest.slice(0, slash + 1)}`
}
