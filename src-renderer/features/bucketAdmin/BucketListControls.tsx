import { useAppViewStore } from '../../app/appViewStore'
import { useDialogStore } from '../../app/dialogStore'
import { PlusIcon } from '../../ui/icons'
import { useBucketsStore } from '../buckets/bucketsStore'
import { useBucketAdminStore } from './bucketAdminStore'
import { useBucketAdminTranslation } from './i18n'

/** What bucket management adds to the bucket list: New bucket, per-row Delete, and what just happened. */
export function NewBucketButton() {
  const { t } = useBucketAdminTranslation()
  const profileId = useBucketsStore((s) => s.profileId)
  const show = useDialogStore((s) => s.show)
  if (!profileId) return null
  return (
    <button type="button" className="button button--primary" onClick={() => show({ kind: 'create-bucket', profileId })}>
      <PlusIcon />
      {t('newBucket')}
    </button>
  )
}

export function BucketActionsHeader() {
  const { t } = useBucketAdminTranslation()
  return (
    <th scope="col">
      <span className="visually-hidden">{t('actions')}</span>
    </th>
  )
}

export function BucketRowActions({ bucket }: { bucket: string }) {
  const { t } = useBucketAdminTranslation()
  const profileId = useBucketsStore((s) => s.profileId)
  const show = useDialogStore((s) => s.show)
  return (
    <td onClick={(event) => event.stopPropagation()}>
      <div className="bucket-row-actions">
        <button
          type="button"
          className="button"
          aria-label={t('settingsFor', { bucket })}
          onClick={() => profileId && useAppViewStore.getState().openBucket({ profileId, bucket, panel: 'settings' })}
        >
          {t('settingsShort')}
        </button>
        <button
          type="button"
          className="button button--danger-quiet"
          aria-label={t('deleteBucket', { bucket })}
          onClick={() => profileId && show({ kind: 'delete-bucket', profileId, bucket })}
        >
          {t('deleteShort')}
        </button>
      </div>
    </td>
  )
}

/** Said politely, and only under the profile it happened in. */
export function BucketNotice() {
  const notice = useBucketAdminStore((s) => s.notice)
  const profileId = useBucketsStore((s) => s.profileId)
  return (
    <p role="status" className="bucket-notice">
      {notice && notice.profileId === profileId ? notice.text : ''}
    </p>
  )
}
