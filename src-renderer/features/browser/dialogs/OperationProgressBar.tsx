import type { OperationProgress } from '../../../../src-main/contract/bridge'
import { useBrowserTranslation } from '../browserI18n'
import { formatCount } from '../formatting'
import { useFormatLocale } from '../../../i18n/formatLocale'

/** "Deleting… 1,200 of 5,000": a bar and words; the bar is indeterminate while counting. */
export function OperationProgressBar({ progress, verb }: { progress: OperationProgress | null; verb: 'deleting' | 'moving' }) {
  const { t } = useBrowserTranslation()
  const locale = useFormatLocale()
  const total = progress?.total ?? null
  const done = progress?.done ?? 0
  const words =
    total === null
      ? t(`progress.${verb}Counting`)
      : t(`progress.${verb}`, { done: formatCount(done, locale), total: formatCount(total, locale) })
  return (
    <div className="operation-progress">
      {total === null ? <progress className="operation-progress__bar" aria-label={words} /> : <progress className="operation-progress__bar" max={Math.max(total, 1)} value={done} aria-label={words} />}
      <p role="status" className="quiet">
        {words}
      </p>
    </div>
  )
}
