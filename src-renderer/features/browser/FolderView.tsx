import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useId, useMemo, useRef, type CSSProperties, type MouseEvent } from 'react'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { copyEntry, openEntry } from './browserActions'
import { useBrowserTranslation } from './browserI18n'
import { FolderIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'
import { useBrowserUiStore } from './browserUiStore'
import { ColumnHeaders } from './ColumnHeaders'
import { columnVariables } from './columnWidths'
import { mac } from './useGridKeyboard'
import { ObjectRow, rowHeight, useRowWords, type RowHandlers } from './ObjectRow'
import { clickSelection } from './selectionModel'
import { useVisibleRows } from './useBrowserSelectors'
import { useGridKeyboard } from './useGridKeyboard'

/** The sticky header row inside the scroller (objectGrid.css says the same). */
const headerHeight = 36

/**
 * The open folder as a virtualized grid, named "Objects"
 *
 * Only the rows in view (plus a few) are in the DOM; aria-rowcount and aria-rowindex
 * tell assistive technology how many there are and where each one sits. The grid is one
 * Tab stop; the focused row is its aria-activedescendant. The root element is a plain
 * flex container so that another feature (uploads) can wrap it in a drop target.
 */
export function FolderView() {
  const { t } = useBrowserTranslation()
  const words = useRowWords()
  const visible = useVisibleRows()
  const selection = useBrowserStore((s) => s.selection)
  const status = useBrowserStore((s) => s.status)
  const error = useBrowserStore((s) => s.error)
  const filter = useBrowserStore((s) => s.filter)
  const revealRequest = useBrowserStore((s) => s.revealRequest)
  const prefix = useBrowserStore((s) => s.location?.prefix ?? '')
  const showingResults = useBrowserStore((s) => s.results !== null)
  const openContextMenu = useBrowserUiStore((s) => s.openContextMenu)
  const columnWidths = useBrowserUiStore((s) => s.columnWidths)
  const columnStyle = useMemo(() => columnVariables(columnWidths) as CSSProperties, [columnWidths])
  const scrollRef = useRef<HTMLDivElement>(null)
  const gridRef = useRef<HTMLDivElement>(null)
  const idBase = useId()
  const rowId = (index: number) => `${idBase}-row-${index}`

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    // Rows start below the sticky header, and scrolling to a row must not hide it under it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  })
  const reveal = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer])

  // A new folder starts at the top. When the control that led here went away (a
  // breadcrumb, a bucket row), the grid takes the focus so the keyboard keeps working.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
    if (!document.activeElement || document.activeElement === document.body) gridRef.current?.focus({ preventScroll: true })
  }, [prefix])

  // select() from elsewhere (an upload finished) may name rows that are still arriving.
  const revealed = useRef(0)
  useEffect(() => {
    if (revealed.current === revealRequest || selection.focus === null) return
    const index = visible.findIndex((entry) => entry.key === selection.focus)
    if (index === -1) return
    revealed.current = revealRequest
    reveal(index)
  }, [revealRequest, visible, selection.focus, reveal])

  // The same handler objects on every render, reading the latest rows through a ref, so
  // memo(ObjectRow) skips rows that didn't change while the list scrolls.
  const latest = useRef({ visible, openEntry, copyEntry, openContextMenu })
  latest.current = { visible, openEntry, copyEntry, openContextMenu }
  const handlers = useMemo<RowHandlers>(
    () => ({
      onSelect(entry, event: MouseEvent) {
        const state = useBrowserStore.getState()
        const keys = event.shiftKey ? latest.current.visible.map((row) => row.key) : []
        state.setSelection(clickSelection(state.selection, keys, entry.key, { toggle: event.ctrlKey || event.metaKey, extend: event.shiftKey }))
      },
      onOpen: (entry) => latest.current.openEntry(entry),
      onCopy: (entry) => latest.current.copyEntry(entry),
      onContextMenu(entry, event) {
        event.preventDefault()
        const state = useBrowserStore.getState()
        if (!state.selection.selected.has(entry.key)) state.setSelection(clickSelection(state.selection, [], entry.key, { toggle: false, extend: false }))
        gridRef.current?.focus()
        latest.current.openContextMenu({ x: event.clientX, y: event.clientY })
      },
    }),
    [],
  )

  const onKeyDown = useGridKeyboard({
    visible,
    pageSize: () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? rowHeight * 10) - headerHeight) / rowHeight) - 1),
    reveal,
    rowButton: (index) => document.getElementById(rowId(index))?.querySelector<HTMLElement>('button.button--row') ?? null,
    contextMenuAt(index) {
      const row = document.getElementById(rowId(index))?.getBoundingClientRect()
      if (row) openContextMenu({ x: row.left + 48, y: row.bottom })
    },
  })

  // Looked up once per change, not on every scrolled frame: a search of 100,000 rows when the focus is elsewhere.
  const focusIndex = useMemo(() => (selection.focus === null ? -1 : visible.findIndex((entry) => entry.key === selection.focus)), [visible, selection.focus])
  const items = virtualizer.getVirtualItems()
  const focusRendered = items.some((item) => item.index === focusIndex)

  return (
    <div className="folder-view">
      <div
        ref={gridRef}
        role="grid"
        aria-label={showingResults ? t('grid.resultsLabel') : t('grid.label')}
        aria-rowcount={visible.length + 1}
        aria-colcount={5}
        aria-multiselectable="true"
        aria-busy={status === 'loading'}
        aria-activedescendant={focusRendered ? rowId(focusIndex) : undefined}
        aria-describedby={`${idBase}-keys`}
        tabIndex={0}
        className="object-grid"
        style={columnStyle}
        onKeyDown={onKeyDown}
      >
        <div ref={scrollRef} className="object-grid__body">
          <ColumnHeaders />
          <div role="rowgroup" className="object-grid__rows" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const entry = visible[item.index] as ObjectEntry
              return (
                <ObjectRow
                  key={entry.key}
                  words={words}
                  id={rowId(item.index)}
                  entry={entry}
                  rowIndex={item.index + 2}
                  selected={selection.selected.has(entry.key)}
                  focused={item.index === focusIndex}
                  top={item.start - headerHeight}
                  folder={showingResults ? entry.key.slice(0, entry.key.lastIndexOf('/') + 1) : null}
                  {...handlers}
                />
              )
            })}
          </div>
        </div>
      </div>
      <p id={`${idBase}-keys`} className="visually-hidden">
        {t(mac ? 'grid.keysMac' : 'grid.keys')}
      </p>
      {visible.length === 0 && <EmptyState status={status} filtered={filter.trim() !== ''} />}
      {status === 'error' && error && (
        <div className="folder-view__error">
          <ErrorAlert error={error} namespace="browser" />
        </div>
      )}
    </div>
  )
}

/** Loading, empty folder, or nothing matches the filter: over the grid, never inside it. */
function EmptyState({ status, filtered }: { status: string; filtered: boolean }) {
  const { t } = useBrowserTranslation()
  if (status === 'error') return null
  if (status === 'loading' || status === 'idle') {
    return (
      <div className="folder-view__state">
        <span className="spinner" aria-hidden="true" />
      </div>
    )
  }
  return (
    <div className="folder-view__state">
      <span className="pane-state__icon">
        <FolderIcon />
      </span>
      <p className="pane-state__title">{filtered ? t('empty.noMatchTitle') : t('empty.title')}</p>
      <p className="quiet">{filtered ? t('empty.noMatchHint') : t('empty.hint')}</p>
    </div>
  )
}
