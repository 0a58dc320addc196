import { create } from 'zustand'

/** At most one dialog at a time; which one, and for which profile. */
export type OpenDialog =
  | { kind: 'add-profile' }
  | { kind: 'edit-profile'; profileId: string }
  | { kind: 'delete-profile'; profileId: string }
  | { kind: 'import-aws' }
  | { kind: 'create-bucket'; profileId: string }
  | { kind: 'delete-bucket'; profileId: string; bucket: string }

interface DialogState {
  open: OpenDialog | null
  show(dialog: OpenDialog): void
  close(): void
}

export const useDialogStore = create<DialogState>()((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  close: () => set({ open: null }),
}))
