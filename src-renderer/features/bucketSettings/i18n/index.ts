import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** The bucket settings panel's own namespace. */
export const bucketSettingsNamespace = 'bucketSettings'
export const bucketSettingsCatalogs = { en, es } as const

export function registerBucketSettingsTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(bucketSettingsCatalogs)) {
    if (!i18n.hasResourceBundle(language, bucketSettingsNamespace)) i18n.addResourceBundle(language, bucketSettingsNamespace, catalog, true, false)
  }
}

export function useBucketSettingsTranslation() {
  const { i18n } = useTranslation()
  registerBucketSettingsTranslations(i18n)
  return useTranslation(bucketSettingsNamespace)
}
