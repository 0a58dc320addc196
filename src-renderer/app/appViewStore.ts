import { create } from 'zustand'

/**
 * Which main view shows: the workspace, or the guided setup taking the whole window
 *
 * `openedBucket` is the bucket the user last chose to open (setup ends there); the file
 * browser will take it from here.
 */
interface AppViewState {
  view: 'main' | 'setup'
  openedBucket: string | null
  openSetup(): void
  closeSetup(): void
  openBucket(bucket: string): void
}

export const useAppViewStore = create<AppViewState>()((set) => ({
  view: 'main',
  openedBucket: null,
  openSetup: () => set({ view: 'setup' }),
  closeSetup: () => set({ view: 'main' }),
  openBucket: (bucket) => set({ view: 'main', openedBucket: bucket }),
}))
