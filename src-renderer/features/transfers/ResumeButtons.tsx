import { useRef } from 'react'
import type { TransferView } from '../../../src-main/contract/bridge'
import { useTransfersTranslation } from './i18n'
import { useTransfersStore } from './transfersStore'

/**
 * Resume or discard an upload that a restart interrupted
 *
 * From disk the main process reopens the file itself. In browser mode the page lost the
 * file with the old tab, so Resume asks the user to choose it again; only the parts the
 * server lacks are sent.
 */
export function ResumeButtons({ transfer }: { transfer: TransferView }) {
  const { t } = useTransfersTranslation()
  const { resume, cancel } = useTransfersStore.getState()
  const picker = useRef<HTMLInputElement>(null)
  const fromPage = transfer.resume === 'page'
  return (
    <span className="transfer__actions">
      {fromPage && (
        <input
          ref={picker}
          type="file"
          hidden
          aria-label={t('panel.resumeChoose', { name: transfer.name })}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ''
            if (file) void resume(transfer, file)
          }}
        />
      )}
      <button type="button" className="button transfer-panel__small" aria-label={t('panel.resume', { name: transfer.name })} onClick={() => (fromPage ? picker.current?.click() : void resume(transfer))}>
        {t('panel.resumeShort')}
      </button>
      <button type="button" className="button button--quiet transfer-panel__small" aria-label={t('panel.discard', { name: transfer.name })} onClick={() => void cancel([transfer.id])}>
        {t('panel.discardShort')}
      </button>
    </span>
  )
}
