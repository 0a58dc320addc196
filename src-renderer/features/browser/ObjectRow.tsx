import { memo, type CSSProperties, type MouseEvent } from 'react'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { FileIcon, FolderIcon, LinkIcon } from './browserIcons'
import { useBrowserTranslation, useStorageClassName } from './browserI18n'
import { MiddleName, useElided } from './MiddleName'
import { formatExactBytes, formatModified, formatModifiedInFull, formatSize, storageClassLabel } from './formatting'
import { useFormatLocale } from '../../i18n/formatLocale'

export interface RowHandlers {
  onSelect(entry: ObjectEntry, event: MouseEvent): void
  onOpen(entry: ObjectEntry): void
  onCopy(entry: ObjectEntry): void
  onContextMenu(entry: ObjectEntry, event: MouseEvent): void
}

interface Props extends RowHandlers {
  entry: ObjectEntry
  id: string
  /** 1-based, counting the header row, as aria-rowindex wants. */
  rowIndex: number
  selected: boolean
  focused: boolean
  /** Where the virtualizer puts the row, in px: a number, so memo can compare it. */
  top: number
  /** Search results say which folder each one is in ("" for the bucket's top). */
  folder?: string | null
}

/** Fixed, so the virtualizer never measures: 100,000 rows cost the same as 30 (objectGrid.css agrees). */
export const rowHeight = 34

/**
 * One row of the folder: name, size, last modified, storage class, and Copy URL
 *
 * The row is named by the entry's name, so tests and screen readers find "foto.png";
 * folders end in "/" ("fotos/"), as in the S3 console, which also says what they are.
 * Buttons inside are out of the Tab order: the grid is one Tab stop, the keyboard works
 * through arrow keys and shortcuts (→ reaches this row's Copy URL button), and every
 * row action is also in the toolbar. A long name is cut in the middle, keeping its end;
 * the whole name shows on hover (title) and, on the focused row, below it.
 */
export const ObjectRow = memo(function ObjectRow({ entry, id, rowIndex, selected, focused, top, folder = null, onSelect, onOpen, onCopy, onContextMenu }: Props) {
  // Positioning goes through the CSSOM (a style object), which the strict CSP allows.
  const style: CSSProperties = { transform: `translateY(${top}px)`, height: rowHeight }
  const { t } = useBrowserTranslation()
  const language = useFormatLocale()
  const storageClassName = useStorageClassName()
  const isFolder = entry.kind === 'folder'
  const shownName = isFolder ? `${entry.name}/` : entry.name
  const [elided, setElided] = useElided()
  const classes = ['object-grid__row', selected ? 'object-grid__row--selected' : '', focused ? 'object-grid__row--focused' : ''].join(' ')
  return (
    <div
      role="row"
      id={id}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      aria-label={shownName}
      className={classes}
      style={style}
      onClick={(event) => onSelect(entry, event)}
      onDoubleClick={() => onOpen(entry)}
      onContextMenu={(event) => onContextMenu(entry, event)}
    >
      <div role="gridcell" className="object-grid__cell object-grid__cell--name" title={entry.key}>
        {isFolder ? <FolderIcon /> : <FileIcon />}
        {isFolder ? (
          <button
            type="button"
            tabIndex={-1}
            className="object-grid__folder-link"
            onClick={(event) => {
              // With a modifier the click is about selection, like anywhere else on the row.
              if (event.ctrlKey || event.metaKey || event.shiftKey) return
              event.stopPropagation()
              onOpen(entry)
            }}
          >
            <MiddleName name={shownName} measure={focused} onElided={setElided} />
          </button>
        ) : (
          <span className="object-grid__name">
            <MiddleName name={shownName} measure={focused} onElided={setElided} />
          </span>
        )}
        {folder !== null && (
          <button
            type="button"
            tabIndex={-1}
            className="object-grid__result-folder"
            aria-label={t('grid.openFolderOf', { name: entry.name, folder: folder || '/' })}
            onClick={(event) => {
              event.stopPropagation()
              onOpen(entry)
            }}
          >
            {folder || '/'}
          </button>
        )}
      </div>
      {/* Tooltips are worded on hover: formatting them for every row drawn while scrolling cost frames. */}
      <div
        role="gridcell"
        className="object-grid__cell object-grid__cell--number"
        onMouseEnter={(event) => {
          if (entry.size !== null) event.currentTarget.title = t('grid.exactBytes', { count: entry.size, bytes: formatExactBytes(entry.size, language) })
        }}
      >
        {formatSize(entry.size, language)}
      </div>
      <div
        role="gridcell"
        className="object-grid__cell object-grid__optional--modified"
        onMouseEnter={(event) => {
          event.currentTarget.title = formatModifiedInFull(entry.lastModified, language) ?? ''
        }}
      >
        {formatModified(entry.lastModified, language)}
      </div>
      <div role="gridcell" className="object-grid__cell object-grid__optional--class" title={entry.storageClass ?? undefined}>
        {storageClassLabel(entry.storageClass, storageClassName)}
      </div>
      <div role="gridcell" className="object-grid__cell object-grid__cell--actions">
        {!isFolder && (
          <button
            type="button"
            tabIndex={-1}
            className="button button--row"
            aria-label={t('actions.copyUrlOf', { name: entry.name })}
            title={t('actions.copyUrlHint')}
            onClick={(event) => {
              event.stopPropagation()
              onCopy(entry)
            }}
            onDoubleClick={(event) => event.stopPropagation()}
          >
            <LinkIcon />
            {t('actions.copyUrl')}
          </button>
        )}
      </div>
      {focused && elided && (
        <span className="object-grid__full-name" aria-hidden="true">
          {shownName}
        </span>
      )}
    </div>
  )
})
