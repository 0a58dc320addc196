import { join } from 'node:path'
import { readJsonWithFallback, writeJsonAtomic } from '../dataFiles/atomicJsonFile'
import { profilesFileSchema, storedProfileSchema, type StoredProfile } from './storedProfile'

/**
 * profiles.json in the data folder
 *
 * Only metadata: name, key id, region, endpoint. Writes are serialized so two quick
 * edits can't interleave, and each is atomic (see atomicJsonFile).
 */
export interface ProfileRepository {
  readonly path: string
  load(): Promise<StoredProfile[]>
  save(profiles: StoredProfile[]): Promise<void>
  /** True when a load found a damaged file and fell back to the last good copy. */
  readonly recoveredFromCorruption: boolean
  /** Where the damaged file was kept, for the user to inspect. */
  readonly damagedCopy: string | null
  /** Whether a good copy was found; without one the list starts empty. */
  readonly restoredFromBackup: boolean
}

export function createProfileRepository(dataDir: string): ProfileRepository {
  const path = join(dataDir, 'profiles.json')
  let queue: Promise<unknown> = Promise.resolve()
  let recovered = false
  let damagedCopy: string | null = null
  let restoredFromBackup = false
  return {
    path,
    get recoveredFromCorruption() {
      return recovered
    },
    get damagedCopy() {
      return damagedCopy
    },
    get restoredFromBackup() {
      return restoredFromBackup
    },
    async load() {
      const file = await readJsonWithFallback(path, { profiles: [] })
      if (!file) return []
      recovered ||= file.recovered
      damagedCopy = file.damagedCopy ?? damagedCopy
      if (file.recovered) restoredFromBackup = file.fromBackup ?? false
      const parsed = profilesFileSchema.safeParse(file.value)
      if (parsed.success) return parsed.data.profiles
      // Keep every entry that is still well-formed rather than losing them all.
      recovered = true
      const entries = (file.value as { profiles?: unknown[] })?.profiles ?? []
      return entries.flatMap((entry) => {
        const one = storedProfileSchema.safeParse(entry)
        return one.success ? [one.data] : []
      })
    },
    save(profiles) {
      const next = queue.then(() => writeJsonAtomic(path, { version: 1, profiles }))
      queue = next.catch(() => undefined)
      return next
    },
  }
}
