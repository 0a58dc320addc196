/**
 * What a multi-selection really means, as pure functions
 *
 * A selected folder ("photos/") stands for every key under it, its marker included. The
 * same key can be reached twice (a file selected inside a selected folder, or nested
 * folders both selected); it is deleted once, and a folder inside another selected
 * folder is not listed a second time.
 */
export async function expandSelection(keys: readonly string[], listUnder: (prefix: string) => Promise<string[]>): Promise<string[]> {
  const folders = [...new Set(keys.filter((k) => k.endsWith('/')))]
  const insideAnother = (folder: string) => folders.some((other) => other !== folder && folder.startsWith(other))
  const result = new Set<string>()
  for (const key of keys) {
    if (!key.endsWith('/')) result.add(key)
  }
  for (const folder of folders) {
    if (insideAnother(folder)) continue
    // The listing includes the folder's marker object when there is one.
    for (const found of await listUnder(folder)) result.add(found)
  }
  return [...result]
}

/** Slices of at most `size`: DeleteObjects takes 1,000 keys per request. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1')
  const slices: T[][] = []
  for (let i = 0; i < items.length; i += size) slices.push(items.slice(i, i + size))
  return slices
}
