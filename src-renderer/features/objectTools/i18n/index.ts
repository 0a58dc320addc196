import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** The object tools' own namespace (tags, metadata, storage class, restore), so their strings never collide with the shell's. */
export const objectToolsNamespace = 'objectTools'
export const objectToolsCatalogs = { en, es } as const

export function registerObjectToolsTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(objectToolsCatalogs)) {
    if (!i18n.hasResourceBundle(language, objectToolsNamespace)) i18n.addResourceBundle(language, objectToolsNamespace, catalog, true, false)
  }
}

export function useObjectToolsTranslation() {
  const { i18n } = useTranslation()
  registerObjectToolsTranslations(i18n)
  return useTranslation(objectToolsNamespace)
}
