import { useState } from 'react'
import type { VersionEntry } from '../../../src-main/contract/bridge'
import { bridge, BridgeCallError, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { formatModified } from '../browser/formatting'
import { useBrowserStore } from '../browser/browserStore'
import { useToastStore } from '../browser/toastStore'
import { useVersionsTranslation, versionsNamespace } from './i18n'
import { nameOf } from './versionActions'
import { useVersionsListStore, type VersionsWhere } from './versionsListStore'
import { useFormatLocale } from '../../i18n/formatLocale'

/** "Delete this version for good?": says it can't be undone; Cancel has the focus. */
export function DeleteVersionDialog({ where, version, onClose }: { where: VersionsWhere; version: VersionEntry; onClose: () => void }) {
  const { t } = useVersionsTranslation()
  const locale = useFormatLocale()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof asBridgeError> | null>(null)
  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      const outcome = unwrap(await bridge['versions/deletePermanently']({ profileId: where.profileId, bucket: where.bucket, versions: [{ key: version.key, versionId: version.versionId }] }))
      if (outcome.failed[0]) throw new BridgeCallError(outcome.failed[0].error)
      useToastStore.getState().show(t('toast.deletedForGood', { name: nameOf(version.key) }))
      void useVersionsListStore.getState().refresh()
      void useBrowserStore.getState().refresh()
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  return (
    <Dialog title={t('deleteForGood.title', { name: nameOf(version.key) })} onClose={onClose} size="small">
      <div className="form__body dialog__text">
        <p>{t('deleteForGood.which', { date: formatModified(version.lastModified, locale), id: version.versionId })}</p>
        <p className="delete-warning">{version.isLatest ? t('deleteForGood.current') : t('deleteForGood.permanent')}</p>
      </div>
      {error && <ErrorAlert error={error} namespace={versionsNamespace} />}
      <div className="form__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {t('deleteForGood.confirm')}
        </button>
      </div>
    </Dialog>
  )
}
