import type { OperationProgress } from '../../../src-main/contract/bridge'
import { formatCount } from '../browser/formatting'
import { formatBytes } from '../transfers/transferFormat'
import { useBucketAdminTranslation } from './i18n'
import { useFormatLocale } from '../../i18n/formatLocale'

/**
 * "Counting… 12,000 found · 1.2 GB" or "Deleting… 3,000 of 5,000": a bar and words,
 * with Stop. The bar is indeterminate when the total is not known.
 */
export function OperationMeter({ progress, kind, total, stopping, onStop, stopLabel, autoFocus = false }: {
  progress: OperationProgress | null
  kind: 'measure' | 'empty-bucket'
  /** The expected total, when an earlier count knows it. */
  total: number | null
  stopping: boolean
  onStop: () => void
  stopLabel: string
  /** Marks Stop as the control a dialog focuses first. */
  autoFocus?: boolean
}) {
  const { t } = useBucketAdminTranslation()
  const locale = useFormatLocale()
  const done = progress?.done ?? 0
  const words =
    kind === 'measure'
      ? t('meter.counting', { count: done, n: formatCount(done, locale), size: formatBytes(progress?.bytes ?? 0, locale) })
      : total !== null
        ? t('meter.deletingOf', { count: done, n: formatCount(done, locale), total: formatCount(total, locale) })
        : t('meter.deleting', { count: done, n: formatCount(done, locale) })
  return (
    <div className="operation-meter">
      {total !== null && total > 0 ? (
        <progress className="operation-meter__bar" max={total} value={Math.min(done, total)} aria-label={words} />
      ) : (
        <progress className="operation-meter__bar" aria-label={words} />
      )}
      <div className="operation-meter__row">
        <p role="status" className="quiet">
          {stopping ? t('meter.stopping') : words}
        </p>
        <button type="button" className="button" disabled={stopping} onClick={onStop} {...(autoFocus ? { 'data-autofocus': true } : {})}>
          {stopLabel}
        </button>
      </div>
    </div>
  )
}
