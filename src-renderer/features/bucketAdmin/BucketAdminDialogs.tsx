import { useAppViewStore } from '../../app/appViewStore'
import { useBucketsStore } from '../buckets/bucketsStore'
import { useProfilesStore } from '../profiles/profilesStore'
import { useBucketAdminStore } from './bucketAdminStore'
import { CreateBucketDialog } from './CreateBucketDialog'
import { DeleteBucketDialog } from './DeleteBucketDialog'
import { useBucketAdminTranslation } from './i18n'
import './bucketAdmin.css'

/** The create and delete dialogs, opened from the bucket list; what happens after each. */
export function CreateBucketHost({ profileId, onClose }: { profileId: string; onClose: () => void }) {
  const { t } = useBucketAdminTranslation()
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId))
  if (!profile) return null
  return (
    <CreateBucketDialog
      profile={profile}
      onClose={onClose}
      onCreated={(created) => {
        onClose()
        useBucketAdminStore.getState().say(profileId, t('created', { bucket: created.bucket }))
        void useBucketsStore.getState().load(profileId)
        useAppViewStore.getState().openBucket({ profileId, bucket: created.bucket })
      }}
    />
  )
}

export function DeleteBucketHost({ profileId, bucket, onClose }: { profileId: string; bucket: string; onClose: () => void }) {
  const { t } = useBucketAdminTranslation()
  return (
    <DeleteBucketDialog
      profileId={profileId}
      bucket={bucket}
      onClose={onClose}
      onDeleted={() => {
        onClose()
        const view = useAppViewStore.getState()
        if (view.opened?.profileId === profileId && view.opened.bucket === bucket) view.closeBucket()
        useBucketAdminStore.getState().say(profileId, t('deleted', { bucket }))
        void useBucketsStore.getState().load(profileId)
      }}
    />
  )
}
