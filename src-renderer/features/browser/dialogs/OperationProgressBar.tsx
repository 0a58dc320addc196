import type { OperationProgress } from '../../../../src-main/contract/bridge'
import { useBrowserTranslation } from '../browserI18n'
import { formatCount } from '../formatting'

/** "Deleting… 1,200 of 5,000": a bar and words; the bar is indeterminate while counting. */
export function OperationProgressBar({ progress, verb }: { progress: OperationProgress | null; verb: 'deleting' | 'moving' }) {
  const { t, i18n } = useBrowserTranslation()
  const total = progress?.total ?? null
  const done = progress?.done ?? 0
  const words =
    total === null
      ? t(`progress.${verb}Counting`)
      : t(`progress.${verb}`, { done: formatCount(done, i18n.language), total: formatCount(total, i18n.language) })
  return (
    <div className="operation-progress">
      {total === null ? <progress className="operation-progress__bar" aria-label={words} /> : <progress className="operation-progress__bar" max={Math.max(total, 1)} value={done} aria-label={words} />}
      <p role="status" className="quiet">
        {words}
      </p>
    </div>
  )
}
