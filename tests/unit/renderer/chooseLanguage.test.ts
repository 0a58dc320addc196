import { describe, expect, it } from 'vitest'
import { chooseLanguage, languageOfLocale } from '../../../src-renderer/features/language/chooseLanguage'

describe('languageOfLocale', () => {
  it.each([
    ['es-ES', 'es'],
    ['es', 'es'],
    ['es-419', 'es'],
    ['ES-mx', 'es'],
    ['es_ES.UTF-8', 'es'],
    ['en-GB', 'en'],
    ['en_US.utf8', 'en'],
  ])('reads %s as %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language)
  })

  it.each(['fr-FR', 'C', 'POSIX', '', 'eses', 'e'])('knows no UI language for %j', (locale) => {
    expect(languageOfLocale(locale)).toBeNull()
  })
})

describe('chooseLanguage', () => {
  it("keeps the user's saved choice over the OS locale", () => {
    expect(chooseLanguage('en', ['es-ES', 'es'])).toBe('en')
    expect(chooseLanguage('es', ['en-US'])).toBe('es')
  })

  it('follows the OS locale when nothing is saved', () => {
    expect(chooseLanguage(null, ['es-ES', 'en-US'])).toBe('es')
  })

  it("falls back to the browser's language when the OS locale is not one Cubeta speaks", () => {
    expect(chooseLanguage(null, ['fr-FR', 'es-AR'])).toBe('es')
    expect(chooseLanguage(null, [undefined, 'es'])).toBe('es')
  })

  it('ignores a saved value that is not a UI language', () => {
    expect(chooseLanguage('de', ['es-ES'])).toBe('es')
  })

  it('ends in English when nothing matches', () => {
    expect(chooseLanguage(null, ['fr-FR', 'de-DE'])).toBe('en')
    expect(chooseLanguage(null, [])).toBe('en')
  })
})
