import { Fragment, useRef, useState } from 'react'
import { BucketIcon } from '../../ui/icons'
import { useFitLevel } from '../../ui/useFitLevel'
import { breadcrumbsFor, elideCrumbs, type Crumb } from './breadcrumbs'
import { useBrowserTranslation } from './browserI18n'
import { ChevronRightIcon } from './browserIcons'
import { useBrowserStore } from './browserStore'
import { Menu } from './Menu'

/**
 * bucket › folder › folder: every crumb but the last opens its folder. When the path
 * does not fit, the middle folders give way to a "…" button whose menu lists them
 * (keeping the last two, then only the current one); what is left shortens with an
 * ellipsis, the bucket first, and shows in full on hover.
 */
export function Breadcrumbs({ bucket }: { bucket: string }) {
  const { t, i18n } = useBrowserTranslation()
  const prefix = useBrowserStore((s) => s.location?.prefix ?? '')
  const navigate = useBrowserStore((s) => s.navigate)
  const crumbs = breadcrumbsFor(bucket, prefix)
  const list = useRef<HTMLOListElement>(null)
  const level = useFitLevel(list, 2, `${i18n.language}|${prefix}`)
  const { shown, hidden } = elideCrumbs(crumbs, level)
  return (
    <nav aria-label={t('breadcrumbs')} className="breadcrumbs">
      <ol ref={list} className={`breadcrumbs__list breadcrumbs__list--level-${level}`}>
        {shown.map((crumb, index) => {
          const last = index === shown.length - 1
          const text = crumb.label || '∅'
          return (
            <Fragment key={crumb.prefix}>
              <li className="breadcrumbs__item">
                {index > 0 ? <ChevronRightIcon /> : <BucketIcon />}
                {last ? (
                  <span className="breadcrumbs__current" aria-current="page" title={crumb.prefix || bucket}>
                    {text}
                  </span>
                ) : (
                  <button type="button" className="breadcrumbs__link" title={crumb.prefix || bucket} onClick={() => navigate(crumb.prefix)}>
                    {text}
                  </button>
                )}
              </li>
              {index === 0 && hidden.length > 0 && (
                <li className="breadcrumbs__item">
                  <HiddenFolders folders={hidden} onOpen={navigate} />
                </li>
              )}
            </Fragment>
          )
        })}
      </ol>
    </nav>
  )
}

/** The "…" between the bucket and the last folders: a menu of the folders it stands for. */
function HiddenFolders({ folders, onOpen }: { folders: Crumb[]; onOpen: (prefix: string) => void }) {
  const { t } = useBrowserTranslation()
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  return (
    <span className="menu-anchor breadcrumbs__hidden">
      <ChevronRightIcon />
      <button
        ref={trigger}
        type="button"
        className="breadcrumbs__link"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('hiddenFolders', { count: folders.length })}
        title={folders.map((folder) => folder.label).join(' › ')}
        onClick={() => setOpen(!open)}
      >
        …
      </button>
      {open && (
        <Menu
          label={t('hiddenFolders', { count: folders.length })}
          trigger={trigger}
          items={folders.map((folder) => ({ id: folder.prefix, label: folder.label || '∅', onSelect: () => onOpen(folder.prefix) }))}
          onClose={(reason) => {
            setOpen(false)
            if (reason !== 'outside' && reason !== 'select') trigger.current?.focus()
          }}
        />
      )}
    </span>
  )
}
