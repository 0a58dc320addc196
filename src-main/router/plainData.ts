/**
 * What a bridge input may hold before any schema sees it: JSON's values, plus byte pages
 *
 * Browser mode's inputs arrive as JSON, but Electron's IPC clones richer values (BigInt,
 * Map, Date, typed arrays, cycles). Schema rules are written for JSON data; refusing the
 * rest here keeps every rule from meeting a value it was never written for.
 */
export interface NotPlainData {
  path: (string | number)[]
  kind: string
}

const maxDepth = 64

export function firstNotPlainData(value: unknown): NotPlainData | null {
  const seen = new Set<object>()
  const walk = (item: unknown, path: (string | number)[]): NotPlainData | null => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean' || item === undefined) return null
    if (typeof item === 'number') return Number.isFinite(item) ? null : { path, kind: String(item) }
    if (typeof item !== 'object') return { path, kind: typeof item }
    if (item instanceof Uint8Array && item.constructor === Uint8Array) return null
    if (seen.has(item)) return { path, kind: 'a loop' }
    if (path.length >= maxDepth) return { path, kind: `more than ${maxDepth} levels` }
    seen.add(item)
    try {
      if (Array.isArray(item)) {
        for (let index = 0; index < item.length; index++) {
          const found = walk(item[index], [...path, index])
          if (found) return found
        }
        return null
      }
      const proto = Object.getPrototypeOf(item) as unknown
      if (proto !== Object.prototype && proto !== null) return { path, kind: (item as object).constructor?.name ?? 'an object' }
      for (const key of Object.keys(item)) {
        const found = walk((item as Record<string, unknown>)[key], [...path, key])
        if (found) return found
      }
      return null
    } finally {
      seen.delete(item)
    }
  }
  return walk(value, [])
}
