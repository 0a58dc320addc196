import { useBrowserTranslation } from './browserI18n'
import { SortIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'
import type { SortColumn } from './sortRows'

/** `optional` columns give way first when the grid is narrow (see objectGrid.css). */
const columns: { column: SortColumn; label: string; className: string }[] = [
  { column: 'name', label: 'columns.name', className: '' },
  { column: 'size', label: 'columns.size', className: 'object-grid__cell--number' },
  { column: 'modified', label: 'columns.modified', className: 'object-grid__optional--modified' },
  { column: 'storageClass', label: 'columns.storageClass', className: 'object-grid__optional--class' },
]

/** The header row: each column sorts when clicked, and says how it is sorted (aria-sort). */
export function ColumnHeaders() {
  const { t } = useBrowserTranslation()
  const sort = useBrowserStore((s) => s.sort)
  const sortBy = useBrowserStore((s) => s.sortBy)
  return (
    <div role="rowgroup" className="object-grid__head">
      <div role="row" aria-rowindex={1} className="object-grid__row object-grid__row--head">
        {columns.map(({ column, label, className }) => {
          const direction = sort.column === column ? sort.direction : 'none'
          return (
            <div key={column} role="columnheader" aria-sort={direction} className={`object-grid__header ${className}`}>
              <button type="button" className="object-grid__sort" title={t(label)} onClick={() => sortBy(column)}>
                <span className="object-grid__sort-label">{t(label)}</span>
                <SortIcon direction={direction} />
              </button>
            </div>
          )
        })}
        <div role="columnheader" className="object-grid__header">
          <span className="visually-hidden">{t('columns.actions')}</span>
        </div>
      </div>
    </div>
  )
}
