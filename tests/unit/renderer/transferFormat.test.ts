import { describe, expect, it } from 'vitest'
import { formatBytes, formatDuration } from '../../../src-renderer/features/transfers/transferFormat'

describe('transfer numbers as people read them', () => {
  it('formats bytes with decimal units in the UI language', () => {
    expect(formatBytes(0, 'en')).toBe('0 B')
    expect(formatBytes(999, 'en')).toBe('999 B')
    expect(formatBytes(1500, 'en')).toBe('1.5 KB')
    expect(formatBytes(1500, 'es')).toBe('1,5 KB')
    expect(formatBytes(250_000_000, 'en')).toBe('250 MB')
    expect(formatBytes(5e12, 'en')).toBe('5.0 TB')
  })
  it('formats time left in seconds, minutes or hours', () => {
    expect(formatDuration(42, 'en')).toBe('42 sec')
    expect(formatDuration(600, 'en')).toBe('10 min')
    expect(formatDuration(7200, 'en')).toBe('2 hr')
  })
})
