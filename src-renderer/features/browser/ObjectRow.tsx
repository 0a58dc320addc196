import { memo, useMemo, type CSSProperties, type MouseEvent } from 'react'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { FileIcon, FolderIcon, LinkIcon } from './browserIcons'
import { useBrowserTranslation, useStorageClassName } from './browserI18n'
import { MiddleName, useElided } from './MiddleName'
import { formatExactBytes, formatModified, formatModifiedInFull, formatSize, storageClassLabel } from './formatting'
import { useFormatLocale } from '../../i18n/formatLocale'

/**
 * What every row words the same way, made once by the grid for the language in use
 *
 * Scrolling a long folder mounts ~30 new rows a frame; a translation hook in each row
 * (four, with the storage class's) took an eighth of the scroll's CPU time, and a
 * translation per Copy URL button and storage class more. The same object while the
 * language stays, so memo holds; "Copy URL of …" is worded once with a placeholder, so
 * each language keeps its own word order.
 */
export interface RowWords {
  t: ReturnType<typeof useBrowserTranslation>['t']
  language: string
  /** A storage class as the console names it, looked up once per class. */
  storageClass: (storageClass: string | null) => string
  copyUrl: string
  copyUrlHint: string
  copyUrlOf: (name: string) => string
}

/** Stands for the name in "Copy URL of {{name}}" while it is worded once; no key contains it. */
const namePlaceholder = '\u0000'

export function useRowWords(): RowWords {
  const { t } = useBrowserTranslation()
  const language = useFormatLocale()
  const storageClassName = useStorageClassName()
  return useMemo(() => {
    const copyUrlOf = t('actions.copyUrlOf', { name: namePlaceholder }).split(namePlaceholder)
    const classLabels = new Map<string | null, string>()
    const storageClass = (name: string | null) => {
      let label = classLabels.get(name)
      if (label === undefined) classLabels.set(name, (label = storageClassLabel(name, storageClassName)))
      return label
    }
    return { t, language, storageClass, copyUrl: t('actions.copyUrl'), copyUrlHint: t('actions.copyUrlHint'), copyUrlOf: (name: string) => copyUrlOf.join(name) }
  }, [t, language, storageClassName])
}

export interface RowHandlers {
  onSelect(entry: ObjectEntry, event: MouseEvent): void
  onOpen(entry: ObjectEntry): void
  onCopy(entry: ObjectEntry): void
  onContextMenu(entry: ObjectEntry, event: MouseEvent): void
}

interface Props extends RowHandlers {
  words: RowWords
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
export const ObjectRow = memo(function ObjectRow({ words, entry, id, rowIndex, selected, focused, top, folder = null, onSelect, onOpen, onCopy, onContextMenu }: Props) {
  // Positioning goes through the CSSOM (a style object), which the strict CSP allows.
  const style: CSSProperties = { transform: `translateY(${top}px)`, height: rowHeight }
  const { t, language } = words
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
        {words.storageClass(entry.storageClass)}
      </div>
      <div role="gridcell" className="object-grid__cell object-grid__cell--actions">
        {!isFolder && (
          <button
            type="button"
            tabIndex={-1}
            className="button button--row"
            aria-label={words.copyUrlOf(entry.name)}
            title={words.copyUrlHint}
            onClick={(event) => {
              event.stopPropagation()
              onCopy(entry)
            }}
            onDoubleClick={(event) => event.stopPropagation()}
          >
            <LinkIcon />
            {words.copyUrl}
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
