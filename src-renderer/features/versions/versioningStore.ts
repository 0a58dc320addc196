import { create } from 'zustand'
import type { VersioningState } from '../../../src-main/contract/bridge'
import { bridge, unwrap } from '../../bridge/bridgeClient'

/**
 * The open bucket's versioning, and whether the folder view shows versions
 *
 * Read once when a bucket opens; the settings panel sets it after a change, so the
 * "Show versions" switch and the delete dialog's words follow at once.
 */
interface VersioningView {
  bucketKey: string | null
  status: VersioningState | 'unknown' | 'loading'
  showVersions: boolean
  load(profileId: string, bucket: string): Promise<void>
  setStatus(profileId: string, bucket: string, status: VersioningState): void
  setShowVersions(show: boolean): void
}

const keyOf = (profileId: string, bucket: string) => `${profileId}\n${bucket}`

export const useVersioningStore = create<VersioningView>()((set, get) => ({
  bucketKey: null,
  status: 'loading',
  showVersions: false,
  async load(profileId, bucket) {
    const bucketKey = keyOf(profileId, bucket)
    // Asked again each time the bucket opens (it may have changed elsewhere); the switch stays as it was for the same bucket.
    if (get().bucketKey !== bucketKey) set({ bucketKey, status: 'loading', showVersions: false })
    const status = await bridge['versions/status']({ profileId, bucket })
      .then(unwrap)
      .then((answer) => answer.status, () => 'unknown' as const)
    if (get().bucketKey === bucketKey) set({ status })
  },
  setStatus(profileId, bucket, status) {
    if (get().bucketKey === keyOf(profileId, bucket)) set({ status, ...(status === 'off' ? { showVersions: false } : {}) })
    else set({ bucketKey: keyOf(profileId, bucket), status, showVersions: false })
  },
  setShowVersions: (showVersions) => set({ showVersions }),
}))

/** The versioning of this bucket, or 'loading' while another bucket's is known. */
export function useBucketVersioning(profileId: string, bucket: string) {
  return useVersioningStore((s) => (s.bucketKey === keyOf(profileId, bucket) ? s.status : 'loading'))
}
