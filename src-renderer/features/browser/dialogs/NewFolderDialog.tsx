import { useState } from 'react'
import type { BridgeError } from '../../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../../bridge/bridgeClient'
import { asBridgeError } from '../../../errors/asBridgeError'
import { Dialog } from '../../../ui/Dialog'
import { ErrorAlert } from '../../../ui/ErrorAlert'
import { Field } from '../../../ui/Field'
import { useBrowserTranslation } from '../browserI18n'
import type { BrowserLocation } from '../browserStore'
import { useBrowserStore } from '../browserStore'
import { folderNameProblem } from '../nameRules'
import { useToastStore } from '../toastStore'
import { objectGrid } from './gridFocus'
import { DialogForm } from '../../../ui/DialogForm'

/** A new folder in the open one: a name without "/", checked before the call. */
export function NewFolderDialog({ location, onClose }: { location: BrowserLocation; onClose: () => void }) {
  const { t } = useBrowserTranslation()
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<BridgeError | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const found = folderNameProblem(location.prefix, name)
    if (found) {
      setProblem(t(`problems.${found}`))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { key } = unwrap(await bridge['objects/createFolder']({ ...location, name: name.trim() }))
      onClose()
      useToastStore.getState().show(t('toast.folderCreated', { name: name.trim() }))
      const store = useBrowserStore.getState()
      await store.refresh()
      store.select([key])
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('newFolder.title')} onClose={onClose} size="small" focusFallback={objectGrid}>
      <DialogForm busy={busy} onSubmit={() => void submit()}>
        <div className="form__body">
          <Field label={t('newFolder.name')} help={t('newFolder.help', { where: location.prefix || location.bucket })} problem={problem ?? undefined}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={name}
                onChange={(event) => {
                  setName(event.target.value)
                  setProblem(null)
                }}
              />
            )}
          </Field>
        </div>
        {error && <ErrorAlert error={error} namespace="browser" />}
        <div className="form__actions">
          <p role="status" className="form__status">
            {busy ? t('newFolder.creating') : ''}
          </p>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {t('newFolder.create')}
          </button>
        </div>
      </DialogForm>
    </Dialog>
  )
}
