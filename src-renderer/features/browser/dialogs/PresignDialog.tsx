import { useState } from 'react'
import { Dialog } from '../../../ui/Dialog'
import { Field } from '../../../ui/Field'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'
import { copyUrls } from '../copyUrls'
import { defaultExpirySeconds, expiryChoices, expiryLabel } from '../urlForms'

/**
 * A presigned link opens a private object without keys, until it expires (at most 7
 * days). The user picks how long; the main process signs it, since that needs the secret.
 */
export function PresignDialog({ location, keys, onClose }: { location: BrowserLocation; keys: string[]; onClose: () => void }) {
  const { t, i18n } = useBrowserTranslation()
  const [seconds, setSeconds] = useState(defaultExpirySeconds)
  const [busy, setBusy] = useState(false)

  const copy = async () => {
    setBusy(true)
    const copied = await copyUrls({ profileId: location.profileId, bucket: location.bucket, keys, form: 'presigned', expiresInSeconds: seconds })
    setBusy(false)
    if (copied) onClose()
  }

  return (
    <Dialog title={t('presign.title', { count: keys.length })} onClose={onClose} size="small">
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (!busy) void copy()
        }}
      >
        <div className="form__body">
          <p className="dialog__text">{t('presign.explain')}</p>
          <Field label={t('presign.expires')}>
            {(control) => (
              <select {...control} className="select" value={seconds} onChange={(event) => setSeconds(Number(event.target.value))}>
                {expiryChoices.map((choice) => (
                  <option key={choice.seconds} value={choice.seconds}>
                    {expiryLabel(choice, i18n.language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('presign.copy', { count: keys.length })}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
