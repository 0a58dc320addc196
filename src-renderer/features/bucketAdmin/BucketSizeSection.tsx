import { useState } from 'react'
import type { BucketTally } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { bucketAdminNamespace, useBucketAdminTranslation } from './i18n'
import { OperationMeter } from './OperationMeter'
import { tallyPhrases } from './tallyWords'
import { useOperation } from '../../bridge/useOperation'
import { useFormatLocale } from '../../i18n/formatLocale'

/** A bucket's size and counts, on demand: a streamed listing of the whole bucket, with progress and Stop. */
export function BucketSizeSection({ profileId, bucket, headingLevel = 2 }: { profileId: string; bucket: string; headingLevel?: 2 | 3 }) {
  const { t } = useBucketAdminTranslation()
  const locale = useFormatLocale()
  const count = useOperation({ stopOnLeave: true })
  const [tally, setTally] = useState<BucketTally | null>(null)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const start = () =>
    void count.run(async (operationId) => unwrap(await bridge['buckets/measure']({ profileId, bucket, operationId }))).then((result) => {
      if (result) setTally(result)
    })
  return (
    <section className="settings-card" aria-labelledby={`size-${bucket}`}>
      <div className="settings-card__head">
        <Heading id={`size-${bucket}`} className="settings-card__title">
          {t('size.heading')}
        </Heading>
        {!count.busy && (
          <button type="button" className="button" onClick={start}>
            {tally ? t('size.recount') : t('size.count')}
          </button>
        )}
      </div>
      {count.busy ? (
        <OperationMeter progress={count.progress} kind="measure" total={null} stopping={count.stopping} onStop={count.cancel} stopLabel={t('size.stop')} />
      ) : tally ? (
        <>
          <ul className="tally-list" aria-label={t('size.heading')}>
            {tallyPhrases(t, tally, locale).map((phrase) => (
              <li key={phrase}>{phrase}</li>
            ))}
          </ul>
          {!tally.complete && <p className="quiet">{t('size.stopped')}</p>}
        </>
      ) : (
        <p className="quiet">{t('size.explain')}</p>
      )}
      {count.error && <ErrorAlert error={count.error} namespace={bucketAdminNamespace} />}
    </section>
  )
}
