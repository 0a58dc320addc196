import { useBrowserTranslation } from './browserI18n'
import { useBrowserStore } from './browserStore'
import { formatCount } from './formatting'
import { useVisibleRows } from './useBrowserSelectors'
import { useFormatLocale } from '../../i18n/formatLocale'

/**
 * The status line under the grid: how many rows, whether more are still arriving
 * ("Loading… 37,000 items so far"), how many match the filter and how many are selected.
 */
export function ListingStatus() {
  const { t } = useBrowserTranslation()
  const locale = useFormatLocale()
  const status = useBrowserStore((s) => s.status)
  const total = useBrowserStore((s) => s.rows.length)
  const filter = useBrowserStore((s) => s.filter.trim())
  const selectedCount = useBrowserStore((s) => s.selection.selected.size)
  const shown = useVisibleRows().length
  const results = useBrowserStore((s) => s.results !== null)
  const n = (count: number) => formatCount(count, locale)

  const parts = [
    results
      ? t(status === 'loading' ? 'status.searching' : 'status.results', { count: total, n: n(total) })
      : status === 'loading'
        ? t('status.loading', { count: total, n: n(total) })
        : status === 'error'
          ? t('status.failed', { count: total, n: n(total) })
          : t('status.items', { count: total, n: n(total) }),
  ]
  if (filter) parts.push(t('status.matching', { count: shown, n: n(shown) }))
  if (selectedCount > 0) parts.push(t('status.selected', { count: selectedCount, n: n(selectedCount) }))
  return (
    <div className="browser-status">
      {status === 'loading' && <span className="spinner spinner--small" aria-hidden="true" />}
      <p role="status" className="browser-status__text">
        {status === 'idle' ? '' : parts.join(' · ')}
      </p>
    </div>
  )
}
