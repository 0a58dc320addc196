import { describe, expect, it } from 'vitest'
import { formatModified, formatSize } from '../../../src-renderer/features/browser/formatting'
import { canonical, formatLocaleFor } from '../../../src-renderer/i18n/localeRules'

describe('the locale numbers and dates are written in', () => {
  it('is the full OS locale when it speaks the UI language', () => {
    expect(formatLocaleFor('es', ['es-MX', 'en-US'])).toBe('es-MX')
    expect(formatLocaleFor('es', ['es_ES.UTF-8'])).toBe('es-ES')
    expect(formatLocaleFor('en', ['en-GB'])).toBe('en-GB')
  })

  it('is the first locale of the UI language, skipping others and junk', () => {
    expect(formatLocaleFor('es', ['en-US', '', null, 'not a locale!', 'es-AR'])).toBe('es-AR')
  })

  it('falls back to Latin American Spanish and US English', () => {
    expect(formatLocaleFor('es', ['en-US'])).toBe('es-419')
    expect(formatLocaleFor('en', ['es-MX'])).toBe('en-US')
    expect(formatLocaleFor('es', [])).toBe('es-419')
  })

  it('reads POSIX and lower-case tags', () => {
    expect(canonical('es_mx')).toBe('es-MX')
    expect(canonical('es_MX.UTF-8@euro')).toBe('es-MX')
    expect(canonical('')).toBeNull()
  })

  it('makes es-MX and es-ES write the same size and time differently', () => {
    expect(formatSize(3000, 'es-MX')).toBe('3.0 KB')
    expect(formatSize(3000, 'es-ES')).toBe('3,0 KB')
    expect(formatModified('2024-03-05T19:14:00.000Z', 'es-MX', 'UTC')).toMatch(/7:14\sp\.\s?m\./)
    expect(formatModified('2024-03-05T19:14:00.000Z', 'es-ES', 'UTC')).toContain('19:14')
  })
})
