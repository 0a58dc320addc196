import { useMemo } from 'react'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { useBrowserStore } from './browserStore'
import { filterEntries } from './filterRows'

/** The rows on screen: every loaded row, narrowed by the Filter box. */
export function useVisibleRows(): readonly ObjectEntry[] {
  const rows = useBrowserStore((s) => s.rows)
  const filter = useBrowserStore((s) => s.filter)
  return useMemo(() => filterEntries(rows, filter), [rows, filter])
}

/** The selected rows, in screen order. */
export function useSelectedEntries(): ObjectEntry[] {
  const rows = useBrowserStore((s) => s.rows)
  const selected = useBrowserStore((s) => s.selection.selected)
  return useMemo(() => (selected.size === 0 ? [] : rows.filter((row) => selected.has(row.key))), [rows, selected])
}
