/**
 * The little square beside a profile's name: two letters and a colour, so that
 * "Mi proyecto Django" (MP) and "Mi blog" (MB), or two "Trabajo" profiles, look different
 */
export const badgeColours = 8

/** Initials of the first two words, or the first two letters of a one-word name. */
export function badgeLetters(name: string): string {
  const words = name.trim().split(/[\s\-_.·/]+/u).filter(Boolean)
  const letters = (word: string) => [...word.normalize('NFC')].filter((ch) => /[\p{L}\p{N}]/u.test(ch))
  if (words.length >= 2) {
    const first = letters(words[0]!)[0]
    const second = letters(words[1]!)[0]
    if (first && second) return upperTwo(`${first}${second}`)
  }
  return upperTwo(letters(words.join('')).slice(0, 2).join('') || '?')
}

/** "ß" upper-cases to "SS": keep two characters whatever the case mapping does. */
const upperTwo = (text: string) => [...text.toLocaleUpperCase()].slice(0, 2).join('')

/** A colour number 1–8 from the profile's id: stable across renames and restarts. */
export function badgeColour(id: string): number {
  let hash = 0
  for (const ch of id) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0
  return (hash % badgeColours) + 1
}
