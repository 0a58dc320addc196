import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react'
import type { ProfileView } from '../../../src-main/contract/bridge'
import { Breadcrumbs } from './Breadcrumbs'
import { BrowserToolbar } from './BrowserToolbar'
import { useBrowserTranslation } from './browserI18n'
import { useBrowserStore, type BrowserLocation } from './browserStore'
import { useBrowserUiStore } from './browserUiStore'
import { BrowserDialogs } from './dialogs/BrowserDialogs'
import type { DeleteHooks } from './dialogs/DeleteDialog'
import { FilterBox } from './FilterBox'
import { FolderView } from './FolderView'
import { ListingStatus } from './ListingStatus'
import { NavButtons } from './NavButtons'
import { PropertiesPanel } from './PropertiesPanel'
import { RowContextMenu } from './RowContextMenu'
import { Toasts } from './Toasts'
import './browser.css'
import './objectGrid.css'
import './menus.css'

export interface BrowserPaneProps {
  profile: ProfileView
  bucket: string
  /** "All buckets": back to the profile's bucket list. */
  onCloseBucket: () => void
  /** Wraps the folder view (the grid), e.g. in the upload drop target. */
  wrapFolderView?: (folderView: ReactNode, location: BrowserLocation) => ReactNode
  /** More controls in the toolbar for the open folder, e.g. the Upload buttons; `compact` when the window is narrow. */
  toolbarExtras?: (location: BrowserLocation, compact: boolean) => ReactNode
  /** A row under the top bar for another feature, e.g. search over the whole bucket. */
  headerExtras?: (location: BrowserLocation) => ReactNode
  /** What another feature adds to the delete dialog (versioned buckets: the note, and Undo). */
  deleteHooks?: DeleteHooks
}

/**
 * The file browser for one bucket of the active profile: where you are, what you can
 * do, the folder itself, and its properties. Opening it starts listing the bucket's
 * top; leaving it stops any listing still running.
 */
export function BrowserPane({ profile, bucket, onCloseBucket, wrapFolderView, toolbarExtras, headerExtras, deleteHooks }: BrowserPaneProps) {
  const { t, i18n } = useBrowserTranslation()
  const headingId = useId()
  const location = useBrowserStore((s) => s.location)
  const propertiesOpen = useBrowserUiStore((s) => s.propertiesOpen)
  const bodyRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const store = useBrowserStore.getState()
    store.open(profile.id, bucket)
    return () => {
      store.close()
      const ui = useBrowserUiStore.getState()
      ui.closeDialog()
      ui.closeContextMenu()
    }
  }, [profile.id, bucket])

  useEffect(() => {
    useBrowserStore.getState().setLanguage(i18n.language)
  }, [i18n.language])

  // Derived from the props, so the folder view is wrapped the same way from the first render.
  const prefix = location && location.profileId === profile.id && location.bucket === bucket ? location.prefix : ''
  const here = useMemo<BrowserLocation>(() => ({ profileId: profile.id, bucket, prefix }), [profile.id, bucket, prefix])
  const focusGrid = () => bodyRef.current?.querySelector<HTMLElement>('[role="grid"]')?.focus()
  const folderView = <FolderView />

  return (
    <section className="browser" aria-labelledby={headingId}>
      <header className="browser__header">
        <div className="browser__top">
          <button type="button" className="button button--quiet browser__all" onClick={onCloseBucket}>
            {t('allBuckets')}
          </button>
          <span className="browser__divider" aria-hidden="true" />
          <NavButtons />
          <h1 id={headingId} className="visually-hidden">
            {bucket}
          </h1>
          <Breadcrumbs bucket={bucket} />
          <FilterBox />
        </div>
        {headerExtras?.(here)}
        <BrowserToolbar publicBaseUrl={profile.publicBaseUrl} extras={toolbarExtras && ((compact) => toolbarExtras(here, compact))} />
      </header>
      <div ref={bodyRef} className="browser__body">
        <div className="browser__main">{wrapFolderView ? wrapFolderView(folderView, here) : folderView}</div>
        {propertiesOpen && <PropertiesPanel location={here} />}
      </div>
      <ListingStatus />
      <RowContextMenu publicBaseUrl={profile.publicBaseUrl} onClosed={focusGrid} />
      <BrowserDialogs publicBaseUrl={profile.publicBaseUrl} deleteHooks={deleteHooks} />
      <Toasts />
    </section>
  )
}
