import { useState } from 'react'
import { bridge, unwrap } from '../../../bridge/bridgeClient'
import { Dialog } from '../../../ui/Dialog'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { Field } from '../../../ui/Field'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'
import { useBrowserStore } from '../browserStore'
import { normalizeTarget, renameTargetProblem } from '../nameRules'
import { useToastStore } from '../toastStore'
import { OperationProgressBar } from './OperationProgressBar'
import { objectGrid } from './gridFocus'
import { useOperation } from '../../../bridge/useOperation'
import { DialogForm } from '../../../ui/DialogForm'
import { LiteralInput } from '../../../ui/LiteralInput'

/**
 * Rename or move: the field holds the whole key, so changing the folder part moves it.
 * The name part is selected at first, since renaming is the common case.
 */
export function RenameDialog({ location, from, initialTo, onClose }: { location: BrowserLocation; from: string; initialTo?: string | undefined; onClose: () => void }) {
  const { t } = useBrowserTranslation()
  const isFolder = from.endsWith('/')
  const shown = isFolder ? from.slice(0, -1) : from
  const [to, setTo] = useState(initialTo === undefined ? shown : isFolder ? initialTo.replace(/\/$/, '') : initialTo)
  const [problem, setProblem] = useState<string | null>(null)
  const operation = useOperation()

  const submit = async () => {
    const found = renameTargetProblem(from, to)
    if (found) {
      setProblem(t(`problems.${found}`))
      return
    }
    const target = normalizeTarget(from, to)
    const outcome = await operation.run(async (operationId) => unwrap(await bridge['objects/rename']({ profileId: location.profileId, bucket: location.bucket, from, to: target, operationId })))
    if (!outcome) return
    onClose()
    useToastStore.getState().show(t('toast.renamed', { name: outcome.key }))
    const store = useBrowserStore.getState()
    await store.refresh()
    store.select([outcome.key])
  }

  return (
    <Dialog title={isFolder ? t('rename.titleFolder') : t('rename.title')} onClose={() => !operation.busy && onClose()} focusFallback={objectGrid}>
      <DialogForm busy={operation.busy} onSubmit={() => void submit()}>
        <div className="form__body">
          <Field label={t('rename.to')} help={t(isFolder ? 'rename.helpFolder' : 'rename.help')} problem={problem ?? undefined}>
            {(control) => (
              <LiteralInput
                {...control}
                value={to}
                ref={(node) => {
                  // Select just the name, once, when the field first appears; again after the
                  // dialog has moved the focus in, unless a quick typist has already typed.
                  if (node && node.dataset.selected !== 'yes') {
                    node.dataset.selected = 'yes'
                    const start = shown.lastIndexOf('/') + 1
                    const untouched = node.value
                    node.setSelectionRange(start, shown.length)
                    requestAnimationFrame(() => {
                      if (node.value === untouched) node.setSelectionRange(start, shown.length)
                    })
                  }
                }}
                onChange={(event) => {
                  setTo(event.target.value)
                  setProblem(null)
                }}
              />
            )}
          </Field>
          {operation.busy && isFolder && <OperationProgressBar progress={operation.progress} verb="moving" />}
        </div>
        {operation.error && <ErrorAlert error={operation.error} namespace="browser" />}
        <div className="form__actions">
          <p role="status" className="form__status">
            {operation.busy && !isFolder ? t('rename.renaming') : ''}
          </p>
          <button type="button" className="button" aria-disabled={operation.busy || undefined} onClick={() => !operation.busy && onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={operation.busy || undefined}>
            {t('rename.confirm')}
          </button>
        </div>
      </DialogForm>
    </Dialog>
  )
}
