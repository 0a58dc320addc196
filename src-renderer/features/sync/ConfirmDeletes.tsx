import type { SyncPreview } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { formatCount } from '../browser/formatting'
import { useSyncTranslation } from './i18n'
import { useSyncStore } from './syncStore'

const namedAtMost = 50

/** The second question before a sync deletes: how many, which, for good. Back is focused, so Enter never deletes. */
export function ConfirmDeletes({ preview }: { preview: SyncPreview }) {
  const { t, i18n } = useSyncTranslation()
  const error = useSyncStore((s) => s.error)
  const { back, run } = useSyncStore.getState()
  const { count, items } = preview.deletions
  return (
    <div className="form sync-confirm">
      <div className="form__body">
        <p>{t('preview.confirmBody', { count, n: formatCount(count, i18n.language) })}</p>
        <ul className="sync-category__list" aria-label={t('preview.confirmTitle')}>
          {items.slice(0, namedAtMost).map((item) => (
            <li key={item.path} className="mono">
              {item.path}
            </li>
          ))}
        </ul>
        {count > namedAtMost && <p className="quiet">{t('preview.more', { count: count - namedAtMost, n: formatCount(count - namedAtMost, i18n.language) })}</p>}
        {error && <ErrorAlert error={error} namespace="sync" />}
      </div>
      <div className="form__actions">
        <button type="button" className="button" data-autofocus onClick={back}>
          {t('preview.back')}
        </button>
        <button type="button" className="button button--danger" onClick={() => void run()}>
          {t('preview.confirm', { count, n: formatCount(count, i18n.language) })}
        </button>
      </div>
    </div>
  )
}
