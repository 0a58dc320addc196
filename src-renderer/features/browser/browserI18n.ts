import i18next, { type i18n as I18n } from 'i18next'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { catalogs, lookupIn } from '../../i18n/i18n'
import type { CatalogLookup } from '../../errors/translateError'

/**
 * The file browser's strings live in the shared catalog's `browser` group. The group is
 * also registered as the `browser` namespace, so that ErrorAlert (namespace="browser")
 * finds the browser's own error codes (folder-exists, target-exists…) under
 * `browser.errors` before the shell's.
 */
export const browserNamespace = 'browser'

export function registerBrowserErrors(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(catalogs)) {
    if (!i18n.hasResourceBundle(language, browserNamespace)) i18n.addResourceBundle(language, browserNamespace, catalog.browser, true, false)
  }
}

/** `t` scoped to the `browser` group of the shared catalog. */
export function useBrowserTranslation() {
  const translation = useTranslation()
  registerBrowserErrors(translation.i18n)
  return useTranslation('translation', { keyPrefix: 'browser' })
}

/** For errors shown outside ErrorAlert (toasts): the browser's wording first, then the shell's. */
export function browserErrorLookup(language: string): CatalogLookup {
  const shell = lookupIn(language)
  return (key) => {
    const own: unknown = i18next.getResource(language, 'translation', `browser.${key}`)
    return typeof own === 'string' ? own : shell(key)
  }
}

/** A storage class by the name the AWS console gives it, in the UI language (the same function until the language changes). */
export function useStorageClassName(): (storageClass: string) => string | undefined {
  const { t, i18n } = useBrowserTranslation()
  return useCallback((storageClass: string) => (i18n.exists(`browser.storageClasses.${storageClass}`) ? t(`storageClasses.${storageClass}`) : undefined), [t, i18n])
}
