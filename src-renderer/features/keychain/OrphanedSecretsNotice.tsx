import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { useAppInfoStore } from '../../app/appInfoStore'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { CloseIcon, KeyIcon } from '../../ui/icons'

/**
 * Cubeta secrets in the keychain that no profile uses (an older version's leftovers, or
 * the profiles of a damaged file). Never removed unasked: the user may want them back.
 */
export function OrphanedSecretsNotice() {
  const { t } = useTranslation()
  const count = useAppInfoStore((s) => s.info?.orphanedSecrets ?? 0)
  const reload = useAppInfoStore((s) => s.load)
  const [dismissed, setDismissed] = useState(false)
  const [asking, setAsking] = useState(false)
  const removeButton = useRef<HTMLButtonElement>(null)
  if (count === 0 || dismissed) return null
  const closeDialog = () => {
    setAsking(false)
    // Back to the button that opened it (the dialog leaves the page before it could).
    requestAnimationFrame(() => removeButton.current?.focus())
  }
  return (
    <section role="status" aria-label={t('keychain.orphans.label')} className="notice notice--warning app-notice">
      <KeyIcon />
      <div className="notice__text">
        <p className="notice__message">{t('keychain.orphans.title', { count })}</p>
        <p className="notice__hint">{t('keychain.orphans.body', { count })}</p>
        <p>
          <button ref={removeButton} type="button" className="button" onClick={() => setAsking(true)}>
            {t('keychain.orphans.remove', { count })}
          </button>
        </p>
      </div>
      <button type="button" className="notice__dismiss" aria-label={t('keychain.orphans.dismiss')} onClick={() => setDismissed(true)}>
        <CloseIcon />
      </button>
      {asking && <ConfirmRemoval count={count} onClose={closeDialog} onRemoved={() => void reload()} />}
    </section>
  )
}

/** Asks first; Cancel has the focus, so Enter never removes anything. */
function ConfirmRemoval({ count, onClose, onRemoved }: { count: number; onClose: () => void; onRemoved: () => void }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      unwrap(await bridge['profiles/removeOrphanedSecrets']({}))
      onClose()
      onRemoved()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  return (
    <Dialog title={t('keychain.orphans.confirmTitle', { count })} onClose={onClose} size="small">
      <p className="dialog__text">{t('keychain.orphans.confirmBody', { count })}</p>
      {error && <ErrorAlert error={error} />}
      <div className="form__actions">
        <p role="status" className="form__status">
          {busy ? t('keychain.orphans.removing') : ''}
        </p>
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {t('keychain.orphans.confirm')}
        </button>
      </div>
    </Dialog>
  )
}
