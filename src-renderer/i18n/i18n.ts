import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { UiLanguage } from '../features/language/chooseLanguage'
import en from './en.json'
import es from './es.json'

export const catalogs = { en, es } as const

/**
 * Starts i18next synchronously: the catalogs are bundled, so the first render is already
 * in the right language and never flashes keys.
 */
export function startI18n(language: UiLanguage) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'es'],
    // React escapes text itself; escaping here would double it.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnEmptyString: false,
  })
  document.documentElement.lang = language
  return i18next
}

/** The raw string of one language's catalog, for error translation by code. */
export function lookupIn(language: string) {
  return (key: string): string | undefined => {
    const value: unknown = i18next.getResource(language, 'translation', key)
    return typeof value === 'string' ? value : undefined
  }
}
