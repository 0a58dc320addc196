import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldKey } from '../../src-main/services/bucketIndex/indexedObject'
import { compareKeys } from '../../src-main/services/bucketIndex/indexFile'
import { prefixRanges, type KeyCursor, type KeyRange } from '../../src-main/services/search/prefixRanges'

/**
 * The key ranges a path glob reads ("media/2021/**" reads only keys that can start that way)
 *
 * Checked against the plain rule on every key: a key whose text below the search folder,
 * folded as asked, starts with the glob's leading text must lie in one of the ranges.
 */
const ranges = (keys: string[], scope: string, leading: string, caseSensitive: boolean): KeyRange[] => {
  const sorted = [...keys].sort(compareKeys)
  const high = `${scope}\u{10FFFF}`
  const firstKey = (from: KeyCursor) =>
    sorted.find((k) => {
      const order = compareKeys(k, from.key)
      return (from.inclusive ? order >= 0 : order > 0) && compareKeys(k, high) < 0
    }) ?? null
  return [...prefixRanges(firstKey, scope, leading, caseSensitive)]
}
const inRange = (key: string, r: KeyRange) => compareKeys(key, r.low) >= 0 && compareKeys(key, r.high) < 0
const mayMatch = (key: string, scope: string, leading: string, caseSensitive: boolean) =>
  key.startsWith(scope) && (caseSensitive ? key.slice(scope.length) : foldKey(key.slice(scope.length))).startsWith(leading)

describe('search key ranges for a leading text', () => {
  it('reads one year of a bucket sorted by year, and what only folds to it', () => {
    const keys = ['media/2019/a.jpg', 'media/2020/b.jpg', 'media/2021/c.jpg', 'media/2021/d/e.jpg', 'Media/2021/f.jpg', 'média/2021/g.jpg', 'media/2022/h.jpg', 'media/20', 'zz']
    const found = ranges(keys, '', 'media/2021/', false)
    expect(found.map((r) => r.low)).toEqual(['Media/2021/', 'media/2021/', 'mé'])
    expect(keys.filter((k) => found.some((r) => inRange(k, r)))).toEqual(['media/2021/c.jpg', 'media/2021/d/e.jpg', 'Media/2021/f.jpg', 'média/2021/g.jpg'])
    // Asked with case: only the exact spelling.
    expect(ranges(keys, '', 'media/2021/', true).map((r) => r.low)).toEqual(['media/2021/'])
    // Inside a folder, the leading text is below it.
    expect(ranges(keys, 'media/', '2021/', false).map((r) => r.low)).toEqual(['media/2021/'])
    // No leading text: the whole folder.
    expect(ranges(keys, 'media/', '', false)).toEqual([{ low: 'media/', high: 'media/\u{10FFFF}' }])
  })

  const unit = fc.constantFrom('a', 'b', 'A', 'B', '2', '/', '-', 'é', 'É', '\u0301', '\u212A', 'k', 'ß', 'Ｆ', '😀', 'ñ')
  const text = fc.string({ unit, maxLength: 7 })

  it('never leaves out a key that can match, and the ranges come in order without overlap', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), fc.nat(), fc.nat(), fc.nat(4), fc.nat(6), fc.boolean(), (keys, pickScope, pickLeading, scopeLength, leadingLength, caseSensitive) => {
        const base = keys.length > 0 ? keys[pickScope % keys.length]! : ''
        // Cut by characters, as a folder name or typed text is (never half an emoji).
        const scope = [...base].slice(0, scopeLength).join('')
        const other = keys.length > 0 ? keys[pickLeading % keys.length]! : 'ab'
        // Leading text as search makes it: folded unless asked with case; often a real key's beginning.
        const below = other.startsWith(scope) ? other.slice(scope.length) : other
        const leading = [...(caseSensitive ? below : foldKey(below))].slice(0, leadingLength).join('')
        const found = ranges(keys, scope, leading, caseSensitive)
        for (const key of keys) if (mayMatch(key, scope, leading, caseSensitive)) expect(found.some((r) => inRange(key, r))).toBe(true)
        for (let i = 1; i < found.length; i++) expect(compareKeys(found[i - 1]!.high, found[i]!.low)).toBeLessThanOrEqual(0)
        for (const r of found) expect(r.low.startsWith(scope)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('skips what cannot match: keys that differ in plain ASCII before the end of the leading text', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-c0-2/]{0,6}$/), { maxLength: 30 }), fc.stringMatching(/^[a-c0-2/]{1,4}$/), (keys, leading) => {
        const found = ranges(keys, '', leading, false)
        for (const key of keys) expect(found.some((r) => inRange(key, r))).toBe(key.startsWith(leading))
      }),
    )
  })
})
