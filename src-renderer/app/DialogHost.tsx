import { AddProfileDialog } from '../features/profiles/AddProfileDialog'
import { DeleteProfileDialog } from '../features/profiles/DeleteProfileDialog'
import { EditProfileDialog } from '../features/profiles/EditProfileDialog'
import { ImportAwsDialog } from '../features/profiles/ImportAwsDialog'
import { CreateBucketHost, DeleteBucketHost } from '../features/bucketAdmin/BucketAdminDialogs'
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
    case 'create-bucket':
      return <CreateBucketHost profileId={open.profileId} onClose={close} />
    case 'delete-bucket':
      return <DeleteBucketHost profileId={open.profileId} bucket={open.bucket} onClose={close} />
    default:
      return null
  }
}
