import { useEffect } from 'react'
import { useBucketsStore } from '../features/buckets/bucketsStore'
import { useKeychainStore } from '../features/keychain/keychainStore'
import { useActiveProfile, useProfilesStore } from '../features/profiles/profilesStore'
import { useAppInfoStore } from './appInfoStore'

/** Loads what every screen needs, and keeps the profile list in step with the main process. */
export function useBoot() {
  useEffect(() => {
    const stopFollowing = useProfilesStore.getState().follow()
    void useProfilesStore.getState().load()
    void useKeychainStore.getState().load()
    void useAppInfoStore.getState().load()
    return stopFollowing
  }, [])
}

/**
 * Whenever the active profile changes (chosen, added, imported, or the previous one
 * deleted), its buckets load at once.
 */
export function useBucketsFollowActiveProfile() {
  const activeId = useActiveProfile()?.id ?? null
  const load = useBucketsStore((s) => s.load)
  const clear = useBucketsStore((s) => s.clear)
  useEffect(() => {
    if (activeId) void load(activeId)
    else clear()
  }, [activeId, load, clear])
}
