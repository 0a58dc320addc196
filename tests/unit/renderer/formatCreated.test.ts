import { describe, expect, it } from 'vitest'
import { formatCreated, formatCreatedInFull } from '../../../src-renderer/features/buckets/formatCreated'

const iso = '2024-03-05T14:30:00.000Z'

describe('formatCreated', () => {
  it('writes the date the English way', () => {
    expect(formatCreated(iso, 'en', 'UTC')).toBe('Mar 5, 2024')
  })

  it('writes the date the Spanish way', () => {
    expect(formatCreated(iso, 'es', 'UTC')).toBe('5 mar 2024')
  })

  it("uses the reader's time zone for the day", () => {
    // 23:30 UTC on 5 March is already 6 March in Madrid.
    expect(formatCreated('2024-03-05T23:30:00Z', 'en', 'Europe/Madrid')).toBe('Mar 6, 2024')
  })

  it('gives null for a missing or unreadable date, so the cell can say so', () => {
    expect(formatCreated(null, 'en')).toBeNull()
    expect(formatCreated('', 'en')).toBeNull()
    expect(formatCreated('not a date', 'es')).toBeNull()
  })
})

describe('formatCreatedInFull', () => {
  // The joining words ("at", "a las") vary between ICU versions; the parts do not.
  it('includes the month name and the time, in the UI language', () => {
    const english = formatCreatedInFull(iso, 'en', 'UTC')
    expect(english).toMatch(/^March 5, 2024\b/)
    expect(english).toContain('2:30')
    expect(english).toMatch(/PM$/)
    const spanish = formatCreatedInFull(iso, 'es', 'UTC')
    expect(spanish).toMatch(/^5 de marzo de 2024\b/)
    expect(spanish).toMatch(/14:30$/)
  })

  it('gives null for an unreadable date', () => {
    expect(formatCreatedInFull('2024-13-45', 'en')).toBeNull()
  })
})
