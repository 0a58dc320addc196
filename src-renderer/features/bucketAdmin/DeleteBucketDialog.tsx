import { useEffect, useState } from 'react'
import type { BucketDeleteOutcome, BucketTally } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { Field } from '../../ui/Field'
import { formatCount } from '../browser/formatting'
import { bucketAdminNamespace, useBucketAdminTranslation } from './i18n'
import { OperationMeter } from './OperationMeter'
import { entriesOf, tallyPhrases } from './tallyWords'
import { useOperation } from '../../bridge/useOperation'
import { useFormatLocale } from '../../i18n/formatLocale'
import { LiteralInput } from '../../ui/LiteralInput'

type Stage = 'counting' | 'confirm' | 'deleting' | 'stopped'

/**
 * Deleting a bucket, in the order a careful person would
 *
 * 1. Count what is in it (objects, older versions, delete markers, incomplete uploads),
 *    with progress and Stop.
 * 2. Say all of that, and that it can't be undone; the bucket's name must be typed.
 * 3. Empty it and delete it, with progress and Stop.
 * 4. If it stopped: what was removed, what is left, and why.
 */
export function DeleteBucketDialog({ profileId, bucket, onClose, onDeleted }: { profileId: string; bucket: string; onClose: () => void; onDeleted: () => void }) {
  const { t } = useBucketAdminTranslation()
  const locale = useFormatLocale()
  const count = useOperation({ stopOnLeave: true })
  const removal = useOperation({ stopOnLeave: true })
  const [stage, setStage] = useState<Stage>('counting')
  const [tally, setTally] = useState<BucketTally | null>(null)
  const [typed, setTyped] = useState('')
  const [outcome, setOutcome] = useState<BucketDeleteOutcome | null>(null)
  const n = (value: number) => formatCount(value, locale)

  // Each stage replaces the controls of the one before: focus goes to the new stage's first.
  useEffect(() => {
    document.querySelector<HTMLElement>('dialog[open] [data-autofocus]')?.focus()
  }, [stage])

  useEffect(() => {
    void count.run(async (operationId) => unwrap(await bridge['buckets/measure']({ profileId, bucket, operationId }))).then((result) => {
      setTally(result)
      setStage('confirm')
    })
    // Counted once, when the dialog opens.
  }, [])

  const remove = async () => {
    setStage('deleting')
    const result = await removal.run(async (operationId) => unwrap(await bridge['buckets/delete']({ profileId, bucket, confirmName: typed, operationId })))
    if (result?.deleted) return onDeleted()
    setOutcome(result)
    setStage(result ? 'stopped' : 'confirm')
  }

  const busy = stage === 'counting' || stage === 'deleting'
  const close = () => {
    // Closing while busy stops the work first (the hooks stop on unmount too).
    if (busy) (stage === 'counting' ? count : removal).cancel()
    onClose()
  }

  return (
    <Dialog title={t('delete.title', { bucket })} onClose={close} size="small">
      {stage === 'counting' && (
        <div className="form__body dialog__text">
          <p>{t('delete.counting')}</p>
          <OperationMeter progress={count.progress} kind="measure" total={null} stopping={count.stopping} onStop={count.cancel} stopLabel={t('delete.stopCounting')} autoFocus />
        </div>
      )}

      {stage === 'confirm' && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault()
            if (typed === bucket) void remove()
          }}
        >
          <div className="form__body dialog__text">
            {tally ? (
              <>
                <p>{tally.complete ? t('delete.holds', { bucket }) : t('delete.holdsAtLeast', { bucket })}</p>
                <ul className="tally-list">
                  {tallyPhrases(t, tally, locale).map((phrase) => (
                    <li key={phrase}>{phrase}</li>
                  ))}
                </ul>
                <p>{entriesOf(tally) + tally.incompleteUploads > 0 ? t('delete.emptiesFirst') : t('delete.isEmpty')}</p>
              </>
            ) : (
              <>
                <p>{t('delete.notCounted')}</p>
                {count.error && <ErrorAlert error={count.error} namespace={bucketAdminNamespace} />}
              </>
            )}
            <p className="delete-warning">{t('delete.permanent')}</p>
          </div>
          {removal.error && <ErrorAlert error={removal.error} namespace={bucketAdminNamespace} />}
          <div className="form__body">
            <Field label={t('delete.typeName', { bucket })}>
              {(control) => (
                <LiteralInput {...control} data-autofocus value={typed} onChange={(event) => setTyped(event.target.value)} />
              )}
            </Field>
          </div>
          <div className="form__actions">
            <button type="button" className="button" onClick={close}>
              {t('cancel')}
            </button>
            <button type="submit" className="button button--danger" disabled={typed !== bucket}>
              {t('delete.confirm')}
            </button>
          </div>
        </form>
      )}

      {stage === 'deleting' && (
        <div className="form__body dialog__text">
          <p>{t('delete.deleting', { bucket })}</p>
          <OperationMeter
            progress={removal.progress}
            kind="empty-bucket"
            total={tally?.complete ? entriesOf(tally) : null}
            stopping={removal.stopping}
            onStop={removal.cancel}
            stopLabel={t('delete.stop')}
            autoFocus
          />
        </div>
      )}

      {stage === 'stopped' && outcome && (
        <>
          <div className="form__body dialog__text">
            <p className="delete-warning">{outcome.stopped === 'cancelled' ? t('delete.stoppedCancelled') : t('delete.stoppedFailed')}</p>
            <p>{t('delete.removed', { count: outcome.removed.versions, n: n(outcome.removed.versions), uploads: n(outcome.removed.uploads) })}</p>
            {outcome.left ? (
              <p>
                {outcome.left.countedAll
                  ? t('delete.left', { count: outcome.left.entries, n: n(outcome.left.entries), uploads: n(outcome.left.uploads) })
                  : t('delete.leftAtLeast', { count: outcome.left.entries, n: n(outcome.left.entries), uploads: n(outcome.left.uploads) })}
              </p>
            ) : (
              <p>{t('delete.leftUnknown')}</p>
            )}
            {outcome.failures.length > 0 && (
              <ul className="failure-list" aria-label={t('delete.failures')}>
                {outcome.failures.slice(0, 5).map((failure) => (
                  <li key={`${failure.key}\n${failure.versionId ?? ''}`}>
                    <span className="mono">{failure.key}</span>
                    <ErrorAlert error={failure.error} namespace={bucketAdminNamespace} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          {outcome.error && <ErrorAlert error={outcome.error} namespace={bucketAdminNamespace} />}
          <div className="form__actions">
            <button type="button" className="button" data-autofocus onClick={onClose}>
              {t('close')}
            </button>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              {t('delete.again')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
