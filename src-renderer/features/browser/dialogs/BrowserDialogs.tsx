import { useBrowserStore } from '../browserStore'
import { useBrowserUiStore } from '../browserUiStore'
import { DeleteDialog } from './DeleteDialog'
import { HeadersDialog } from './HeadersDialog'
import { NewFolderDialog } from './NewFolderDialog'
import { PresignDialog } from './PresignDialog'
import { PublicCheckDialog } from './PublicCheckDialog'
import { RenameDialog } from './RenameDialog'
import './dialogs.css'

/** The one open browser dialog, if any, for the open folder. */
export function BrowserDialogs() {
  const dialog = useBrowserUiStore((s) => s.dialog)
  const close = useBrowserUiStore((s) => s.closeDialog)
  const location = useBrowserStore((s) => s.location)
  if (!dialog || !location) return null
  switch (dialog.kind) {
    case 'new-folder':
      return <NewFolderDialog location={location} onClose={close} />
    case 'delete':
      return <DeleteDialog location={location} keys={dialog.keys} onClose={close} />
    case 'rename':
      return <RenameDialog location={location} from={dialog.key} onClose={close} />
    case 'headers':
      return <HeadersDialog location={location} objectKey={dialog.key} onClose={close} />
    case 'presign':
      return <PresignDialog location={location} keys={dialog.keys} onClose={close} />
    case 'public':
      return <PublicCheckDialog location={location} objectKey={dialog.key} onClose={close} />
  }
}
