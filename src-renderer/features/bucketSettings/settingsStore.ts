import { create } from 'zustand'
import type { BridgeError, BucketSettings } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'

/** The open bucket's settings, read together; an editor puts back the section it read back after writing. */
interface SettingsState {
  bucketKey: string | null
  settings: BucketSettings | null
  error: BridgeError | null
  load(profileId: string, bucket: string): Promise<void>
  put<K extends keyof BucketSettings>(key: K, value: BucketSettings[K]): void
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  bucketKey: null,
  settings: null,
  error: null,
  async load(profileId, bucket) {
    const bucketKey = `${profileId}\n${bucket}`
    set({ bucketKey, settings: get().bucketKey === bucketKey ? get().settings : null, error: null })
    try {
      const settings = unwrap(await bridge['bucketSettings/read']({ profileId, bucket }))
      if (get().bucketKey === bucketKey) set({ settings })
    } catch (caught) {
      if (get().bucketKey === bucketKey) set({ error: asBridgeError(caught) })
    }
  },
  put(key, value) {
    const settings = get().settings
    if (settings) set({ settings: { ...settings, [key]: value } })
  },
}))
