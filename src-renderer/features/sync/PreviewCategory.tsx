import { useId } from 'react'
import type { SyncCategory, SyncItem } from '../../../src-main/contract/bridge'
import { formatBytes } from '../transfers/transferFormat'
import { formatCount } from '../browser/formatting'
import { useSyncTranslation } from './i18n'

/** Enough names to check by eye; the count says how many more there are. */
const shownAtMost = 200

/** "file-and-folder:docs/readme.md" → its words, with the other name filled in. */
export function useReasonText() {
  const { t } = useSyncTranslation()
  return (item: SyncItem) => {
    const [reason = '', ...rest] = item.reason.split(':')
    const other = rest.join(':')
    return t(`preview.reasons.${reason}`, { with: other, defaultValue: reason })
  }
}

/** One part of the preview: its heading, count and bytes, and the names in it. */
export function PreviewCategory({ title, category, note, tone }: { title: string; category: SyncCategory; note?: string; tone?: 'danger' }) {
  const { t, i18n } = useSyncTranslation()
  const reasonText = useReasonText()
  const headingId = useId()
  const shown = category.items.slice(0, shownAtMost)
  return (
    <section className={`sync-category ${tone ? `sync-category--${tone}` : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="sync-heading">
        {title} <span className="sync-category__count">{t('preview.count', { count: category.count, n: formatCount(category.count, i18n.language), bytes: formatBytes(category.bytes, i18n.language) })}</span>
      </h3>
      {note && <p className="quiet">{note}</p>}
      {shown.length > 0 && (
        <ul className="sync-category__list" aria-label={title}>
          {shown.map((item) => (
            <li key={item.path} className="sync-category__item">
              <span className="mono sync-category__path">{item.path}</span>
              <span className="quiet">
                {reasonText(item)} · {formatBytes(item.size, i18n.language)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {category.count > shown.length && <p className="quiet">{t('preview.more', { count: category.count - shown.length, n: formatCount(category.count - shown.length, i18n.language) })}</p>}
    </section>
  )
}
