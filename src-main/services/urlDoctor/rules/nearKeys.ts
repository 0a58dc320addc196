/**
 * Keys that are probably the one meant, nearest first
 *
 * The wrong keys people paste: a different case, "+" or "%20" for a space, another
 * Unicode form of "ñ", a missing or extra folder ("static/", "media/"), a typo of a
 * letter or two in the name. Pure.
 */
export function nearKeys(wanted: string, existing: readonly string[], limit = 3): string[] {
  const loose = (key: string) => key.normalize('NFC').toLowerCase().replace(/\+|%20/g, ' ').replace(/\s+/g, ' ').trim()
  const name = (key: string) => key.split('/').pop() ?? key
  const target = loose(wanted)
  const scored = existing
    .filter((key) => key !== wanted && !key.endsWith('/'))
    .map((key) => {
      const candidate = loose(key)
      if (candidate === target) return { key, score: 0 }
      if (candidate.endsWith(`/${target}`) || target.endsWith(`/${candidate}`)) return { key, score: 1 }
      const distance = editDistance(loose(name(key)), loose(name(wanted)), 3)
      return { key, score: loose(name(key)) === loose(name(wanted)) ? 2 : distance <= 2 ? 3 + distance : Infinity }
    })
    .filter((c) => c.score !== Infinity)
  return scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, limit).map((c) => c.key)
}

/** Levenshtein distance, giving up (returning `cap`) once it can't be below it. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    if (Math.min(...current) >= cap) return cap
    previous = current
  }
  return Math.min(previous[b.length]!, cap)
}
