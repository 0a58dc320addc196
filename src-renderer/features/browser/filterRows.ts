import type { ObjectEntry } from '../../../src-main/contract/bridge'

/**
 * The "Filter" box: rows whose name contains the typed text
 *
 * Case and accents are ignored, so "nino" finds "niño" and "FOTO" finds "foto". Names
 * are folded once and remembered, because a huge folder is filtered on every keystroke.
 */
const folded = new WeakMap<ObjectEntry, string>()

export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und')
}

function foldedName(entry: ObjectEntry): string {
  let name = folded.get(entry)
  if (name === undefined) {
    name = foldForFilter(entry.name)
    folded.set(entry, name)
  }
  return name
}

export function filterEntries(entries: readonly ObjectEntry[], text: string): readonly ObjectEntry[] {
  const wanted = foldForFilter(text.trim())
  if (wanted === '') return entries
  return entries.filter((entry) => foldedName(entry).includes(wanted))
}
