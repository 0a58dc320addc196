import type { TransferView } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { useFormatLocale } from '../../i18n/formatLocale'
import { useTransfersTranslation } from './i18n'
import { storedName } from './transferBatches'
import { formatBytes, formatDuration } from './transferFormat'
import { useTransfersStore } from './transfersStore'
import { ResumeButtons } from './ResumeButtons'

const finished = new Set(['done', 'failed', 'cancelled', 'skipped'])

/**
 * One file: the name it is stored under (after a "keep both", the numbered one, and the
 * name it came with below), a progress bar, speed and time left, and its own Cancel.
 */
export function TransferRow({ transfer, index, measure }: { transfer: TransferView; index: number; measure: (element: Element | null) => void }) {
  const { t } = useTransfersTranslation()
  const locale = useFormatLocale()
  const cancel = useTransfersStore((s) => s.cancel)
  const renamed = storedName(transfer)
  const shown = renamed ?? transfer.name
  const percent = transfer.size === 0 ? (transfer.status === 'done' ? 100 : 0) : Math.round((transfer.transferred / transfer.size) * 100)
  return (
    <li className={`transfer transfer--${transfer.status}`} data-index={index} ref={measure}>
      <div className="transfer__line">
        <span className="transfer__name" title={transfer.key}>
          {shown}
        </span>
        <span className="transfer__status">{t(`status.${transfer.status}`)}</span>
        {transfer.resume && <ResumeButtons transfer={transfer} />}
        {!finished.has(transfer.status) && !transfer.resume && (
          <button type="button" className="button button--quiet transfer-panel__small" aria-label={t('panel.cancel', { name: shown })} onClick={() => void cancel([transfer.id])}>
            ×
          </button>
        )}
      </div>
      <progress className="transfer__bar" max={100} value={percent} aria-label={shown} />
      <div className="transfer__meta quiet">
        {formatBytes(transfer.transferred, locale)} / {formatBytes(transfer.size, locale)}
        {transfer.speed !== null && transfer.etaSeconds !== null && (
          <> · {t('rate', { speed: formatBytes(transfer.speed, locale), eta: formatDuration(transfer.etaSeconds, locale) })}</>
        )}
        {renamed && <> · {t('panel.renamedFrom', { name: transfer.name })}</>}
      </div>
      {transfer.error && <ErrorAlert error={transfer.error} namespace="transfers" />}
    </li>
  )
}
