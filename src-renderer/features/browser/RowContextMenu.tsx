import { askDelete, askHeaders, askDoctor, askObjectTool, askRename, copySelection, openEntry } from './browserActions'
import { useObjectToolsTranslation } from '../objectTools/i18n'
import { useBrowserTranslation } from './browserI18n'
import { useBrowserUiStore } from './browserUiStore'
import { copyMenuItems } from './copyMenuItems'
import { Menu, type MenuItem } from './Menu'
import { useSelectedEntries } from './useBrowserSelectors'

/**
 * The right-click menu (also Shift+F10 or the Menu key): the toolbar's actions for the
 * selection, where the pointer is. `onClosed` gives the focus back to the grid.
 */
export function RowContextMenu({ publicBaseUrl, onClosed }: { publicBaseUrl: string | null; onClosed: () => void }) {
  const { t } = useBrowserTranslation()
  const tools = useObjectToolsTranslation().t
  const at = useBrowserUiStore((s) => s.contextMenu)
  const close = useBrowserUiStore((s) => s.closeContextMenu)
  const selected = useSelectedEntries()
  if (!at || selected.length === 0) return null

  const single = selected.length === 1 ? (selected[0] ?? null) : null
  const singleObject = single?.kind === 'object' ? single : null
  const canCopy = selected.some((entry) => entry.kind === 'object')
  const items: MenuItem[] = [
    ...(single?.kind === 'folder' ? [{ id: 'open', label: t('actions.open'), onSelect: () => openEntry(single) }] : []),
    { id: 'copy', label: t('actions.copyUrl'), onSelect: () => copySelection('public'), disabled: !canCopy },
    ...copyMenuItems(t, { publicBaseUrl, canCopy, copy: copySelection }).map((item, index) => ({ ...item, label: t('forms.copyAs', { form: item.label }), separatorBefore: index === 0 })),
    { id: 'rename', label: t('actions.rename'), onSelect: askRename, disabled: !single, separatorBefore: true },
    { id: 'properties', label: t('actions.properties'), onSelect: () => singleObject && openEntry(singleObject), disabled: !singleObject },
    { id: 'doctor', label: t('actions.checkUrl'), onSelect: askDoctor, disabled: !single },
    { id: 'headers', label: t('actions.changeHeaders'), onSelect: askHeaders, disabled: !singleObject },
    { id: 'tags', label: tools('actions.tags'), onSelect: () => askObjectTool('tags') },
    { id: 'storage-class', label: tools('actions.storageClass'), onSelect: () => askObjectTool('storage-class') },
    { id: 'restore', label: tools('actions.restore'), onSelect: () => askObjectTool('restore') },
    { id: 'delete', label: t('actions.delete'), onSelect: askDelete, danger: true, separatorBefore: true },
  ]
  return (
    <Menu
      label={t('contextMenu', { count: selected.length })}
      at={at}
      items={items}
      onClose={(reason) => {
        close()
        // Back to the grid, so a dialog opened by the item returns the focus there too.
        if (reason !== 'outside') onClosed()
      }}
    />
  )
}
