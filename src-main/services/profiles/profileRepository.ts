import { join } from 'node:path'
import type { DataFileReport } from '../../contract/bridge'
import { createJsonStore, type JsonStore } from '../dataFiles/jsonStore'
import { profilesFileSchema, storedProfileSchema, type ProfilesFile, type StoredProfile } from './storedProfile'

/**
 * profiles.json in the data folder
 *
 * Only metadata: name, key id, region, endpoint. Every change is a read-change-write
 * through the data file store (one queue, a lock across processes, atomic writes); a
 * damaged file is set aside and reported, never silently replaced.
 */
export interface ProfileRepository {
  readonly path: string
  readonly store: JsonStore<ProfilesFile>
  load(): Promise<StoredProfile[]>
  /** Replaces the list whole (tests, and callers that already hold the lock's answer). */
  save(profiles: StoredProfile[]): Promise<void>
  report(): DataFileReport | null
  /** True when a load found the file damaged and set it aside. */
  readonly recoveredFromCorruption: boolean
  /** Where the damaged file was kept, for the user to inspect. */
  readonly damagedCopy: string | null
  /** Whether a good copy was found; without one the list starts empty. */
  readonly restoredFromBackup: boolean
}

export const emptyProfilesFile = (): ProfilesFile => ({ version: 1, profiles: [] })

export function createProfileRepository(dataDir: string): ProfileRepository {
  const store = createJsonStore(join(dataDir, 'profiles.json'), profilesFileSchema, {
    kind: 'profiles',
    empty: emptyProfilesFile,
    entries: { field: 'profiles', schema: storedProfileSchema, label: nameOf },
  })
  const damage = () => {
    const report = store.report()
    return report && report.damage !== null ? report : null
  }
  return {
    path: store.path,
    store,
    load: async () => (await store.read()).profiles,
    save: (profiles) => store.update((file) => file.write({ ...file.value, profiles })),
    report: () => store.report(),
    get recoveredFromCorruption() {
      return damage() !== null
    },
    get damagedCopy() {
      return store.report()?.damagedCopy ?? null
    },
    get restoredFromBackup() {
      return damage()?.outcome === 'restored-backup'
    },
  }
}

/** A kept entry's own name, if it still has a readable one. */
export function nameOf(raw: unknown): string | null {
  const name = (raw as { name?: unknown } | null)?.name
  return typeof name === 'string' && name.trim() !== '' ? name.slice(0, 64) : null
}

/** The id of a kept entry, so its keychain secret is known to belong to someone. */
export function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id
  return typeof id === 'string' && id !== '' ? id : null
}
