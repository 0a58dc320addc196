import { useTranslation } from 'react-i18next'
import type { BucketSummary } from '../../../src-main/contract/bridge'
import { BucketIcon } from '../../ui/icons'
import { formatCreated, formatCreatedInFull } from './formatCreated'
import { useAppViewStore } from '../../app/appViewStore'
import { useBucketsStore } from './bucketsStore'
import { BucketRowActions, BucketActionsHeader } from '../bucketAdmin/BucketListControls'
import { useFormatLocale } from '../../i18n/formatLocale'

export function BucketsTable({ buckets, busy }: { buckets: BucketSummary[]; busy: boolean }) {
  const { t } = useTranslation()
  const locale = useFormatLocale()
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
          <BucketActionsHeader />
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
                <time dateTime={bucket.createdAt} title={formatCreatedInFull(bucket.createdAt, locale) ?? undefined}>
                  {formatCreated(bucket.createdAt, locale) ?? unknown}
                </time>
              ) : (
                unknown
              )}
            </td>
            <BucketRowActions bucket={bucket.name} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}
