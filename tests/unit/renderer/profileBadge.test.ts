import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { badgeColour, badgeLetters } from '../../../src-renderer/features/profiles/profileBadge'

describe('profile badges', () => {
  it('take the initials of two words, or two letters of one', () => {
    expect(badgeLetters('Mi proyecto Django')).toBe('MP')
    expect(badgeLetters('Mi blog')).toBe('MB')
    expect(badgeLetters('blog')).toBe('BL')
    expect(badgeLetters('  ñandú-prod ')).toBe('ÑP')
    expect(badgeLetters('(1) trabajo')).toBe('1T')
    expect(badgeLetters('!!!')).toBe('?')
  })

  it('are one or two characters for any name, and a colour from 1 to 8 that stays with the id', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (name, id) => {
        const letters = [...badgeLetters(name)]
        expect(letters.length).toBeGreaterThanOrEqual(1)
        expect(letters.length).toBeLessThanOrEqual(2)
        const colour = badgeColour(id)
        expect(colour).toBeGreaterThanOrEqual(1)
        expect(colour).toBeLessThanOrEqual(8)
        expect(badgeColour(id)).toBe(colour)
      }),
    )
  })

  it('spread ids over the colours', () => {
    const colours = new Set(Array.from({ length: 40 }, (_, i) => badgeColour(`profile-${i}-${i * 7}`)))
    expect(colours.size).toBeGreaterThanOrEqual(6)
  })
})
