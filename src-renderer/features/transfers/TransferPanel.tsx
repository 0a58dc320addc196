import { useEffect } from 'react'
import { SyncRunRows } from '../sync/SyncRunRows'
import { useSyncRunsStore } from '../sync/syncRunsStore'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { ConflictDialog } from './ConflictDialog'
import { useTransfersTranslation } from './i18n'
import { FinishedAnnouncement } from './FinishedAnnouncement'
import { TransferList } from './TransferList'
import { useTransfersStore } from './transfersStore'
import './transfers.css'

/**
 * The transfer queue: a panel at the bottom of the window with the total, every upload
 * (where it went, then its files, virtualised), and Cancel all / Retry failed / Clear finished; folder
 * syncs above the uploads, since a sync's downloads and deletes happen outside the queue.
 * Collapsed to its header when asked. A finished or failed upload is announced politely.
 */
export function TransferPanel() {
  const { t } = useTransfersTranslation()
  const follow = useTransfersStore((s) => s.follow)
  const { totals, conflict } = useTransfersStore((s) => s.snapshot)
  const open = useTransfersStore((s) => s.panelOpen)
  const setOpen = useTransfersStore((s) => s.setPanelOpen)
  const error = useTransfersStore((s) => s.error)
  const { cancel, retryFailed, clearFinished } = useTransfersStore.getState()
  const syncRuns = useSyncRunsStore((s) => s.runs.length)
  useEffect(() => follow(), [follow])
  useEffect(() => useSyncRunsStore.getState().follow(), [])

  if (totals.count === 0 && syncRuns === 0 && !error) return null
  const overall = totals.bytes === 0 ? 0 : Math.round((totals.transferred / totals.bytes) * 100)
  return (
    <section className="transfer-panel" aria-label={t('panel.title')}>
      <header className="transfer-panel__header">
        <h2 className="transfer-panel__title">{t('panel.title')}</h2>
        <span className="quiet">
          {t('panel.files', { count: totals.count })} · {t('panel.doneCount', { count: totals.done })}
          {totals.failed > 0 && <> · <span className="transfer-panel__failed">{t('panel.failedCount', { count: totals.failed })}</span></>}
        </span>
        <progress className="transfer-panel__total" max={100} value={overall} aria-label={t('panel.total')} />
        <div className="transfer-panel__actions">
          {totals.active > 0 && (
            <button type="button" className="button transfer-panel__small" onClick={() => void cancel(null)}>
              {t('panel.cancelAll')}
            </button>
          )}
          {totals.failed > 0 && (
            <button type="button" className="button transfer-panel__small" onClick={() => void retryFailed()}>
              {t('panel.retryFailed')}
            </button>
          )}
          {totals.count > totals.active + totals.interrupted && (
            <button type="button" className="button transfer-panel__small" onClick={() => void clearFinished()}>
              {t('panel.clearFinished')}
            </button>
          )}
          <button type="button" className="button button--quiet transfer-panel__small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('panel.hide') : t('panel.show')}
          </button>
        </div>
      </header>
      <FinishedAnnouncement />
      {error && <ErrorAlert error={error} namespace="transfers" />}
      {totals.interrupted > 0 && <p className="notice">{t('panel.interrupted', { count: totals.interrupted })}</p>}
      {totals.states['waiting-network'] > 0 && (
        <p role="status" className="notice">
          {t('panel.waitingNetwork')}
        </p>
      )}
      {open && (
        <>
          <SyncRunRows />
          {totals.count > 0 && <TransferList />}
        </>
      )}
      {conflict && <ConflictDialog conflict={conflict} />}
    </section>
  )
}
