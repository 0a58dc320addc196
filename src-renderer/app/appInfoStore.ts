import { create } from 'zustand'
import type { AppInfo } from '../../src-main/contract/bridge'
import { bridge, unwrap } from '../bridge/bridgeClient'
import { useLanguageStore } from '../features/language/languageStore'

interface AppInfoState {
  info: AppInfo | null
  load(): Promise<void>
}

export const useAppInfoStore = create<AppInfoState>()((set) => ({
  info: null,
  async load() {
    try {
      const info = unwrap(await bridge['app/info']({}))
      set({ info })
      // In browser mode the server may run elsewhere (SSH, a container): the person's own
      // OS language is the one their browser reports.
      useLanguageStore.getState().followOsLocale(info.shell === 'browser' ? navigator.language : info.osLocale)
    } catch {
      // Only the version label and the OS language depend on this; the browser's
      // language already chose a sensible UI language, and other calls report outages.
    }
  },
}))
