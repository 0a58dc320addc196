import { useTranslation } from 'react-i18next'
import { registerSetupWizardTranslations, setupNamespace } from './i18n'

/**
 * `useTranslation('setup')`, after making sure the wizard's strings are registered, so
 * the wizard speaks even if the app forgot to call registerSetupWizardTranslations.
 */
export function useSetupTranslation() {
  const { i18n } = useTranslation()
  registerSetupWizardTranslations(i18n)
  return useTranslation(setupNamespace)
}
