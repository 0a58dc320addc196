import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** The folder view's own namespace, so its strings never collide with the shell's. */
export const folderNamespace = 'folder'

export function useFolderTranslation() {
  const { i18n } = useTranslation()
  registerFolderTranslations(i18n)
  return useTranslation(folderNamespace)
}

function registerFolderTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries({ en, es })) {
    if (!i18n.hasResourceBundle(language, folderNamespace)) i18n.addResourceBundle(language, folderNamespace, catalog, true, false)
  }
}
