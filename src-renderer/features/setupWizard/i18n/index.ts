import type { i18n as I18n } from 'i18next'
import en from './en.json'
import es from './es.json'

/** The wizard's own namespace, so that its strings never collide with the shell's catalog. */
export const setupNamespace = 'setup'

export const setupCatalogs = { en, es } as const

/**
 * Adds the wizard's strings to an i18next instance. Safe to call more than once: a
 * bundle already there is left as it is. Call it after i18next is initialised.
 */
export function registerSetupWizardTranslations(i18n: I18n): void {
  for (const [language, catalog] of Object.entries(setupCatalogs)) {
    if (!i18n.hasResourceBundle(language, setupNamespace)) i18n.addResourceBundle(language, setupNamespace, catalog, true, false)
  }
}
