import { useState, type ReactNode } from 'react'
import type { ObjectToolOutcome, ObjectToolResult } from '../../../src-main/contract/bridge'
import { useOperation } from '../../bridge/useOperation'
import { useFormatLocale } from '../../i18n/formatLocale'
import { Dialog } from '../../ui/Dialog'
import { DialogForm } from '../../ui/DialogForm'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { objectGrid } from '../browser/dialogs/gridFocus'
import { formatCount } from '../browser/formatting'
import { objectToolsNamespace, useObjectToolsTranslation } from './i18n'

const nameOf = (key: string) => key.replace(/\/$/, '').split('/').pop() ?? key

/** “photo.png” for one file, "3 selected items" for more: what the title and the button name. */
export function useSelectionWords(keys: string[]): string {
  const { t } = useObjectToolsTranslation()
  const locale = useFormatLocale()
  const first = keys[0] ?? ''
  return keys.length === 1 && !first.endsWith('/') ? `“${nameOf(first)}”` : t('selection', { count: keys.length, n: formatCount(keys.length, locale) })
}

/**
 * One change over a selection, the same way for tags, storage class and restore
 *
 * The form says what will happen (`summary`) and the primary button does it, so nothing
 * changes before the user has read it; Cancel is where the focus starts. While it runs:
 * progress and Stop. Then what happened to how many files, and each failure in words.
 */
export function SelectionToolDialog(props: {
  title: string
  keys: string[]
  summary: ReactNode
  confirmLabel: string
  children?: ReactNode
  /** Shows the form's problems and says whether it may run. */
  validate?: () => boolean
  run: (operationId: string) => Promise<ObjectToolOutcome>
  onDone?: () => void
  onClose: () => void
}) {
  const { t } = useObjectToolsTranslation()
  const locale = useFormatLocale()
  const operation = useOperation()
  const [outcome, setOutcome] = useState<ObjectToolOutcome | null>(null)
  const folders = props.keys.some((k) => k.endsWith('/'))

  const start = async () => {
    if (operation.busy || (props.validate && !props.validate())) return
    const done = await operation.run(props.run)
    if (!done) return
    setOutcome(done)
    props.onDone?.()
  }
  const close = () => !operation.busy && props.onClose()
  const total = operation.progress?.total ?? null
  const progressWords = total === null ? t('counting') : t('progress', { done: formatCount(operation.progress?.done ?? 0, locale), total: formatCount(total, locale) })

  return (
    <Dialog title={outcome ? t('outcomes.title') : props.title} onClose={close} focusFallback={objectGrid}>
      {outcome ? (
        <Outcome outcome={outcome} />
      ) : (
        <DialogForm busy={operation.busy} onSubmit={() => void start()}>
          <div className="form__body">
            {props.children}
            <div className="dialog__text">
              {props.summary}
              {folders && <p>{t('foldersIncluded')}</p>}
            </div>
            {operation.busy && (
              <div className="operation-progress">
                {total === null ? <progress className="operation-progress__bar" aria-label={progressWords} /> : <progress className="operation-progress__bar" max={Math.max(total, 1)} value={operation.progress?.done ?? 0} aria-label={progressWords} />}
                <p role="status" className="quiet">
                  {operation.stopping ? t('stopping') : progressWords}
                </p>
              </div>
            )}
          </div>
          {operation.error && <ErrorAlert error={operation.error} namespace={objectToolsNamespace} />}
          <div className="form__actions">
            {operation.busy ? (
              <button type="button" className="button" aria-disabled={operation.stopping || undefined} onClick={operation.cancel}>
                {t('stop')}
              </button>
            ) : (
              <button type="button" className="button" data-autofocus onClick={close}>
                {t('cancel')}
              </button>
            )}
            <button type="submit" className="button button--primary" aria-disabled={operation.busy || undefined}>
              {props.confirmLabel}
            </button>
          </div>
        </DialogForm>
      )}
      {outcome && (
        <div className="form__actions">
          <button type="button" className="button button--primary" data-autofocus onClick={props.onClose}>
            {t('close')}
          </button>
        </div>
      )}
    </Dialog>
  )
}

const order: ObjectToolResult['outcome'][] = ['added', 'replaced', 'removed', 'changed', 'requested', 'already-restoring', 'unchanged', 'not-archived', 'too-many', 'failed']

/** "Added to 3 files · 1 file failed", then the failures (the first five), each in words. */
function Outcome({ outcome }: { outcome: ObjectToolOutcome }) {
  const { t } = useObjectToolsTranslation()
  const locale = useFormatLocale()
  const counts = new Map<string, number>()
  for (const r of outcome.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1)
  const failures = outcome.results.filter((r) => r.outcome === 'failed')
  const notReached = outcome.total - outcome.results.length
  return (
    <div className="dialog__text">
      <ul className="outcome-list" role="status">
        {order
          .filter((o) => counts.has(o))
          .map((o) => (
            <li key={o}>{t(`outcomes.${o}`, { count: counts.get(o), n: formatCount(counts.get(o) ?? 0, locale) })}</li>
          ))}
        {outcome.stopped && notReached > 0 && <li>{t('outcomes.stopped', { count: notReached, n: formatCount(notReached, locale) })}</li>}
      </ul>
      {failures.length > 0 && (
        <ul className="failure-list">
          {failures.slice(0, 5).map((f) => (
            <li key={f.key}>
              <span className="mono">{f.key}</span>
              {f.error && <ErrorAlert error={f.error} namespace={objectToolsNamespace} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
