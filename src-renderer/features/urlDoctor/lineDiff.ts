/**
 * Which lines of "now" go and which lines of "after" are new, by the longest common
 * subsequence of lines, so a fix's preview can mark exactly what changes. Pure.
 */
export interface DiffLine {
  text: string
  changed: boolean
}

export function lineDiff(before: string | null, after: string | null): { before: DiffLine[]; after: DiffLine[] } {
  const a = before === null ? [] : before.split('\n')
  const b = after === null ? [] : after.split('\n')
  // lengths[i][j]: longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
  }
  const kept = { a: new Set<number>(), b: new Set<number>() }
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.a.add(i++)
      kept.b.add(j++)
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++
    else j++
  }
  return {
    before: a.map((text, i) => ({ text, changed: !kept.a.has(i) })),
    after: b.map((text, j) => ({ text, changed: !kept.b.has(j) })),
  }
}
