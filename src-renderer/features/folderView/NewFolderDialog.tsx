import { useState } from 'react'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFolderStore } from './folderStore'
import { useFolderTranslation } from './i18n'

/** A folder in S3 is a zero-byte "name/" object; the main side refuses one that exists. */
export function NewFolderDialog({ onClose }: { onClose(): void }) {
  const { t } = useFolderTranslation()
  const { profileId, bucket, prefix, refresh } = useFolderStore.getState()
  const [name, setName] = useState('')
  const [error, setError] = useState<BridgeError | null>(null)
  const create = async () => {
    if (!profileId || !bucket) return
    try {
      const { key } = unwrap(await bridge['objects/createFolder']({ profileId, bucket, prefix, name }))
      refresh([key])
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
    }
  }
  return (
    <Dialog title={t('newFolder')} onClose={onClose} size="small">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          void create()
        }}
      >
        <div className="form__body">
          <label className="field">
            <span className="field__label">{t('folderName')}</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          {error && <ErrorAlert error={error} />}
        </div>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            {t('create')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
