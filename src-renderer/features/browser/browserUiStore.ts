import { create } from 'zustand'

/**
 * The file browser's dialogs and side panel: at most one dialog at a time
 *
 * Dialogs carry the keys they act on, captured when they opened, so a selection that
 * changes underneath (a refresh) cannot change what "Delete 3 items" deletes.
 */
export type BrowserDialog =
  | { kind: 'new-folder' }
  | { kind: 'delete'; keys: string[] }
  | { kind: 'rename'; key: string }
  | { kind: 'headers'; key: string }
  | { kind: 'presign'; keys: string[] }
  | { kind: 'public'; key: string }

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
  showDialog: (dialog) => set({ dialog, contextMenu: null }),
  closeDialog: () => set({ dialog: null }),
  setPropertiesOpen: (propertiesOpen) => set({ propertiesOpen }),
  openContextMenu: (contextMenu) => set({ contextMenu }),
  closeContextMenu: () => set({ contextMenu: null }),
  propertiesChanged: () => set((s) => ({ propertiesVersion: s.propertiesVersion + 1 })),
}))
