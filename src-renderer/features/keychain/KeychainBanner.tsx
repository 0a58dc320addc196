import { useTranslation } from 'react-i18next'
import { translateError } from '../../errors/translateError'
import { lookupIn } from '../../i18n/i18n'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { CloseIcon, KeyIcon } from '../../ui/icons'
import { useKeychainStore } from './keychainStore'

/**
 * A calm note when the OS keychain is out of reach. Cubeta still works (secrets stay in
 * memory for the session), so this is a status, not an alarm, and it can be put away:
 * the secret-storage choice in every form repeats why the keychain option is off.
 */
export function KeychainBanner({ dismissible = false }: { dismissible?: boolean }) {
  const { t, i18n } = useTranslation()
  const status = useKeychainStore((s) => s.status)
  const error = useKeychainStore((s) => s.error)
  const dismissed = useKeychainStore((s) => s.bannerDismissed)
  const dismiss = useKeychainStore((s) => s.dismissBanner)
  if (error) return <ErrorAlert error={error} className="banner" />
  if (!status || status.available || !status.problem || (dismissible && dismissed)) return null
  const shown = translateError(status.problem, i18n.language, lookupIn(i18n.language))
  return (
    <section role="status" aria-label={t('keychain.bannerLabel')} className="notice notice--warning banner">
      <KeyIcon />
      <div className="notice__text">
        <p className="notice__title">{t('keychain.bannerTitle')}</p>
        <p className="notice__message">{shown.message}</p>
        <p className="notice__hint">{shown.hint}</p>
      </div>
      {dismissible && (
        <button type="button" className="notice__dismiss" aria-label={t('keychain.dismiss')} onClick={dismiss}>
          <CloseIcon />
        </button>
      )}
    </section>
  )
}
