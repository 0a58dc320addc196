import type { ObjectEntry } from '../../../src-main/contract/bridge'

/** Pure rules of the folder view: ordering, filtering, selection ranges, breadcrumbs. */
export type SortKey = 'name' | 'size' | 'lastModified' | 'storageClass'
export interface Sort {
  key: SortKey
  direction: 'ascending' | 'descending'
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Folders first, then the chosen column; the filter matches names, ignoring case. */
export function visibleRows(entries: ObjectEntry[], sort: Sort, filter: string): ObjectEntry[] {
  const needle = filter.trim().toLowerCase()
  const kept = needle ? entries.filter((e) => e.name.toLowerCase().includes(needle)) : entries
  const sign = sort.direction === 'ascending' ? 1 : -1
  const compare = (a: ObjectEntry, b: ObjectEntry) => {
    if (a.kind !== b.kind) return a.kind === 'folder' ? -1 : 1
    const by =
      sort.key === 'size'
        ? (a.size ?? -1) - (b.size ?? -1)
        : sort.key === 'lastModified'
          ? (a.lastModified ?? '').localeCompare(b.lastModified ?? '')
          : sort.key === 'storageClass'
            ? (a.storageClass ?? '').localeCompare(b.storageClass ?? '')
            : 0
    return (by || collator.compare(a.name, b.name)) * sign
  }
  return [...kept].sort(compare)
}

/** Shift+click: every key between the anchor and the clicked one, in the order shown. */
export function rangeBetween(order: string[], anchor: string | null, target: string): string[] {
  const to = order.indexOf(target)
  const from = anchor === null ? -1 : order.indexOf(anchor)
  if (to === -1) return []
  if (from === -1) return [target]
  return order.slice(Math.min(from, to), Math.max(from, to) + 1)
}

export interface Crumb {
  label: string
  prefix: string
}

export function breadcrumbs(bucket: string, prefix: string): Crumb[] {
  const parts = prefix.split('/').filter(Boolean)
  return [{ label: bucket, prefix: '' }, ...parts.map((label, i) => ({ label, prefix: `${parts.slice(0, i + 1).join('/')}/` }))]
}

export const parentOf = (prefix: string): string => prefix.replace(/[^/]+\/$/, '')
