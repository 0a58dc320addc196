import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { shellLanding } from '../../app/shellFocus'
import { useProfilesStore } from './profilesStore'

/** Asks before forgetting a profile; Cancel has the focus, so Enter is never destructive. */
export function DeleteProfileDialog({ profileId, onClose }: { profileId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  const remove = useProfilesStore((s) => s.remove)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  // Once deleted, "Delete profile" belongs to another profile: land on the one now active.
  const deleted = useRef(false)

  useEffect(() => {
    if (!profile && !busy) onClose()
  }, [profile, busy, onClose])
  if (!profile) return null

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await remove(profile.id)
      deleted.current = true
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog
      title={t('deleteProfile.title', { name: profile.name })}
      onClose={() => !busy && onClose()}
      size="small"
      focusAfterClose={() => (deleted.current ? shellLanding() : null)}
      focusFallback={shellLanding}
    >
      <p className="dialog__text">{t('deleteProfile.body')}</p>
      {error && <ErrorAlert error={error} />}
      <div className="form__actions">
        <p role="status" className="form__status">
          {busy ? t('deleteProfile.deleting') : ''}
        </p>
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onClose()} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button--danger" aria-disabled={busy || undefined} onClick={() => !busy && void confirm()}>
          {t('deleteProfile.confirm')}
        </button>
      </div>
    </Dialog>
  )
}
