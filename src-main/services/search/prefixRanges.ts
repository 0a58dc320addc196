import { upperBound } from '../bucketIndex/indexFile'

/** A place in key order: at `key` (inclusive) or just after it. */
export interface KeyCursor {
  key: string
  inclusive: boolean
}

/** Keys in [low, high) that may hold matches. */
export interface KeyRange {
  low: string
  high: string
}

/**
 * What one key says about the keys that share its beginning, for a search whose every match
 * starts with `scope` (exactly) and then `leading` (folded, unless `caseSensitive`)
 *
 * - `skip`: no key that starts with `prefix` can match, so the scan jumps past them all;
 * - `skip-key`: this key is shorter than what matches start with, but longer keys may match;
 * - `scan`: keys that start with `prefix` may match, and are scanned with the full filter.
 *
 * Only ASCII is decided here, where folding is one character to one, the same anywhere in a
 * key (foldKey: NFD, marks dropped, lower case; an ASCII character is its own NFD and never
 * combines with what follows). At the first other character the verdict is `scan`: accents,
 * combining marks and letters such as "K" (Kelvin) fold in ways that are the filter's job.
 * The key must start with `scope`.
 */
export function prefixVerdict(key: string, scope: string, leading: string, caseSensitive: boolean): { verdict: 'skip' | 'scan' | 'skip-key'; prefix: string } {
  let at = scope.length
  for (let i = 0; i < leading.length; ) {
    if (at >= key.length) return { verdict: 'skip-key', prefix: key }
    const point = key.codePointAt(at)!
    const width = point > 0xffff ? 2 : 1
    if (!caseSensitive && point >= 0x80) return { verdict: 'scan', prefix: key.slice(0, at + width) }
    const folded = !caseSensitive && point >= 0x41 && point <= 0x5a ? point + 0x20 : point
    if (folded !== leading.codePointAt(i)) return { verdict: 'skip', prefix: key.slice(0, at + width) }
    at += width
    i += width
  }
  return { verdict: 'scan', prefix: key.slice(0, at) }
}

/**
 * The key ranges under `scope` that may hold matches starting with `leading`, in key order,
 * found by jumping through the index: `firstKey` is one seek (the first key at or after a
 * cursor, below `upperBound(scope)`). Keys between the ranges were proven not to match.
 * With no leading text it is the whole scope, one range.
 */
export function* prefixRanges(firstKey: (from: KeyCursor) => string | null, scope: string, leading: string, caseSensitive: boolean): Generator<KeyRange> {
  if (leading === '') {
    yield { low: scope, high: upperBound(scope) }
    return
  }
  let cursor: KeyCursor = { key: scope, inclusive: true }
  for (;;) {
    const key = firstKey(cursor)
    if (key === null) return
    const { verdict, prefix } = prefixVerdict(key, scope, leading, caseSensitive)
    if (verdict === 'skip-key') {
      cursor = { key, inclusive: false }
      continue
    }
    if (verdict === 'scan') yield { low: prefix, high: upperBound(prefix) }
    cursor = { key: upperBound(prefix), inclusive: true }
  }
}
