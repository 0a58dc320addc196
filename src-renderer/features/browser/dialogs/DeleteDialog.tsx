import { useRef, useState, type ReactNode } from 'react'
import type { BridgeError } from '../../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../../bridge/bridgeClient'
import { Dialog } from '../../../ui/Dialog'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'
import { useBrowserStore } from '../browserStore'
import { formatCount } from '../formatting'
import { useToastStore } from '../toastStore'
import { OperationProgressBar } from './OperationProgressBar'
import { objectGrid } from './gridFocus'
import { useOperation } from '../../../bridge/useOperation'
import { useFormatLocale } from '../../../i18n/formatLocale'

const nameOf = (key: string) => key.replace(/\/$/, '').split('/').pop() ?? key

/** What another feature adds: a note in the dialog, and what to do after (true: it said so itself). */
export interface DeleteHooks {
  note?: ReactNode
  onDeleted?(location: BrowserLocation, outcome: { deleted: number; markers: { key: string; versionId: string }[] }): boolean
}

/**
 * "Delete 3 items?": says how many, warns that folders go with everything in them, and
 * keeps Cancel focused so Enter never deletes. Then progress, then the refreshed folder.
 */
export function DeleteDialog({ location, keys, onClose, hooks }: { location: BrowserLocation; keys: string[]; onClose: () => void; hooks?: DeleteHooks | undefined }) {
  const { t } = useBrowserTranslation()
  const locale = useFormatLocale()
  const operation = useOperation()
  const [failures, setFailures] = useState<{ key: string; error: BridgeError }[]>([])
  // Once deleted, the rows (and the Delete button, with no selection) are gone: back to the grid.
  const deleted = useRef(false)
  const folders = keys.filter((key) => key.endsWith('/')).length
  const first = keys[0] ?? ''
  const title = keys.length === 1 ? t('delete.titleOne', { name: nameOf(first) }) : t('delete.titleMany', { count: keys.length, n: formatCount(keys.length, locale) })

  const confirm = async () => {
    const outcome = await operation.run(async (operationId) => unwrap(await bridge['objects/delete']({ profileId: location.profileId, bucket: location.bucket, keys, operationId })))
    if (!outcome) return
    deleted.current = true
    const store = useBrowserStore.getState()
    void store.refresh()
    if (outcome.failed.length > 0) {
      setFailures(outcome.failed)
      return
    }
    onClose()
    if (hooks?.onDeleted?.(location, outcome)) return
    useToastStore.getState().show(t('toast.deleted', { count: outcome.deleted, n: formatCount(outcome.deleted, locale) }))
  }

  const close = () => {
    // Closing cannot stop a delete already sent; the dialog just stops watching it.
    if (!operation.busy) onClose()
  }

  return (
    <Dialog title={title} onClose={close} size="small" focusAfterClose={() => (deleted.current ? objectGrid() : null)} focusFallback={objectGrid}>
      <div className="dialog__text">
        {failures.length > 0 ? (
          <>
            <p>{t('delete.partial', { count: failures.length, n: formatCount(failures.length, locale) })}</p>
            <ul className="failure-list">
              {failures.slice(0, 5).map((failure) => (
                <li key={failure.key}>
                  <span className="mono">{failure.key}</span>
                  <ErrorAlert error={failure.error} namespace="browser" />
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            {folders > 0 && <p className="delete-warning">{t('delete.folders', { count: folders })}</p>}
            {hooks?.note ?? <p>{t('delete.permanent')}</p>}
            {operation.busy && <OperationProgressBar progress={operation.progress} verb="deleting" />}
          </>
        )}
      </div>
      {operation.error && <ErrorAlert error={operation.error} namespace="browser" />}
      <div className="form__actions">
        {failures.length > 0 ? (
          <button type="button" className="button" data-autofocus onClick={onClose}>
            {t('close')}
          </button>
        ) : (
          <>
            <button type="button" className="button" data-autofocus aria-disabled={operation.busy || undefined} onClick={close}>
              {t('cancel')}
            </button>
            <button type="button" className="button button--danger" aria-disabled={operation.busy || undefined} onClick={() => !operation.busy && void confirm()}>
              {operation.busy ? t('delete.deleting') : t('delete.confirm')}
            </button>
          </>
        )}
      </div>
    </Dialog>
  )
}
