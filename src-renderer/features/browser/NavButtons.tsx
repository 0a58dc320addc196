import { RefreshIcon } from '../../ui/icons'
import { useBrowserTranslation } from './browserI18n'
import { BackIcon, UpIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'

/** Back (history), Up (parent folder) and Refresh, beside the breadcrumbs like a location bar. */
export function NavButtons() {
  const { t } = useBrowserTranslation()
  const canGoBack = useBrowserStore((s) => s.history.length > 0)
  const canGoUp = useBrowserStore((s) => (s.location?.prefix ?? '') !== '')
  const loading = useBrowserStore((s) => s.status === 'loading')
  const { back, up, refresh } = useBrowserStore.getState()
  return (
    <div className="browser-nav">
      <button type="button" className="button button--icon" aria-label={t('actions.back')} title={t('actions.backHint')} disabled={!canGoBack} onClick={back}>
        <BackIcon />
      </button>
      <button type="button" className="button button--icon" aria-label={t('actions.up')} title={t('actions.upHint')} disabled={!canGoUp} onClick={up}>
        <UpIcon />
      </button>
      <button type="button" className="button button--icon" aria-label={t('actions.refresh')} title={t('actions.refresh')} aria-busy={loading} onClick={() => void refresh()}>
        <RefreshIcon />
      </button>
    </div>
  )
}
