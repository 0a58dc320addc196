import { useEffect, useId, useState } from 'react'
import type { BridgeError, IncompleteUpload } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Dialog } from '../../ui/Dialog'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { formatCount, formatModified } from '../browser/formatting'
import { formatBytes } from '../transfers/transferFormat'
import { incompleteUploadsNamespace, useIncompleteUploadsTranslation } from './i18n'
import { useFormatLocale } from '../../i18n/formatLocale'

/**
 * The bucket's incomplete multipart uploads: key, started, parts, bytes. A selection can
 * be aborted (after saying what that frees and that it can't be resumed), or a lifecycle
 * rule can abort them after 7 days. Cubeta's own interrupted uploads are marked: they
 * can be resumed from the transfer queue instead.
 */
export function IncompleteUploadsSection({ profileId, bucket }: { profileId: string; bucket: string }) {
  const { t } = useIncompleteUploadsTranslation()
  const locale = useFormatLocale()
  const headingId = useId()
  const [uploads, setUploads] = useState<IncompleteUpload[] | null>(null)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [error, setError] = useState<BridgeError | null>(null)
  const [asking, setAsking] = useState(false)
  const [ruleNote, setRuleNote] = useState<string | null>(null)
  const load = async () => {
    setError(null)
    try {
      const answer = unwrap(await bridge['uploads/listIncomplete']({ profileId, bucket }))
      setUploads(answer.uploads)
      setSelected(new Set())
    } catch (caught) {
      setError(asBridgeError(caught))
    }
  }
  useEffect(() => {
    void load()
  }, [profileId, bucket])

  const idOf = (u: IncompleteUpload) => `${u.key}\n${u.uploadId}`
  const chosen = (uploads ?? []).filter((u) => selected.has(idOf(u)))
  const addRule = async () => {
    setError(null)
    try {
      unwrap(await bridge['uploads/addAbortRule']({ profileId, bucket, days: 7 }))
      setRuleNote(t('ruleAdded'))
    } catch (caught) {
      setError(asBridgeError(caught))
    }
  }

  return (
    <section className="settings-card" aria-labelledby={headingId}>
      <div className="settings-card__head">
        <h2 id={headingId} className="settings-card__title">
          {t('title')}
        </h2>
        <button type="button" className="button" onClick={() => void addRule()}>
          {t('addRule')}
        </button>
      </div>
      <p className="quiet">{t('explain')}</p>
      {ruleNote && <p role="status">{ruleNote}</p>}
      {uploads === null ? (
        <p className="quiet">{t('loading')}</p>
      ) : uploads.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <>
          <table className="table" aria-label={t('title')}>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('select')}</span>
                </th>
                <th scope="col">{t('key')}</th>
                <th scope="col">{t('started')}</th>
                <th scope="col">{t('parts')}</th>
                <th scope="col">{t('bytes')}</th>
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={idOf(u)}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('selectOne', { key: u.key, date: formatModified(u.initiated, locale) })}
                      checked={selected.has(idOf(u))}
                      onChange={(event) => {
                        const next = new Set(selected)
                        if (event.target.checked) next.add(idOf(u))
                        else next.delete(idOf(u))
                        setSelected(next)
                      }}
                    />
                  </td>
                  <th scope="row" className="mono">
                    {u.key}
                    {u.transferId && <span className="upload-own"> {t('own')}</span>}
                  </th>
                  <td>{formatModified(u.initiated, locale)}</td>
                  <td>{formatCount(u.parts, locale)}</td>
                  <td>{formatBytes(u.bytes, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <button type="button" className="button button--danger-quiet" disabled={chosen.length === 0} onClick={() => setAsking(true)}>
              {t('abortSelected', { count: chosen.length })}
            </button>
          </div>
        </>
      )}
      {error && <ErrorAlert error={error} namespace={incompleteUploadsNamespace} />}
      {asking && <AbortDialog profileId={profileId} bucket={bucket} uploads={chosen} onClose={() => setAsking(false)} onDone={() => void load()} />}
    </section>
  )
}

function AbortDialog({ profileId, bucket, uploads, onClose, onDone }: { profileId: string; bucket: string; uploads: IncompleteUpload[]; onClose: () => void; onDone: () => void }) {
  const { t } = useIncompleteUploadsTranslation()
  const locale = useFormatLocale()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<BridgeError | null>(null)
  const bytes = uploads.reduce((sum, u) => sum + u.bytes, 0)
  const own = uploads.filter((u) => u.transferId).length
  const confirm = async () => {
    setBusy(true)
    try {
      const outcome = unwrap(await bridge['uploads/abort']({ profileId, bucket, uploads: uploads.map(({ key, uploadId }) => ({ key, uploadId })) }))
      onDone()
      if (outcome.failed[0]) {
        setError(outcome.failed[0].error)
        setBusy(false)
        return
      }
      onClose()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }
  return (
    <Dialog title={t('abortTitle', { count: uploads.length })} onClose={onClose} size="small">
      <div className="form__body dialog__text">
        <p>{t('abortBody', { count: uploads.length, size: formatBytes(bytes, locale) })}</p>
        {own > 0 && <p className="delete-warning">{t('abortOwn', { count: own })}</p>}
      </div>
      {error && <ErrorAlert error={error} namespace={incompleteUploadsNamespace} />}
      <div className="form__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void confirm()}>
          {t('abort')}
        </button>
      </div>
    </Dialog>
  )
}
