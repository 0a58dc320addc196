import { formatBytes } from '../transfers/transferFormat'
import { useSyncTranslation } from './i18n'
import { finishedPhases, useSyncRunsStore, type SyncRunView } from './syncRunsStore'
import { whereLabel } from './whereLabel'
import './sync.css'

/** The transfer panel's sync runs: each one's total, phase, failures, and Cancel. */
export function SyncRunRows() {
  const { t } = useSyncTranslation()
  const runs = useSyncRunsStore((s) => s.runs)
  if (runs.length === 0) return null
  return (
    <ul className="transfer-panel__list sync-runs" aria-label={t('runs.title')}>
      {runs.map((run) => (
        <SyncRunRow key={run.runId} run={run} />
      ))}
    </ul>
  )
}

function SyncRunRow({ run }: { run: SyncRunView }) {
  const { t, i18n } = useSyncTranslation()
  const { cancel, dismiss } = useSyncRunsStore.getState()
  const p = run.progress
  const folder = run.label?.folder ?? '…'
  const label = run.label ? t('runs.label', { folder, where: whereLabel(t, run.label.bucket, run.label.prefix) }) : t('runs.title')
  const finished = p !== null && finishedPhases.has(p.phase)
  const percent = !p || p.total === 0 ? (finished ? 100 : 0) : Math.round(((p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.done / p.total) || 0) * 100)
  return (
    <li className={`transfer sync-run sync-run--${p?.phase ?? 'transferring'}`}>
      <div className="transfer__line">
        <span className="transfer__name">{label}</span>
        <span className="transfer__status">{t(`runs.phase.${p?.phase ?? 'transferring'}`)}</span>
        {finished ? (
          <button type="button" className="button button--quiet transfer-panel__small" aria-label={t('runs.dismiss', { folder })} onClick={() => dismiss(run.runId)}>
            ×
          </button>
        ) : (
          <button type="button" className="button button--quiet transfer-panel__small" aria-label={t('runs.cancel', { folder })} onClick={() => void cancel(run.runId)}>
            ×
          </button>
        )}
      </div>
      <progress className="transfer__bar" max={100} value={percent} aria-label={label} />
      {p && (
        <div className="transfer__meta quiet">
          {t('runs.progress', { done: p.done, total: p.total, bytesDone: formatBytes(p.bytesDone, i18n.language), bytesTotal: formatBytes(p.bytesTotal, i18n.language) })}
          {p.failed.length > 0 && <> · {t('runs.failed', { count: p.failed.length })}</>}
        </div>
      )}
    </li>
  )
}
