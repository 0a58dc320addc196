import { useRef, type ReactNode } from 'react'
import { useFitLevel } from '../../ui/useFitLevel'
import { useObjectToolsTranslation } from '../objectTools/i18n'
import { askDelete, askHeaders, askDoctor, askObjectTool, askRename, copySelection, downloadSelection, toggleProperties } from './browserActions'
import { useBrowserTranslation } from './browserI18n'
import { FolderPlusIcon, LinkIcon } from './browserIcons'
import { useBrowserUiStore } from './browserUiStore'
import { CopyAsMenu } from './CopyAsMenu'
import type { MenuItem } from './Menu'
import { MoreMenu } from './MoreMenu'
import { useSelectedEntries } from './useBrowserSelectors'

/**
 * What to make (New folder, and the uploads in `extras`) and what to do with the
 * selection, led by Copy URL. Buttons that need a selection stay visible but disabled,
 * so people learn where they are.
 *
 * When the row does not fit the window, first the upload controls go compact; then the
 * actions on the selection after Copy URL and Copy as… (Download, Rename, Change
 * headers, Properties, Check URL, Delete) move into a "More" menu, instead of
 * wrapping the toolbar onto three or four lines.
 *
 * "More" always holds the object tools (Tags, Storage class, Restore): rarer than the
 * buttons, but they must be found without knowing about the right-click menu.
 */
export function BrowserToolbar({ publicBaseUrl, extras }: { publicBaseUrl: string | null; extras?: (compact: boolean) => ReactNode }) {
  const { t, i18n } = useBrowserTranslation()
  const tools = useObjectToolsTranslation().t
  const showDialog = useBrowserUiStore((s) => s.showDialog)
  const propertiesOpen = useBrowserUiStore((s) => s.propertiesOpen)
  const selected = useSelectedEntries()
  const single = selected.length === 1 ? selected[0] : undefined
  const singleObject = single?.kind === 'object'
  const canCopy = selected.some((entry) => entry.kind === 'object')
  const row = useRef<HTMLDivElement>(null)
  const level = useFitLevel(row, 2, i18n.language)
  const compact = level >= 1
  const collapsed = level >= 2

  const secondary: (MenuItem & { className?: string })[] = [
    { id: 'download', label: t('actions.download'), onSelect: downloadSelection, disabled: !canCopy },
    { id: 'rename', label: t('actions.rename'), onSelect: askRename, disabled: !single },
    { id: 'headers', label: t('actions.changeHeaders'), onSelect: askHeaders, disabled: !singleObject },
    { id: 'properties', label: t('actions.properties'), onSelect: toggleProperties, checked: propertiesOpen },
    { id: 'check-url', label: t('actions.checkUrl'), onSelect: askDoctor, disabled: !single },
    { id: 'delete', label: t('actions.delete'), onSelect: askDelete, disabled: selected.length === 0, danger: true, separatorBefore: true, className: 'button--danger-quiet' },
  ]
  const objectTools: MenuItem[] = [
    { id: 'tags', label: tools('actions.tags'), onSelect: () => askObjectTool('tags'), disabled: selected.length === 0, separatorBefore: collapsed },
    { id: 'storage-class', label: tools('actions.storageClass'), onSelect: () => askObjectTool('storage-class'), disabled: selected.length === 0 },
    { id: 'restore', label: tools('actions.restore'), onSelect: () => askObjectTool('restore'), disabled: selected.length === 0 },
  ]
  const moreItems = collapsed ? [...secondary.slice(0, -1), ...objectTools, ...secondary.slice(-1)] : objectTools

  return (
    <div ref={row} className={`browser-toolbar${collapsed ? ' browser-toolbar--collapsed' : ''}`} role="group" aria-label={t('toolbar')}>
      <div className="browser-toolbar__group">
        <button type="button" className="button" onClick={() => showDialog({ kind: 'new-folder' })}>
          <FolderPlusIcon />
          {t('actions.newFolder')}
        </button>
        {extras?.(compact)}
      </div>
      <div className="browser-toolbar__group">
        <button type="button" className="button button--primary" disabled={!canCopy} onClick={() => copySelection('public')}>
          <LinkIcon />
          {t('actions.copyUrl')}
        </button>
        <CopyAsMenu publicBaseUrl={publicBaseUrl} canCopy={canCopy} onCopy={copySelection} />
        {collapsed && <MoreMenu items={moreItems} />}
      </div>
      {!collapsed && (
        <div className="browser-toolbar__group">
          {secondary.map((item) => (
            <button
              key={item.id}
              type="button"
              className={`button ${item.className ?? ''}`}
              disabled={item.disabled}
              aria-pressed={item.checked}
              onClick={item.onSelect}
            >
              {item.label}
            </button>
          ))}
          <MoreMenu items={moreItems} />
        </div>
      )}
    </div>
  )
}
