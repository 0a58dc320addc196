import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** Search's own namespace, so its strings never collide with the shell's. */
export const searchNamespace = 'search'

export function registerSearchTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries({ en, es })) {
    if (!i18n.hasResourceBundle(language, searchNamespace)) i18n.addResourceBundle(language, searchNamespace, catalog, true, false)
  }
}

export function useSearchTranslation() {
  const { i18n } = useTranslation()
  registerSearchTranslations(i18n)
  return useTranslation(searchNamespace)
}
