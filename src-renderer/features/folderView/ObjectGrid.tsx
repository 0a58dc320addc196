import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { BucketIcon } from '../../ui/icons'
import { formatBytes } from '../transfers/transferFormat'
import type { Sort, SortKey } from './folderRows'
import { useFolderTranslation } from './i18n'

const rowHeight = 34
const columns: SortKey[] = ['name', 'size', 'lastModified', 'storageClass']

interface Props {
  rows: ObjectEntry[]
  selected: Set<string>
  sort: Sort
  onSort(sort: Sort): void
  onRowClick(entry: ObjectEntry, event: React.MouseEvent): void
  onOpen(entry: ObjectEntry): void
  onCopy(entry: ObjectEntry): void
  onKeyDown(event: React.KeyboardEvent): void
}

/**
 * The folder's rows, virtualized: only the rows in view exist in the page, so 100,000
 * objects scroll as smoothly as 10. It is an ARIA grid with the full row count, so
 * assistive tech and tests still know how many rows there are.
 */
export function ObjectGrid({ rows, selected, sort, onSort, onRowClick, onOpen, onCopy, onKeyDown }: Props) {
  const { t, i18n } = useFolderTranslation()
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 })
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <div className="object-grid" role="grid" aria-label={t('objects')} aria-rowcount={rows.length + 1} aria-multiselectable="true" tabIndex={0} onKeyDown={onKeyDown}>
      <div className="object-grid__row object-grid__head" role="row" aria-rowindex={1}>
        {columns.map((key) => (
          <div key={key} role="columnheader" className={`object-grid__cell object-grid__cell--${key}`} aria-sort={sort.key === key ? sort.direction : 'none'}>
            <button
              type="button"
              className="link-button"
              onClick={() => onSort({ key, direction: sort.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' })}
            >
              {t(key)}
              {sort.key === key && <span aria-hidden="true">{sort.direction === 'ascending' ? ' ↑' : ' ↓'}</span>}
            </button>
          </div>
        ))}
        <div role="columnheader" className="object-grid__cell object-grid__cell--actions">
          <span className="offscreen">{t('copyUrl')}</span>
        </div>
      </div>
      <div ref={scroller} className="object-grid__body">
        <div className="object-grid__spacer" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((item) => {
            const entry = rows[item.index]!
            const isSelected = selected.has(entry.key)
            return (
              <div
                key={entry.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                className={`object-grid__row${isSelected ? ' object-grid__row--selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                onClick={(event) => onRowClick(entry, event)}
                onDoubleClick={() => onOpen(entry)}
              >
                <div role="gridcell" className="object-grid__cell object-grid__cell--name" title={entry.key}>
                  {entry.kind === 'folder' ? <BucketIcon /> : <span className="object-grid__file" aria-hidden="true" />}
                  <span>{entry.kind === 'folder' ? `${entry.name}/` : entry.name}</span>
                </div>
                <div role="gridcell" className="object-grid__cell object-grid__cell--size">
                  {entry.size === null ? '' : formatBytes(entry.size, i18n.language)}
                </div>
                <div role="gridcell" className="object-grid__cell object-grid__cell--lastModified">
                  {entry.lastModified ? dates.format(new Date(entry.lastModified)) : ''}
                </div>
                <div role="gridcell" className="object-grid__cell object-grid__cell--storageClass">
                  {entry.storageClass ?? ''}
                </div>
                <div role="gridcell" className="object-grid__cell object-grid__cell--actions">
                  {entry.kind === 'object' && (
                    <button
                      type="button"
                      className="button object-grid__copy"
                      aria-label={t('copyUrlOf', { name: entry.name })}
                      onClick={(event) => {
                        event.stopPropagation()
                        onCopy(entry)
                      }}
                    >
                      {t('copyUrl')}
                    </button>
                  )}
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
