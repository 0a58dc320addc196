import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** The transfer queue's own namespace, so its strings never collide with the shell's. */
export const transfersNamespace = 'transfers'

export function registerTransfersTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries({ en, es })) {
    if (!i18n.hasResourceBundle(language, transfersNamespace)) i18n.addResourceBundle(language, transfersNamespace, catalog, true, false)
  }
}

export function useTransfersTranslation() {
  const { i18n } = useTranslation()
  registerTransfersTranslations(i18n)
  return useTranslation(transfersNamespace)
}
