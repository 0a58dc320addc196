import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { BucketIcon } from '../../ui/icons'
import { useBucketsStore } from './bucketsStore'
import { BucketsTable } from './BucketsTable'
import { NewBucketButton, BucketNotice } from '../bucketAdmin/BucketListControls'

/** The active profile's buckets: loading, failed, empty, or the table. */
export function BucketsPane() {
  const { t } = useTranslation()
  const { status, buckets, error } = useBucketsStore()
  const loading = status === 'loading' || status === 'idle'

  if (status === 'error' && error) return <ErrorAlert error={error} />
  if (loading && buckets.length === 0) {
    return (
      <div className="pane-state" role="status">
        <span className="spinner" aria-hidden="true" />
        <p>{t('buckets.loading')}</p>
      </div>
    )
  }
  if (buckets.length === 0) {
    return (
      <div className="pane-state">
        <span className="pane-state__icon">
          <BucketIcon size={32} />
        </span>
        <p className="pane-state__title">{t('buckets.empty')}</p>
        <p className="quiet">{t('buckets.emptyHint')}</p>
        <BucketNotice />
        <NewBucketButton />
      </div>
    )
  }
  return (
    <>
      <div className="bucket-list-bar">
        <p className="quiet pane-count" aria-live="polite">
          {t('buckets.count', { count: buckets.length })}
        </p>
        <NewBucketButton />
      </div>
      <BucketNotice />
      <BucketsTable buckets={buckets} busy={loading} />
    </>
  )
}
