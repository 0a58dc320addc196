import type { TransferView } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useTransfersTranslation } from './i18n'
import { formatBytes, formatDuration } from './transferFormat'
import { useTransfersStore } from './transfersStore'
import { ResumeButtons } from './ResumeButtons'

const finished = new Set(['done', 'failed', 'cancelled', 'skipped'])

/** One file: name, a progress bar, speed and time left, and its own Cancel. */
export function TransferRow({ transfer }: { transfer: TransferView }) {
  const { t, i18n } = useTransfersTranslation()
  const cancel = useTransfersStore((s) => s.cancel)
  const percent = transfer.size === 0 ? (transfer.status === 'done' ? 100 : 0) : Math.round((transfer.transferred / transfer.size) * 100)
  return (
    <li className={`transfer transfer--${transfer.status}`}>
      <div className="transfer__line">
        <span className="transfer__name" title={transfer.key}>
          {transfer.name}
        </span>
        <span className="transfer__status">{t(`status.${transfer.status}`)}</span>
        {transfer.resume && <ResumeButtons transfer={transfer} />}
        {!finished.has(transfer.status) && !transfer.resume && (
          <button type="button" className="button button--quiet transfer-panel__small" aria-label={t('panel.cancel', { name: transfer.name })} onClick={() => void cancel([transfer.id])}>
            ×
          </button>
        )}
      </div>
      <progress className="transfer__bar" max={100} value={percent} aria-label={transfer.name} />
      <div className="transfer__meta quiet">
        {formatBytes(transfer.transferred, i18n.language)} / {formatBytes(transfer.size, i18n.language)}
        {transfer.speed !== null && transfer.etaSeconds !== null && (
          <> · {t('rate', { speed: formatBytes(transfer.speed, i18n.language), eta: formatDuration(transfer.etaSeconds, i18n.language) })}</>
        )}
      </div>
      {transfer.error && <ErrorAlert error={transfer.error} namespace="transfers" />}
    </li>
  )
}
