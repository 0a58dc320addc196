import type { SecretStore } from '../keychain/secretStore'
import { idOf, type ProfileRepository } from './profileRepository'
import { settlePending, unexplainedAccounts } from './profileSecrets'
import type { ProfilesFile } from './storedProfile'

/**
 * Makes the keychain agree with profiles.json, at start and when the user asks
 *
 * - Changes recorded as pending (Cubeta stopped between the file and the keychain) are
 *   finished or undone, and staged secrets nobody promoted are removed.
 * - When profiles.json was damaged at this start, nothing is removed: a secret whose
 *   profile is only in the damaged copy is the last copy of that secret.
 * - Secrets no profile explains are counted and offered (claimUnknown), never removed unasked.
 */
export function createSecretReconciler(deps: { repository: ProfileRepository; keychain: SecretStore; claimUnknown: boolean }) {
  let offered: string[] = []

  const knownIds = (file: ProfilesFile, kept: readonly { entry: unknown }[]) =>
    new Set([...file.profiles.map((p) => p.id), ...kept.map((k) => idOf(k.entry)).filter((id): id is string => id !== null)])
  const listAccounts = () => deps.keychain.list().catch(() => null)

  return {
    async reconcile(): Promise<void> {
      await deps.repository.store.read()
      const damagedNow = deps.repository.report()?.damage != null
      await deps.repository.store.update(async (file) => {
        const accounts = await listAccounts()
        // No keychain (no Secret Service): leave every record for a start that has one.
        if (accounts === null) return
        const known = knownIds(file.value, file.kept)
        const pending = file.value.pendingSecrets ?? []
        if (pending.length > 0) {
          const left = []
          // After damage the records may be older than the keychain: they are dropped, and
          // the secrets they name are offered like any other unexplained one.
          if (!damagedNow) {
            for (const record of pending) {
              const done = await settlePending(deps.keychain, record, known).then(() => true, () => false)
              if (!done) left.push(record)
            }
          }
          const { pendingSecrets: _old, ...rest } = file.value
          await file.write(left.length > 0 ? { ...rest, pendingSecrets: left } : rest)
        }
        const now = (await listAccounts()) ?? accounts
        const { staged, unknown } = unexplainedAccounts(now, known, file.value.pendingSecrets ?? [])
        if (!damagedNow) for (const account of staged) await deps.keychain.delete(account).catch(() => undefined)
        offered = deps.claimUnknown ? unknown : []
      })
    },

    orphans: () => offered.length,

    /** Removes the secrets that were offered, if still unused; a profile added since keeps its own. */
    async removeOrphans(): Promise<number> {
      if (offered.length === 0) return 0
      return deps.repository.store.update(async (file) => {
        const accounts = (await listAccounts()) ?? []
        const { unknown } = unexplainedAccounts(accounts, knownIds(file.value, file.kept), file.value.pendingSecrets ?? [])
        const stillUnused = new Set(unknown)
        let removed = 0
        for (const account of offered.filter((a) => stillUnused.has(a))) {
          if (await deps.keychain.delete(account)) removed++
        }
        offered = []
        return removed
      })
    },
  }
}
