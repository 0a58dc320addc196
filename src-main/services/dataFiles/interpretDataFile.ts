import type { z } from 'zod'
import type { DataFileDamage, UnreadableEntry } from '../../contract/bridge'
import { entryProblems } from './entryProblems'

/** The field a data file keeps its unreadable entries in, unchanged, for the user to fix. */
export const unreadableField = 'unreadableEntries'

/** An entry that did not validate: its exact value, and what was wrong with it. */
export interface KeptEntry {
  entry: unknown
  problems: UnreadableEntry['problems']
  /** Where it sat in the list when Cubeta first found it (1-based). */
  position: number
}

export interface EntriesOf {
  /** The top-level field that holds a list of independent entries. */
  field: string
  schema: z.ZodType
  /** A name the user recognises an entry by ("Blog"), if it has one. */
  label?: (raw: unknown) => string | null
}

export type Interpreted<T> =
  | { kind: 'ok'; value: T; kept: KeptEntry[] }
  /** Parsed, but some entries did not validate: the good ones are the value, the rest are kept aside. */
  | { kind: 'salvaged'; value: T; kept: KeptEntry[] }
  | { kind: 'damaged'; damage: DataFileDamage }

/**
 * What a data file's text holds, judged by its schema
 *
 * Pure, so every corruption can be tried without a disk. A file is only "ok" when it
 * validates whole; a list with some bad entries is "salvaged" (the good ones kept, the
 * bad ones set aside with what is wrong); anything else is "damaged".
 */
export function interpretDataFile<T>(text: string, schema: z.ZodType<T>, entries?: EntriesOf): Interpreted<T> {
  let raw: unknown
  try {
    // A byte-order mark from a Windows editor is not damage.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { kind: 'damaged', damage: 'not-json' }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const whole = schema.safeParse(raw)
    return whole.success ? { kind: 'ok', value: whole.data, kept: [] } : { kind: 'damaged', damage: 'wrong-shape' }
  }
  const { [unreadableField]: keptRaw, ...rest } = raw as Record<string, unknown>
  const kept = readKept(keptRaw)
  const whole = schema.safeParse(rest)
  if (whole.success) return withRepaired(whole.data, kept, entries)
  const list = entries ? rest[entries.field] : undefined
  if (!entries || !Array.isArray(list)) return { kind: 'damaged', damage: 'wrong-shape' }

  const good: unknown[] = []
  const bad: KeptEntry[] = []
  list.forEach((entry, index) => {
    const one = entries.schema.safeParse(entry)
    if (one.success) good.push(one.data)
    else bad.push({ entry, problems: entryProblems(one.error), position: index + 1 })
  })
  const salvaged = schema.safeParse({ ...rest, [entries.field]: good })
  if (!salvaged.success) return { kind: 'damaged', damage: 'wrong-shape' }
  const repaired = withRepaired(salvaged.data, kept, entries)
  return { kind: 'salvaged', value: repaired.value, kept: [...repaired.kept, ...bad] }
}

/** Entries the user fixed by hand where Cubeta kept them go back into the list. */
function withRepaired<T>(value: T, kept: KeptEntry[], entries?: EntriesOf): Interpreted<T> & { kind: 'ok' } {
  if (!entries || kept.length === 0) return { kind: 'ok', value, kept }
  const list = (value as Record<string, unknown>)[entries.field]
  if (!Array.isArray(list)) return { kind: 'ok', value, kept }
  const stillBad: KeptEntry[] = []
  const fixed: unknown[] = []
  for (const item of kept) {
    const one = entries.schema.safeParse(item.entry)
    if (one.success) fixed.push(one.data)
    else stillBad.push({ ...item, problems: entryProblems(one.error) })
  }
  if (fixed.length === 0) return { kind: 'ok', value, kept }
  return { kind: 'ok', value: { ...value, [entries.field]: [...list, ...fixed] } as T, kept: stillBad }
}

function readKept(value: unknown): KeptEntry[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown, index) => {
    if (item === null || typeof item !== 'object' || !('entry' in item)) return [{ entry: item, problems: [], position: index + 1 }]
    const { entry, problems, position } = item as { entry: unknown; problems?: unknown; position?: unknown }
    return [{ entry, problems: Array.isArray(problems) ? (problems as KeptEntry['problems']) : [], position: typeof position === 'number' ? position : index + 1 }]
  })
}
