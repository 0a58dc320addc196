import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { ConfirmDeletes } from './ConfirmDeletes'
import { downloadFolderZip } from './folderZip'
import { useSyncTranslation } from './i18n'
import { prefixFromInput } from './pickedFolder'
import { SyncPreviewView } from './SyncPreviewView'
import { SyncSetup } from './SyncSetup'
import { useSyncStore } from './syncStore'
import './sync.css'

/**
 * "Sync a folder": set up, see the preview, confirm deletes if ticked. Each step is its
 * own dialog (keyed), so the focus lands at the top of each and, when the last one
 * closes, goes back to the button that opened the first.
 */
export function SyncDialog() {
  const { t } = useSyncTranslation()
  const target = useSyncStore((s) => s.target)
  const step = useSyncStore((s) => s.step)
  const preview = useSyncStore((s) => s.preview)
  const error = useSyncStore((s) => s.error)
  const close = useSyncStore((s) => s.close)
  if (!target) return null
  const zip = (prefixText: string) => {
    close()
    void downloadFolderZip({ profileId: target.profileId, bucket: target.bucket, prefix: prefixFromInput(prefixText) })
  }
  if (step === 'confirm-deletes' && preview) {
    return (
      <Dialog key="confirm" title={t('preview.confirmTitle')} onClose={useSyncStore.getState().back} size="small">
        <ConfirmDeletes preview={preview} />
      </Dialog>
    )
  }
  if (step === 'preview' && preview) {
    return (
      <Dialog key="preview" title={t('dialog.previewTitle')} onClose={close} size="large">
        <SyncPreviewView preview={preview} />
      </Dialog>
    )
  }
  return (
    <Dialog key="setup" title={t('dialog.title')} onClose={close} size="medium">
      {error && <ErrorAlert error={error} namespace="sync" />}
      <SyncSetup onCancel={close} onZip={zip} />
    </Dialog>
  )
}
