import { create } from 'zustand'
import type { BridgeError, BucketSummary } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'

interface BucketsState {
  /** Whose buckets these are; a list never shows under another profile's name. */
  profileId: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  buckets: BucketSummary[]
  error: BridgeError | null
  load(profileId: string): Promise<void>
  clear(): void
}

export const useBucketsStore = create<BucketsState>()((set, get) => {
  // Only the latest request may write: switching profiles mid-load must not show the
  // previous profile's buckets when its slower answer arrives.
  let latest = 0

  return {
    profileId: null,
    status: 'idle',
    buckets: [],
    error: null,

    async load(profileId) {
      const request = ++latest
      const sameProfile = get().profileId === profileId
      // A refresh keeps the current rows on screen; a new profile starts empty.
      set({ profileId, status: 'loading', error: null, ...(sameProfile ? {} : { buckets: [] }) })
      try {
        const buckets = unwrap(await bridge['buckets/list']({ profileId }))
        if (request === latest) set({ status: 'ready', buckets })
      } catch (caught) {
        if (request === latest) set({ status: 'error', error: asBridgeError(caught), buckets: [] })
      }
    },

    clear() {
      latest++
      set({ profileId: null, status: 'idle', buckets: [], error: null })
    },
  }
})
