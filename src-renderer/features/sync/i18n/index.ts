import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** Sync’s own namespace, so its strings never collide with the shell's. */
export const syncNamespace = 'sync'

export function registerSyncTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries({ en, es })) {
    if (!i18n.hasResourceBundle(language, syncNamespace)) i18n.addResourceBundle(language, syncNamespace, catalog, true, false)
  }
}

export function useSyncTranslation() {
  const { i18n } = useTranslation()
  registerSyncTranslations(i18n)
  return useTranslation(syncNamespace)
}
