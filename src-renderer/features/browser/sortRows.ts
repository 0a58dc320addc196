import type { ObjectEntry } from '../../../src-main/contract/bridge'

/**
 * Sorting a folder's rows: folders first, then the chosen column
 *
 * Names compare with the UI language's collation and numbers inside names by value
 * ("foto 2" before "foto 10"), the way file managers do. Pages of a huge folder arrive
 * one by one; rather than re-sorting 100,000 rows for each page, the new page is sorted
 * on its own and merged in (mergeSorted), which costs one pass.
 */
export type SortColumn = 'name' | 'size' | 'modified' | 'storageClass'
export type SortDirection = 'ascending' | 'descending'
export interface SortState {
  column: SortColumn
  direction: SortDirection
}

export const defaultSort: SortState = { column: 'name', direction: 'ascending' }

export type EntryCompare = (a: ObjectEntry, b: ObjectEntry) => number

const collators = new Map<string, Intl.Collator>()
export function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language)
  if (!collator) {
    collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' })
    collators.set(language, collator)
  }
  return collator
}

export function compareEntries(sort: SortState, collator: Intl.Collator): EntryCompare {
  const byName = (a: ObjectEntry, b: ObjectEntry) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  const byColumn = columnCompare(sort.column, collator)
  const sign = sort.direction === 'ascending' ? 1 : -1
  return (a, b) => {
    // Folders stay on top whichever way the column runs.
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1
    return sign * (byColumn(a, b) || byName(a, b))
  }
}

function columnCompare(column: SortColumn, collator: Intl.Collator): EntryCompare {
  switch (column) {
    case 'name':
      return () => 0
    case 'size':
      return (a, b) => nullsFirst(a.size, b.size, (x, y) => x - y)
    case 'modified':
      // ISO 8601 in UTC sorts as text.
      return (a, b) => nullsFirst(a.lastModified, b.lastModified, (x, y) => (x < y ? -1 : x > y ? 1 : 0))
    case 'storageClass':
      return (a, b) => nullsFirst(a.storageClass, b.storageClass, (x, y) => collator.compare(x, y))
  }
}

function nullsFirst<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  return compare(a, b)
}

export function sortEntries(entries: readonly ObjectEntry[], compare: EntryCompare): ObjectEntry[] {
  return [...entries].sort(compare)
}

/**
 * Two sorted lists as one sorted list; on ties the first list's row comes first
 *
 * The rows before the new page's first one are found by bisection and copied without a
 * comparison: S3 lists in key order, so a page of a big folder mostly lands after every
 * row already there, and comparing each of 100,000 rows with it (a collator call each)
 * for every page was most of the listing's own CPU.
 */
export function mergeSorted(sorted: readonly ObjectEntry[], added: readonly ObjectEntry[], compare: EntryCompare): ObjectEntry[] {
  if (added.length === 0) return sorted as ObjectEntry[]
  if (sorted.length === 0) return added as ObjectEntry[]
  const merged = new Array<ObjectEntry>(sorted.length + added.length)
  const first = added[0] as ObjectEntry
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(first, sorted[middle] as ObjectEntry) < 0) high = middle
    else low = middle + 1
  }
  for (let n = 0; n < low; n++) merged[n] = sorted[n] as ObjectEntry
  let i = low
  let j = 0
  let k = low
  while (i < sorted.length && j < added.length) {
    const left = sorted[i] as ObjectEntry
    const right = added[j] as ObjectEntry
    if (compare(right, left) < 0) {
      merged[k++] = right
      j++
    } else {
      merged[k++] = left
      i++
    }
  }
  while (i < sorted.length) merged[k++] = sorted[i++] as ObjectEntry
  while (j < added.length) merged[k++] = added[j++] as ObjectEntry
  return merged
}

/** Clicking a header: the same column flips direction; another column starts ascending. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  return { column, direction: 'ascending' }
}
