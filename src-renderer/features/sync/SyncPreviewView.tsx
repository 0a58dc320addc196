import type { SyncPreview } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { formatCount } from '../browser/formatting'
import { useSyncTranslation } from './i18n'
import { PreviewCategory } from './PreviewCategory'
import { runCount } from './syncChoices'
import { useSyncStore } from './syncStore'
import { whereLabel } from './whereLabel'

/**
 * What the sync will do, before anything moves: what goes across, what is only on the
 * other side (kept unless ticked), what is left alone, skipped or not compared exactly.
 */
export function SyncPreviewView({ preview }: { preview: SyncPreview }) {
  const { t, i18n } = useSyncTranslation()
  const alsoDelete = useSyncStore((s) => s.alsoDelete)
  const overwriteNewer = useSyncStore((s) => s.overwriteNewer)
  const error = useSyncStore((s) => s.error)
  const { back, run, setAlsoDelete, setOverwriteNewer } = useSyncStore.getState()
  const { pair } = preview
  const upload = pair.direction === 'upload'
  const count = runCount(preview, alsoDelete, overwriteNewer)
  return (
    <form
      className="form sync-preview"
      onSubmit={(event) => {
        event.preventDefault()
        void run()
      }}
    >
      <div className="form__body">
        <p data-autofocus tabIndex={-1}>
          {t('preview.summary', { folder: pair.folder, where: whereLabel(t, pair.bucket, pair.prefix), rule: t(preview.rule === 'exact' ? 'preview.ruleExact' : 'preview.ruleQuick') })}
        </p>
        <div className="sync-preview__categories">
          <PreviewCategory title={t(upload ? 'preview.upload' : 'preview.download')} category={preview.transfers} />
          {preview.deletions.count > 0 && (
            <PreviewCategory title={t(upload ? 'preview.deleteRemote' : 'preview.deleteLocal')} category={preview.deletions} note={alsoDelete ? undefined : t('preview.deletesKept')} tone="danger" />
          )}
          {preview.newerAtDestination.count > 0 && <PreviewCategory title={t('preview.newerHere')} category={preview.newerAtDestination} />}
          {preview.skipped.count > 0 && <PreviewCategory title={t('preview.skipped')} category={preview.skipped} />}
          {preview.notExact.count > 0 && <PreviewCategory title={t('preview.notExact')} category={preview.notExact} note={t('preview.notExactHelp')} />}
          <PreviewCategory title={t('preview.unchanged')} category={preview.unchanged} />
        </div>
        {preview.deletions.count > 0 && (
          <label className="sync-choice sync-choice--danger">
            <input type="checkbox" checked={alsoDelete} onChange={(e) => setAlsoDelete(e.target.checked)} />
            <span>{t(upload ? 'preview.alsoDeleteRemote' : 'preview.alsoDeleteLocal', { count: preview.deletions.count, n: formatCount(preview.deletions.count, i18n.language) })}</span>
          </label>
        )}
        {preview.newerAtDestination.count > 0 && (
          <label className="sync-choice">
            <input type="checkbox" checked={overwriteNewer} onChange={(e) => setOverwriteNewer(e.target.checked)} />
            <span>{t('preview.overwriteNewer', { count: preview.newerAtDestination.count, n: formatCount(preview.newerAtDestination.count, i18n.language) })}</span>
          </label>
        )}
        {count === 0 && <p className="notice">{t('preview.nothing')}</p>}
        {error && <ErrorAlert error={error} namespace="sync" />}
      </div>
      <div className="form__actions">
        <button type="button" className="button" onClick={back}>
          {t('preview.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={count === 0}>
          {t('preview.run', { count, n: formatCount(count, i18n.language) })}
        </button>
      </div>
    </form>
  )
}
