import { useState } from 'react'
import type { VersionEntry } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { copyText } from '../../clipboard/copyText'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useToastStore } from '../browser/toastStore'
import { ExpiryField } from '../browser/ExpiryField'
import { defaultExpirySeconds } from '../browser/urlForms'
import { useVersionsTranslation, versionsNamespace } from './i18n'
import { nameOf } from './versionActions'
import type { VersionsWhere } from './versionsListStore'
import { DialogForm } from '../../ui/DialogForm'

/** A presigned link to exactly this version, for as long as the user chooses (at most 7 days). */
export function VersionLinkDialog({ where, version, onClose }: { where: VersionsWhere; version: VersionEntry; onClose: () => void }) {
  const { t } = useVersionsTranslation()
  const [seconds, setSeconds] = useState(defaultExpirySeconds)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof asBridgeError> | null>(null)
  const copy = async () => {
    setBusy(true)
    setError(null)
    try {
      const { url } = unwrap(await bridge['versions/presign']({ profileId: where.profileId, bucket: where.bucket, key: version.key, versionId: version.versionId, expiresInSeconds: seconds }))
      await copyText(url)
      useToastStore.getState().show(t('toast.linkCopied'), { detail: url })
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  return (
    <Dialog title={t('link.title', { name: nameOf(version.key) })} onClose={onClose} size="small">
      <DialogForm busy={busy} onSubmit={() => void copy()}>
        <div className="form__body">
          <p className="dialog__text">{t('link.explain')}</p>
          <ExpiryField label={t('link.expires')} seconds={seconds} onChange={setSeconds} />
        </div>
        {error && <ErrorAlert error={error} namespace={versionsNamespace} />}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('link.copy')}
          </button>
        </div>
      </DialogForm>
    </Dialog>
  )
}
