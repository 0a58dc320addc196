import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** Incomplete uploads’ own namespace, so its strings never collide with the shell's. */
export const incompleteUploadsNamespace = 'incompleteUploads'
export const incompleteUploadsCatalogs = { en, es } as const

export function registerIncompleteUploadsTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(incompleteUploadsCatalogs)) {
    if (!i18n.hasResourceBundle(language, incompleteUploadsNamespace)) i18n.addResourceBundle(language, incompleteUploadsNamespace, catalog, true, false)
  }
}

export function useIncompleteUploadsTranslation() {
  const { i18n } = useTranslation()
  registerIncompleteUploadsTranslations(i18n)
  return useTranslation(incompleteUploadsNamespace)
}
