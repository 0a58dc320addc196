import { lazy, Suspense } from 'react'
import { UnreachableKeyDialog } from '../../urlDoctor/UnreachableKeyDialog'
import { useBrowserStore } from '../browserStore'
import { useBrowserUiStore } from '../browserUiStore'
import { DeleteDialog, type DeleteHooks } from './DeleteDialog'
import { HeadersDialog } from './HeadersDialog'
import { NewFolderDialog } from './NewFolderDialog'
import { PresignDialog } from './PresignDialog'
import { RenameDialog } from './RenameDialog'
import './dialogs.css'
import { BulkTagDialog } from '../../objectTools/BulkTagDialog'
import { RestoreDialog } from '../../objectTools/RestoreDialog'
import { StorageClassDialog } from '../../objectTools/StorageClassDialog'
import { TagsDialog } from '../../objectTools/TagsDialog'

// The doctor is a feature of its own, loaded the first time it is opened.
const UrlDoctorDialog = lazy(() => import('../../urlDoctor/UrlDoctorDialog').then((m) => ({ default: m.UrlDoctorDialog })))

/** The one open browser dialog, if any, for the open folder. */
export function BrowserDialogs({ publicBaseUrl, deleteHooks }: { publicBaseUrl: string | null; deleteHooks?: DeleteHooks | undefined }) {
  const dialog = useBrowserUiStore((s) => s.dialog)
  const close = useBrowserUiStore((s) => s.closeDialog)
  const showDialog = useBrowserUiStore((s) => s.showDialog)
  const location = useBrowserStore((s) => s.location)
  if (!dialog || !location) return null
  switch (dialog.kind) {
    case 'new-folder':
      return <NewFolderDialog location={location} onClose={close} />
    case 'delete':
      return <DeleteDialog location={location} keys={dialog.keys} onClose={close} hooks={deleteHooks} />
    case 'rename':
      return <RenameDialog location={location} from={dialog.key} initialTo={dialog.to} onClose={close} />
    case 'headers':
      return <HeadersDialog location={location} objectKey={dialog.key} onClose={close} />
    case 'presign':
      return <PresignDialog location={location} keys={dialog.keys} onClose={close} />
    case 'tags': {
      const only = dialog.keys.length === 1 ? dialog.keys[0] : undefined
      return only && !only.endsWith('/') ? <TagsDialog location={location} objectKey={only} onClose={close} /> : <BulkTagDialog location={location} keys={dialog.keys} onClose={close} />
    }
    case 'storage-class':
      return <StorageClassDialog location={location} keys={dialog.keys} onClose={close} />
    case 'restore':
      return <RestoreDialog location={location} keys={dialog.keys} onClose={close} />
    case 'doctor':
      return (
        <Suspense fallback={null}>
          <UrlDoctorDialog
            target={{ profileId: location.profileId, bucket: location.bucket, key: dialog.key, publicBaseUrl }}
            onClose={close}
            onRename={(key, to) => showDialog({ kind: 'rename', key, to })}
          />
        </Suspense>
      )
    case 'unreachable':
      return <UnreachableKeyDialog objectKey={dialog.key} segment={dialog.segment} suggestion={dialog.suggestion} onClose={close} onRename={() => showDialog({ kind: 'rename', key: dialog.key, to: dialog.suggestion })} />
  }
}
