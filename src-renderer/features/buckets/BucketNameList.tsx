import { useTranslation } from 'react-i18next'
import { BucketIcon } from '../../ui/icons'
import { useBucketsStore } from './bucketsStore'

/** The sidebar's glance at the active profile's buckets; details and errors live in the main pane. */
export function BucketNameList({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const { status, buckets } = useBucketsStore()
  if (buckets.length > 0) {
    return (
      <ul className="nav-list nav-list--static" aria-labelledby={headingId}>
        {buckets.map((bucket) => (
          <li key={bucket.name} className="nav-item nav-item--static" title={bucket.name}>
            <BucketIcon />
            <span className="nav-item__label">{bucket.name}</span>
          </li>
        ))}
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
