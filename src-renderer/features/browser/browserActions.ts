import type { ObjectEntry, UrlForm } from '../../../src-main/contract/bridge'
import { useBrowserStore } from './browserStore'
import { useBrowserUiStore } from './browserUiStore'
import { copyUrls } from './copyUrls'
import { copyableKeys } from './urlForms'
import { downloadObjects } from './downloadObjects'

/**
 * What the toolbar, the keyboard, the row buttons and the context menu do, in one place
 *
 * They all act on the current selection (or one row), so each surface stays a thin
 * layer of buttons over these functions.
 */
export function selectedEntries(): ObjectEntry[] {
  const { rows, selection } = useBrowserStore.getState()
  if (selection.selected.size === 0) return []
  return rows.filter((row) => selection.selected.has(row.key))
}

/** The one selected entry, when exactly one is selected. */
export function singleSelected(): ObjectEntry | null {
  const entries = selectedEntries()
  return entries.length === 1 ? (entries[0] ?? null) : null
}

export function copyKeys(keys: string[], form: UrlForm): void {
  const location = useBrowserStore.getState().location
  if (!location) return
  if (form === 'presigned') {
    // The lifetime is a choice the user makes first.
    if (keys.length > 0) useBrowserUiStore.getState().showDialog({ kind: 'presign', keys })
    return
  }
  void copyUrls({ profileId: location.profileId, bucket: location.bucket, keys, form })
}

export function copySelection(form: UrlForm = 'public'): void {
  copyKeys(copyableKeys(selectedEntries()), form)
}

export function copyEntry(entry: ObjectEntry): void {
  copyKeys(copyableKeys([entry]), 'public')
}

/** Enter or double-click: into a folder, or the properties of a file. */
export function openEntry(entry: ObjectEntry): void {
  const store = useBrowserStore.getState()
  if (entry.kind === 'folder') {
    store.navigate(entry.key)
    return
  }
  // A search result opens its own folder, with the object selected.
  if (store.results) {
    store.revealInFolder(entry.key)
    return
  }
  store.setSelection({ selected: new Set([entry.key]), anchor: entry.key, focus: entry.key })
  useBrowserUiStore.getState().setPropertiesOpen(true)
}

export function askDelete(): void {
  const keys = selectedEntries().map((entry) => entry.key)
  if (keys.length > 0) useBrowserUiStore.getState().showDialog({ kind: 'delete', keys })
}

export function askRename(): void {
  const entry = singleSelected()
  if (entry) useBrowserUiStore.getState().showDialog({ kind: 'rename', key: entry.key })
}

export function askHeaders(): void {
  const entry = singleSelected()
  if (entry?.kind === 'object') useBrowserUiStore.getState().showDialog({ kind: 'headers', key: entry.key })
}

/** Tags, storage class and restore act on every selected file and folder. */
export function askObjectTool(kind: 'tags' | 'storage-class' | 'restore'): void {
  const keys = selectedEntries().map((entry) => entry.key)
  if (keys.length > 0) useBrowserUiStore.getState().showDialog({ kind, keys })
}

/** "Check URL": the URL doctor for the selected file, or a folder's first file. */
export function askDoctor(): void {
  const entry = singleSelected()
  if (entry) useBrowserUiStore.getState().showDialog({ kind: 'doctor', key: entry.key })
}

export function downloadSelection(): void {
  const location = useBrowserStore.getState().location
  const keys = copyableKeys(selectedEntries())
  if (location && keys.length > 0) void downloadObjects({ profileId: location.profileId, bucket: location.bucket }, keys)
}

export function toggleProperties(): void {
  const ui = useBrowserUiStore.getState()
  ui.setPropertiesOpen(!ui.propertiesOpen)
}
