import { useTranslation } from 'react-i18next'
import { useAppViewStore } from '../../app/appViewStore'
import { BucketIcon } from '../../ui/icons'
import { useBucketsStore } from './bucketsStore'
import './buckets.css'

/** The sidebar's list of the active profile's buckets: choosing one opens it; details and errors live in the main pane. */
export function BucketNameList({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const { status, buckets, profileId } = useBucketsStore()
  const opened = useAppViewStore((s) => s.opened)
  const openBucket = useAppViewStore((s) => s.openBucket)
  if (buckets.length > 0) {
    return (
      <ul className="nav-list" aria-labelledby={headingId}>
        {buckets.map((bucket) => {
          const current = opened !== null && opened.profileId === profileId && opened.bucket === bucket.name
          return (
            <li key={bucket.name}>
              <button
                type="button"
                title={bucket.name}
                className={`nav-item nav-item--bucket ${current ? 'nav-item--active' : ''}`}
                aria-current={current ? 'true' : undefined}
                onClick={() => profileId && openBucket({ profileId, bucket: bucket.name })}
              >
                <BucketIcon />
                <span className="nav-item__label">{bucket.name}</span>
              </button>
            </li>
          )
        })}
      </ul>
    )
  }
  const note =
    status === 'loading' || status === 'idle'
      ? t('sidebar.bucketsLoading')
      : status === 'error'
        ? t('sidebar.bucketsUnavailable')
        : t('sidebar.bucketsNone')
  return <p className="sidebar__note">{note}</p>
}
