import { memo, type KeyboardEvent, type PointerEvent } from 'react'
import { useBrowserTranslation } from './browserI18n'
import { SortIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'
import { useBrowserUiStore } from './browserUiStore'
import { columnLimits, type ResizableColumn } from './columnWidths'
import type { SortColumn } from './sortRows'

/** `optional` columns give way first when the grid is narrow (see objectGrid.css). */
const columns: { column: SortColumn & ResizableColumn; label: string; className: string }[] = [
  { column: 'name', label: 'columns.name', className: '' },
  { column: 'size', label: 'columns.size', className: 'object-grid__cell--number' },
  { column: 'modified', label: 'columns.modified', className: 'object-grid__optional--modified' },
  { column: 'storageClass', label: 'columns.storageClass', className: 'object-grid__optional--class' },
]

/**
 * The header row: each column sorts when clicked, and says how it is sorted (aria-sort).
 * The edge after each one is a handle: drag it, or focus it and use ←/→ (Shift for bigger
 * steps); double-click or Home goes back to the usual width. Memo: the grid draws again
 * on every scrolled frame, the headers only when the sort or the language changes.
 */
export const ColumnHeaders = memo(function ColumnHeaders() {
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
              <ResizeHandle column={column} label={t('columns.resize', { column: t(label) })} />
            </div>
          )
        })}
        <div role="columnheader" className="object-grid__header">
          <span className="visually-hidden">{t('columns.actions')}</span>
        </div>
      </div>
    </div>
  )
})

function ResizeHandle({ column, label }: { column: ResizableColumn; label: string }) {
  const width = useBrowserUiStore((s) => s.columnWidths[column])
  const setWidth = useBrowserUiStore((s) => s.setColumnWidth)
  const { min, max } = columnLimits[column]
  const headerWidth = (handle: HTMLElement) => handle.parentElement?.getBoundingClientRect().width ?? columnLimits[column].initial

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    const handle = event.currentTarget
    const startX = event.clientX
    const startWidth = headerWidth(handle)
    handle.setPointerCapture(event.pointerId)
    const move = (moved: globalThis.PointerEvent) => setWidth(column, startWidth + moved.clientX - startX)
    const stop = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', stop)
      handle.removeEventListener('pointercancel', stop)
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', stop)
    handle.addEventListener('pointercancel', stop)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16
    const current = width ?? headerWidth(event.currentTarget)
    const next = event.key === 'ArrowRight' ? current + step : event.key === 'ArrowLeft' ? current - step : event.key === 'Home' ? null : undefined
    if (next === undefined) return
    // The grid's own keys (arrows move the selection) must not see these.
    event.preventDefault()
    event.stopPropagation()
    setWidth(column, next)
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(width ?? columnLimits[column].initial)}
      tabIndex={0}
      className="object-grid__resize"
      onPointerDown={onPointerDown}
      onDoubleClick={() => setWidth(column, null)}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  )
}
