import { create } from 'zustand'

/**
 * Which main view shows: the workspace, or the guided setup taking the whole window
 *
 * `opened` is the bucket the user is browsing (setup ends there), tied to its profile so
 * switching profiles goes back to that profile's bucket list.
 */
export interface OpenedBucket {
  profileId: string
  bucket: string
}

interface AppViewState {
  view: 'main' | 'setup'
  /** The bucket being browsed, for which profile; null shows the bucket list. */
  opened: OpenedBucket | null
  openSetup(): void
  closeSetup(): void
  openBucket(opened: OpenedBucket): void
  closeBucket(): void
}

export const useAppViewStore = create<AppViewState>()((set) => ({
  view: 'main',
  opened: null,
  openSetup: () => set({ view: 'setup' }),
  closeSetup: () => set({ view: 'main' }),
  openBucket: (opened) => set({ view: 'main', opened }),
  closeBucket: () => set({ opened: null }),
}))
