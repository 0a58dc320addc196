import { AddProfileDialog } from '../features/profiles/AddProfileDialog'
import { DeleteProfileDialog } from '../features/profiles/DeleteProfileDialog'
import { EditProfileDialog } from '../features/profiles/EditProfileDialog'
import { ImportAwsDialog } from '../features/profiles/ImportAwsDialog'
import { useDialogStore } from './dialogStore'

export function DialogHost() {
  const open = useDialogStore((s) => s.open)
  const close = useDialogStore((s) => s.close)
  switch (open?.kind) {
    case 'add-profile':
      return <AddProfileDialog onClose={close} />
    case 'edit-profile':
      return <EditProfileDialog profileId={open.profileId} onClose={close} />
    case 'delete-profile':
      return <DeleteProfileDialog profileId={open.profileId} onClose={close} />
    case 'import-aws':
      return <ImportAwsDialog onClose={close} />
    default:
      return null
  }
}
