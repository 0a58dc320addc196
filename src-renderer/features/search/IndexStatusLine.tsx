import { useSearchTranslation } from './i18n'
import { useSearchStore } from './searchStore'
import { formatCount } from '../browser/formatting'
import { useFormatLocale } from '../../i18n/formatLocale'

/** How old the bucket index is and how many keys it holds; a progress bar, Stop and Refresh. */
export function IndexStatusLine() {
  const { t } = useSearchTranslation()
  const locale = useFormatLocale()
  const index = useSearchStore((s) => s.index)
  const refresh = useSearchStore((s) => s.refreshIndex)
  const cancel = useSearchStore((s) => s.cancelIndex)
  if (!index) return null
  const n = (count: number) => formatCount(count, locale)
  const age = index.builtAt ? relativeAge(index.builtAt, locale) : ''
  const text =
    index.state === 'building'
      ? t('index.building', { count: index.listed, n: n(index.listed) })
      : index.state === 'failed'
        ? t('index.failed')
        : index.complete
          ? t(index.stale ? 'index.stale' : 'index.ready', { count: index.keyCount, n: n(index.keyCount), age })
          : t('index.none')
  return (
    <div className="index-status" role="group" aria-label={t('index.label')}>
      {index.notice === 'rebuilt-damaged' && <p className="search-bar__note search-bar__note--warning">{t('index.damaged')}</p>}
      <p role="status" className="index-status__text">
        {text}
      </p>
      {index.state === 'building' && (
        <>
          {/* The total isn't known until the listing ends: the bar runs without a value. */}
          <progress className="index-status__bar" aria-label={t('index.progress')} />
          <button type="button" className="button button--quiet" onClick={() => void cancel()}>
            {t('index.cancel')}
          </button>
        </>
      )}
      {index.state !== 'building' && (
        <button type="button" className="button button--quiet" onClick={() => void refresh()}>
          {t('index.refresh')}
        </button>
      )}
    </div>
  )
}

function relativeAge(iso: string, language: string): string {
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000)
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second')
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute')
  if (Math.abs(seconds) < 86_400) return format.format(Math.round(seconds / 3600), 'hour')
  return format.format(Math.round(seconds / 86_400), 'day')
}
