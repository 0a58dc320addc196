import { useTranslation } from 'react-i18next'
import type { BucketSummary } from '../../../src-main/contract/bridge'
import { BucketIcon } from '../../ui/icons'
import { formatCreated, formatCreatedInFull } from './formatCreated'
import { useAppViewStore } from '../../app/appViewStore'
import { useBucketsStore } from './bucketsStore'

export function BucketsTable({ buckets, busy }: { buckets: BucketSummary[]; busy: boolean }) {
  const { t, i18n } = useTranslation()
  const unknown = t('buckets.unknown')
  const openBucket = useAppViewStore((s) => s.openBucket)
  const profileId = useBucketsStore((s) => s.profileId)
  const open = (bucket: string) => profileId && openBucket({ profileId, bucket })
  return (
    <table className="table" aria-label={t('buckets.tableLabel')} aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">{t('buckets.name')}</th>
          <th scope="col">{t('buckets.region')}</th>
          <th scope="col">{t('buckets.created')}</th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((bucket) => (
          <tr key={bucket.name} className="table__row--link" onClick={() => open(bucket.name)}>
            <td className="table__name">
              <BucketIcon />
              <button type="button" className="link-button" onClick={(event) => {
                event.stopPropagation()
                open(bucket.name)
              }}>
                {bucket.name}
              </button>
            </td>
            <td className="mono">{bucket.region ?? unknown}</td>
            <td>
              {bucket.createdAt ? (
                <time dateTime={bucket.createdAt} title={formatCreatedInFull(bucket.createdAt, i18n.language) ?? undefined}>
                  {formatCreated(bucket.createdAt, i18n.language) ?? unknown}
                </time>
              ) : (
                unknown
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
