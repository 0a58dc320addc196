import type { SecretStore } from '../keychain/secretStore'
import type { PendingSecret, ProfilesFile } from './storedProfile'

/** The keychain account of a profile's secret. */
export const accountOf = (id: string) => `profile:${id}`
/** Where a replacement secret waits until profiles.json names it. */
export const stagedAccountOf = (account: string) => `${account}:staged`
const profileAccount = /^profile:([^:]+)$/
const stagedAccount = /^profile:([^:]+):staged$/

export const withPending = (file: ProfilesFile, pending: PendingSecret): ProfilesFile => ({
  ...file,
  pendingSecrets: [...(file.pendingSecrets ?? []).filter((p) => p.account !== pending.account), pending],
})
export const withoutPending = (file: ProfilesFile, account: string): ProfilesFile => {
  const left = (file.pendingSecrets ?? []).filter((p) => p.account !== account)
  const { pendingSecrets: _dropped, ...rest } = file
  return left.length > 0 ? { ...rest, pendingSecrets: left } : rest
}

/**
 * Brings the keychain to what a recorded change meant, whichever step it stopped at
 *
 * Each step is safe to repeat: deleting what is gone, or promoting a staged secret
 * that was already promoted, changes nothing.
 */
export async function settlePending(keychain: SecretStore, pending: PendingSecret, knownIds: ReadonlySet<string>): Promise<void> {
  const id = profileAccount.exec(pending.account)?.[1] ?? null
  if (pending.change === 'add') {
    // The file never came to name this profile: its secret belongs to nobody.
    if (id === null || !knownIds.has(id)) await keychain.delete(pending.account)
    return
  }
  if (pending.change === 'delete') {
    if (id === null || !knownIds.has(id)) await keychain.delete(pending.account)
    return
  }
  const next = await keychain.get(stagedAccountOf(pending.account))
  if (next !== null) {
    await keychain.set(pending.account, next)
    await keychain.delete(stagedAccountOf(pending.account))
  }
}

/**
 * The keychain accounts no profile of this data folder explains
 *
 * - `staged`: a replacement secret whose change never reached the file (Cubeta stopped
 *   between the two): certainly ours, certainly unused.
 * - `unknown`: a profile secret with no profile here. It may be left by an older version,
 *   belong to a profile lost with a damaged file, or to another data folder that shares
 *   the keychain, so it is only ever offered for removal, never removed unasked.
 */
export function unexplainedAccounts(accounts: readonly string[], knownIds: ReadonlySet<string>, pending: readonly PendingSecret[]) {
  const inFlight = new Set(pending.map((p) => p.account))
  const staged: string[] = []
  const unknown: string[] = []
  for (const account of accounts) {
    const stagedId = stagedAccount.exec(account)?.[1]
    if (stagedId !== undefined) {
      if (knownIds.has(stagedId) && !inFlight.has(account.slice(0, -':staged'.length))) staged.push(account)
      continue
    }
    const id = profileAccount.exec(account)?.[1]
    if (id !== undefined && !knownIds.has(id) && !inFlight.has(account)) unknown.push(account)
  }
  return { staged, unknown }
}
