import { useState } from 'react'
import { Dialog } from '../../../ui/Dialog'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'
import { copyUrls } from '../copyUrls'
import { ExpiryField } from '../ExpiryField'
import { defaultExpirySeconds } from '../urlForms'
import { objectGrid } from './gridFocus'
import { DialogForm } from '../../../ui/DialogForm'

/**
 * A presigned link opens a private object without keys, until it expires (at most 7
 * days). The user picks how long; the main process signs it, since that needs the secret.
 */
export function PresignDialog({ location, keys, onClose }: { location: BrowserLocation; keys: string[]; onClose: () => void }) {
  const { t } = useBrowserTranslation()
  const [seconds, setSeconds] = useState(defaultExpirySeconds)
  const [busy, setBusy] = useState(false)

  const copy = async () => {
    setBusy(true)
    const copied = await copyUrls({ profileId: location.profileId, bucket: location.bucket, keys, form: 'presigned', expiresInSeconds: seconds })
    setBusy(false)
    if (copied) onClose()
  }

  return (
    <Dialog title={t('presign.title', { count: keys.length })} onClose={onClose} size="small" focusFallback={objectGrid}>
      <DialogForm busy={busy} onSubmit={() => void copy()}>
        <div className="form__body">
          <p className="dialog__text">{t('presign.explain')}</p>
          <ExpiryField label={t('presign.expires')} seconds={seconds} onChange={setSeconds} />
        </div>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {t('presign.copy', { count: keys.length })}
          </button>
        </div>
      </DialogForm>
    </Dialog>
  )
}
