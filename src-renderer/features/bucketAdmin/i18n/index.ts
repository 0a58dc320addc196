import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from './en.json'
import es from './es.json'

/** Bucket management's own namespace (create, count, delete), so its strings never collide with the shell's. */
export const bucketAdminNamespace = 'bucketAdmin'
export const bucketAdminCatalogs = { en, es } as const

export function registerBucketAdminTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(bucketAdminCatalogs)) {
    if (!i18n.hasResourceBundle(language, bucketAdminNamespace)) i18n.addResourceBundle(language, bucketAdminNamespace, catalog, true, false)
  }
}

export function useBucketAdminTranslation() {
  const { i18n } = useTranslation()
  registerBucketAdminTranslations(i18n)
  return useTranslation(bucketAdminNamespace)
}
