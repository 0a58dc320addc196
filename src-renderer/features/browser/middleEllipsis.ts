/**
 * Where a long name may be cut with "…": in the middle, so that the end stays
 *
 * "apuntes tema 1 (1).txt" and "apuntes tema 1.txt" must not both read "apuntes tem…":
 * the tail keeps the extension, a copy number such as " (1)", and the last few
 * characters before them. The head is what gives way. head + tail is always the name.
 */
const suffix = /(\s*\(\d+\))?(\.[^.\s/]{1,12})?\/?$/u

export function splitForMiddle(name: string): { head: string; tail: string } {
  const chars = [...name]
  const matched = suffix.exec(name)?.[0] ?? ''
  const suffixLength = [...matched].length
  const stemLength = chars.length - suffixLength
  // A few characters of the stem stay with the tail: "tema 1" and "tema 2" differ there.
  const keep = Math.min(4, Math.floor(stemLength / 2))
  const cut = stemLength - keep
  return { head: chars.slice(0, cut).join(''), tail: chars.slice(cut).join('') }
}
