import { useEffect, useState } from 'react'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { maxTagsPerObject, tagProblems } from '../../../src-main/contract/rules/objectTools/tagRules'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { DialogForm } from '../../ui/DialogForm'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { objectGrid } from '../browser/dialogs/gridFocus'
import type { BrowserLocation } from '../browser/browserStore'
import { useToastStore } from '../browser/toastStore'
import { objectToolsNamespace, useObjectToolsTranslation } from './i18n'
import { KeyValueRows, type KeyValueRow } from './KeyValueRows'

/** One file's whole tag set: read, edited row by row (checked as S3 would), written and read back. */
export function TagsDialog({ location, objectKey, onClose }: { location: BrowserLocation; objectKey: string; onClose: () => void }) {
  const { t } = useObjectToolsTranslation()
  const [rows, setRows] = useState<KeyValueRow[] | null>(null)
  const [problems, setProblems] = useState(new Map<string, string>())
  const [error, setError] = useState<BridgeError | null>(null)
  const [busy, setBusy] = useState(false)
  const ref = { profileId: location.profileId, bucket: location.bucket, key: objectKey }

  useEffect(() => {
    let current = true
    bridge['objects/tags']({ profileId: location.profileId, bucket: location.bucket, key: objectKey })
      .then(unwrap)
      .then((answer) => current && setRows(answer.tags.map((tag) => ({ first: tag.key, second: tag.value }))))
      .catch((caught: unknown) => current && setError(asBridgeError(caught)))
    return () => {
      current = false
    }
  }, [location, objectKey])

  const submit = async () => {
    if (!rows || busy) return
    const tags = rows.map((r) => ({ key: r.first.trim(), value: r.second }))
    const found = tagProblems(tags)
    const next = new Map<string, string>()
    for (const p of found) if (p.index >= 0) next.set(`${p.index}:${p.field === 'key' ? 'first' : 'second'}`, t(`problems.${p.code}`))
    setProblems(next)
    if (found.length > 0) return
    setBusy(true)
    setError(null)
    try {
      unwrap(await bridge['objects/setTags']({ ...ref, tags }))
      useToastStore.getState().show(t('tags.saved'))
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }

  return (
    <Dialog title={t('tags.title', { name: objectKey.split('/').pop() ?? objectKey })} onClose={() => !busy && onClose()} focusFallback={objectGrid}>
      <DialogForm busy={busy || !rows} onSubmit={() => void submit()}>
        <div className="form__body">
          <p className="dialog__text quiet">{t('tags.help')}</p>
          {rows && (
            <KeyValueRows
              rows={rows}
              onChange={(next) => {
                setRows(next)
                setProblems(new Map())
              }}
              headings={[t('tags.key'), t('tags.value')]}
              labelFirst={(position) => t('tags.keyOf', { position })}
              labelSecond={(position) => t('tags.valueOf', { position })}
              labelRemove={(position) => t('tags.removeTag', { position })}
              addLabel={t('tags.add')}
              emptyText={t('tags.none')}
              problems={problems}
              max={maxTagsPerObject}
              readOnly={busy}
            />
          )}
        </div>
        {error && <ErrorAlert error={error} namespace={objectToolsNamespace} />}
        <div className="form__actions">
          <p role="status" className="form__status">
            {!rows && !error ? t('tags.reading') : busy ? t('tags.saving') : ''}
          </p>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={busy || !rows || undefined}>
            {t('tags.save')}
          </button>
        </div>
      </DialogForm>
    </Dialog>
  )
}

