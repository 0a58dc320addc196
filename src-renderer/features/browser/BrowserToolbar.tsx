import type { ReactNode } from 'react'
import { askDelete, askHeaders, askPublic, askRename, copySelection, downloadSelection, toggleProperties } from './browserActions'
import { useBrowserTranslation } from './browserI18n'
import { FolderPlusIcon, LinkIcon } from './browserIcons'
import { useBrowserUiStore } from './browserUiStore'
import { CopyAsMenu } from './CopyAsMenu'
import { useSelectedEntries } from './useBrowserSelectors'

/**
 * What to make (New folder, and the uploads in `extras`) and what to do with the
 * selection, led by Copy URL. Buttons that need a selection stay visible but disabled,
 * so people learn where they are.
 */
export function BrowserToolbar({ publicBaseUrl, extras }: { publicBaseUrl: string | null; extras?: ReactNode }) {
  const { t } = useBrowserTranslation()
  const showDialog = useBrowserUiStore((s) => s.showDialog)
  const propertiesOpen = useBrowserUiStore((s) => s.propertiesOpen)
  const selected = useSelectedEntries()
  const single = selected.length === 1 ? selected[0] : undefined
  const singleObject = single?.kind === 'object'
  const canCopy = selected.some((entry) => entry.kind === 'object')

  return (
    <div className="browser-toolbar" role="group" aria-label={t('toolbar')}>
      <div className="browser-toolbar__group">
        <button type="button" className="button" onClick={() => showDialog({ kind: 'new-folder' })}>
          <FolderPlusIcon />
          {t('actions.newFolder')}
        </button>
        {extras}
      </div>
      <div className="browser-toolbar__group">
        <button type="button" className="button button--primary" disabled={!canCopy} onClick={() => copySelection('public')}>
          <LinkIcon />
          {t('actions.copyUrl')}
        </button>
        <CopyAsMenu publicBaseUrl={publicBaseUrl} canCopy={canCopy} onCopy={copySelection} />
      </div>
      <div className="browser-toolbar__group">
        <button type="button" className="button" disabled={!canCopy} onClick={downloadSelection}>
          {t('actions.download')}
        </button>
        <button type="button" className="button" disabled={!single} onClick={askRename}>
          {t('actions.rename')}
        </button>
        <button type="button" className="button" disabled={!singleObject} onClick={askHeaders}>
          {t('actions.changeHeaders')}
        </button>
        <button type="button" className="button" aria-pressed={propertiesOpen} onClick={toggleProperties}>
          {t('actions.properties')}
        </button>
        <button type="button" className="button" disabled={!singleObject} onClick={askPublic}>
          {t('actions.isPublic')}
        </button>
        <button type="button" className="button button--danger-quiet" disabled={selected.length === 0} onClick={askDelete}>
          {t('actions.delete')}
        </button>
      </div>
    </div>
  )
}
