import { useEffect, useState } from 'react'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFolderStore } from './folderStore'
import { useFolderTranslation } from './i18n'
import { useToastStore } from './toastStore'

/** Names the count before deleting; folders go with everything in them, in batches. */
export function DeleteDialog({ keys, onClose }: { keys: string[]; onClose(): void }) {
  const { t } = useFolderTranslation()
  const { profileId, bucket, refresh } = useFolderStore.getState()
  const toast = useToastStore((s) => s.show)
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)
  const [operationId] = useState(() => crypto.randomUUID())
  useEffect(() => bridge.on('objects/progress', (p) => p.operationId === operationId && setProgress({ done: p.done, total: p.total })), [operationId])

  const confirm = async () => {
    if (!profileId || !bucket) return
    setProgress({ done: 0, total: null })
    try {
      const result = unwrap(await bridge['objects/delete']({ profileId, bucket, keys, operationId }))
      toast(t('deleted', { count: result.deleted }))
      refresh()
      if (result.failed.length > 0) setError(result.failed[0]!.error)
      else onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
    }
  }
  return (
    <Dialog title={t('deleteTitle', { count: keys.length })} onClose={onClose} size="small">
      <p className="dialog__text">{t('deleteBody')}</p>
      {keys.some((k) => k.endsWith('/')) && <p className="dialog__text">{t('deleteFolders')}</p>}
      {error && <ErrorAlert error={error} />}
      <div className="form__actions">
        <p role="status" className="form__status">
          {progress ? (progress.total === null ? t('deletingCounting', { done: progress.done }) : t('deleting', progress)) : ''}
        </p>
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={progress !== null && !error} onClick={() => void confirm()}>
          {t('delete')}
        </button>
      </div>
    </Dialog>
  )
}
