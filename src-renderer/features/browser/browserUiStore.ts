import { create } from 'zustand'
import { readSetting, settingKeys, writeSetting } from '../../app/localSetting'
import { clampWidth, parseWidths, type ColumnWidths, type ResizableColumn } from './columnWidths'

/**
 * The file browser's dialogs and side panel: at most one dialog at a time
 *
 * Dialogs carry the keys they act on, captured when they opened, so a selection that
 * changes underneath (a refresh) cannot change what "Delete 3 items" deletes.
 */
export type BrowserDialog =
  | { kind: 'new-folder' }
  | { kind: 'delete'; keys: string[] }
  /** `to`: a name to start from (the URL doctor suggests one no URL trips over). */
  | { kind: 'rename'; key: string; to?: string }
  | { kind: 'headers'; key: string }
  | { kind: 'presign'; keys: string[] }
  /** Object tools: one file's tags, or one tag over a selection; storage class; restore. */
  | { kind: 'tags'; keys: string[] }
  | { kind: 'storage-class'; keys: string[] }
  | { kind: 'restore'; keys: string[] }
  /** The URL doctor, for one object or folder. */
  | { kind: 'doctor'; key: string }
  /** Copy URL refused a key no URL can reach. */
  | { kind: 'unreachable'; key: string; segment: string; suggestion: string }

export interface MenuPosition {
  x: number
  y: number
}

interface BrowserUiState {
  dialog: BrowserDialog | null
  /** The properties panel follows the selection while open. */
  propertiesOpen: boolean
  /** Where the row context menu opened, or null when closed. */
  contextMenu: MenuPosition | null
  /** Bumped when an object's headers changed, so the properties panel reads them again. */
  propertiesVersion: number
  /** Widths the user dragged, kept between launches. */
  columnWidths: ColumnWidths
  /** null forgets the column's width. */
  setColumnWidth(column: ResizableColumn, width: number | null): void
  showDialog(dialog: BrowserDialog): void
  closeDialog(): void
  setPropertiesOpen(open: boolean): void
  openContextMenu(at: MenuPosition): void
  closeContextMenu(): void
  propertiesChanged(): void
}

export const useBrowserUiStore = create<BrowserUiState>()((set) => ({
  dialog: null,
  propertiesOpen: false,
  contextMenu: null,
  propertiesVersion: 0,
  columnWidths: parseWidths(readSetting(settingKeys.columnWidths)),
  setColumnWidth: (column, width) =>
    set((s) => {
      const columnWidths = { ...s.columnWidths }
      if (width === null) delete columnWidths[column]
      else columnWidths[column] = clampWidth(column, width)
      writeSetting(settingKeys.columnWidths, JSON.stringify(columnWidths))
      return { columnWidths }
    }),
  showDialog: (dialog) => set({ dialog, contextMenu: null }),
  closeDialog: () => set({ dialog: null }),
  setPropertiesOpen: (propertiesOpen) => set({ propertiesOpen }),
  openContextMenu: (contextMenu) => set({ contextMenu }),
  closeContextMenu: () => set({ contextMenu: null }),
  propertiesChanged: () => set((s) => ({ propertiesVersion: s.propertiesVersion + 1 })),
}))
