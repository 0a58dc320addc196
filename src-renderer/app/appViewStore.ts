import { create } from 'zustand'
import { focusFirstOf } from '../ui/dialogFocus'

/**
 * Which main view shows: the workspace, or the guided setup taking the whole window
 *
 * `opened` is the bucket the user is browsing (setup ends there), tied to its profile so
 * switching profiles goes back to that profile's bucket list.
 */
export interface OpenedBucket {
  profileId: string
  bucket: string
  /** The bucket's settings panel instead of its files. */
  panel?: 'files' | 'settings'
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
  closeSetup: () => {
    set({ view: 'main' })
    // The wizard took the whole window, so the button that opened it was re-created:
    // give the focus to the new one, as a dialog gives it back to its opener.
    requestAnimationFrame(() => focusFirstOf([document.querySelector<HTMLElement>('[data-opens="setup"]')]))
  },
  openBucket: (opened) => set({ view: 'main', opened }),
  closeBucket: () => set({ opened: null }),
}))
