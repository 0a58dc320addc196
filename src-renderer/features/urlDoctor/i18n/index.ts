import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import { doctorEnglish } from '../../../../src-main/contract/words/urlDoctor'
import en from './en.json'
import es from './es.json'

/**
 * The URL doctor's own namespace. Its findings arrive as codes ("policy.none"): the
 * English for them is the main process's own table (contract/words/urlDoctor.ts), so
 * the two can't drift; es.json carries the Spanish for the same codes.
 */
export const urlDoctorNamespace = 'urlDoctor'

export const urlDoctorCatalogs = {
  en: { ...en, findings: doctorEnglish as Record<string, string> },
  es,
}

export function registerUrlDoctorTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(urlDoctorCatalogs)) {
    if (!i18n.hasResourceBundle(language, urlDoctorNamespace)) i18n.addResourceBundle(language, urlDoctorNamespace, catalog, true, false)
  }
}

export function useUrlDoctorTranslation() {
  const { i18n } = useTranslation()
  registerUrlDoctorTranslations(i18n)
  return useTranslation(urlDoctorNamespace)
}
