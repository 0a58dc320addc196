import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** Versions’ own namespace, so its strings never collide with the shell's. */
export const versionsNamespace = 'versions'
export const versionsCatalogs = { en, es } as const

export function registerVersionsTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(versionsCatalogs)) {
    if (!i18n.hasResourceBundle(language, versionsNamespace)) i18n.addResourceBundle(language, versionsNamespace, catalog, true, false)
  }
}

export function useVersionsTranslation() {
  const { i18n } = useTranslation()
  registerVersionsTranslations(i18n)
  return useTranslation(versionsNamespace)
}
