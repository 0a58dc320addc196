import { randomUUID } from 'node:crypto'
import type { ProfileDraft, ProfileEdit, ProfileView, SecretStorageKind } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import { isAwsRegion } from '../../contract/rules/regions'
import type { AwsClientFactory } from '../aws/awsClients'
import { verifyCredentials } from '../aws/verifyCredentials'
import type { SecretStore } from '../keychain/secretStore'
import { normalizeEndpoint } from '../../contract/rules/endpointRule'
import type { StoreTransaction } from '../dataFiles/jsonStore'
import { maskKeyId } from '../../core/maskKeyId'
import type { ProfileRepository } from './profileRepository'
import { accountOf, settlePending, stagedAccountOf, withoutPending, withPending } from './profileSecrets'
import { createSecretReconciler } from './secretReconciler'
import type { ProfileConnection } from '../aws/profileConnection'
import type { ProfilesFile, StoredProfile } from './storedProfile'

interface Deps {
  repository: ProfileRepository
  keychain: SecretStore
  /** "This session only": metadata and secret both live in memory, nothing on disk. */
  session: SecretStore
  clients: AwsClientFactory
  onChange: (profiles: ProfileView[]) => void
  /**
   * This data folder is the one the desktop app and browser mode share, so a Cubeta
   * secret no profile uses is offered for removal. A custom folder (tests, CUBETA_DATA_DIR)
   * shares the keychain with others and leaves their secrets alone.
   */
  claimUnknownSecrets?: boolean
}

export interface ProfileService {
  list(): Promise<ProfileView[]>
  add(draft: ProfileDraft, extra?: { pinnedBucket?: string | null }): Promise<ProfileView>
  update(edit: ProfileEdit): Promise<ProfileView>
  remove(id: string): Promise<{ id: string }>
  /** For services in the main process only; never crosses the bridge. */
  connectionFor(id: string): Promise<ProfileConnection & { keyIdMasked: string; pinnedBucket: string | null; publicBaseUrl: string | null }>
  /** At start: finish keychain changes a stopped run left half-done, and find unused secrets. */
  reconcileSecrets(): Promise<void>
  orphanedSecrets(): number
  removeOrphanedSecrets(): Promise<{ removed: number }>
}

type Entry = StoredProfile & { secretStorage: SecretStorageKind }

const unwritable = (error: unknown) =>
  error instanceof AppError
    ? error
    : new AppError('profiles-file-unwritable', `Cubeta could not save the profile: ${(error as Error).message}.`, 'Check that the data folder is writable and the disk is not full.')

/**
 * Profiles: metadata in profiles.json, secrets in the keychain, changed together
 *
 * Every change runs inside one transaction on profiles.json (one queue in the process, a
 * lock file across processes), so concurrent adds, renames and deletes each see the
 * others' results and none is lost. Before the keychain is touched, the change is
 * recorded in the file (`pendingSecrets`); if Cubeta stops half-way, the next start
 * finishes or undoes it. So a profile is never listed without its secret, and no secret
 * is left in the keychain without a profile. Keys are checked with a real call first.
 */
export function createProfileService(deps: Deps): ProfileService {
  const sessionProfiles = new Map<string, StoredProfile>()
  const transact = <R>(work: (file: StoreTransaction<ProfilesFile>) => Promise<R>) => deps.repository.store.update(work)
  const save = (file: StoreTransaction<ProfilesFile>, next: ProfilesFile) => file.write(next).catch((error: unknown) => Promise.reject(unwritable(error)))
  const reconciler = createSecretReconciler({ repository: deps.repository, keychain: deps.keychain, claimUnknown: deps.claimUnknownSecrets ?? false })

  const entriesOf = (file: ProfilesFile): Entry[] => [
    ...file.profiles.map((p) => ({ ...p, secretStorage: 'keychain' as const })),
    ...[...sessionProfiles.values()].map((p) => ({ ...p, secretStorage: 'session' as const })),
  ]
  const all = async (): Promise<Entry[]> => entriesOf(await deps.repository.store.read())
  const storeOf = (kind: SecretStorageKind) => (kind === 'keychain' ? deps.keychain : deps.session)

  const view = async (entry: Entry, keychainAccounts: Set<string> | null): Promise<ProfileView> => ({
    id: entry.id,
    name: entry.name,
    keyIdMasked: maskKeyId(entry.accessKeyId),
    region: entry.region,
    endpoint: entry.endpoint,
    forcePathStyle: entry.forcePathStyle,
    secretStorage: entry.secretStorage,
    publicBaseUrl: entry.publicBaseUrl ?? null,
    hasSecret:
      entry.secretStorage === 'session'
        ? (await deps.session.get(accountOf(entry.id))) !== null
        : (keychainAccounts?.has(accountOf(entry.id)) ?? false),
  })

  const list = async (): Promise<ProfileView[]> => {
    const entries = await all()
    const keychainAccounts = await deps.keychain.list().then((a) => new Set(a), () => null)
    return Promise.all(entries.map((e) => view(e, keychainAccounts)))
  }
  const announce = async () => deps.onChange(await list())

  const findIn = (entries: Entry[], id: string): Entry => {
    const entry = entries.find((p) => p.id === id)
    if (!entry) throw new AppError('profile-not-found', 'That profile no longer exists.', 'Pick another profile from the sidebar.')
    return entry
  }
  const assertNameFree = (entries: Entry[], name: string, exceptId?: string) => {
    if (entries.some((p) => p.id !== exceptId && p.name.toLowerCase() === name.toLowerCase())) {
      throw new AppError('profile-name-taken', `A profile named “${name}” already exists.`, 'Choose another name.', { name })
    }
  }
  const replaced = (file: ProfilesFile, stored: StoredProfile): ProfilesFile => ({ ...file, profiles: file.profiles.map((p) => (p.id === stored.id ? stored : p)) })

  return {
    list,

    async add(draft, extra = {}) {
      const name = draft.name.trim()
      // A quick answer before any network call; checked again inside the transaction.
      assertNameFree(await all(), name)
      const connection: ProfileConnection = {
        accessKeyId: draft.accessKeyId.trim(),
        secretAccessKey: draft.secretAccessKey,
        region: draft.region,
        endpoint: draft.endpoint ? normalizeEndpoint(draft.endpoint) : null,
        forcePathStyle: draft.endpoint ? draft.forcePathStyle : false,
      }
      // Fail early, before any network call, when the keychain cannot take the secret.
      if (draft.secretStorage === 'keychain') await deps.keychain.list()
      await verifyCredentials(deps.clients, connection)

      const { secretStorage } = draft
      const stored: StoredProfile = {
        id: randomUUID(),
        name,
        accessKeyId: connection.accessKeyId,
        region: connection.region,
        endpoint: connection.endpoint,
        forcePathStyle: connection.forcePathStyle,
        createdAt: new Date().toISOString(),
        pinnedBucket: extra.pinnedBucket ?? null,
      }
      const account = accountOf(stored.id)
      await transact(async (file) => {
        assertNameFree(entriesOf(file.value), name)
        if (secretStorage === 'session') {
          await deps.session.set(account, connection.secretAccessKey)
          sessionProfiles.set(stored.id, stored)
          return
        }
        await save(file, withPending(file.value, { account, change: 'add' }))
        try {
          await deps.keychain.set(account, connection.secretAccessKey)
        } catch (error) {
          await file.write(withoutPending(file.value, account)).catch(() => undefined)
          throw error
        }
        try {
          await file.write({ ...withoutPending(file.value, account), profiles: [...file.value.profiles, stored] })
        } catch (error) {
          // The pending record, if it is still on disk, lets the next start finish this.
          await deps.keychain.delete(account).catch(() => undefined)
          await file.write(withoutPending(file.value, account)).catch(() => undefined)
          throw unwritable(error)
        }
      })
      await announce()
      return view({ ...stored, secretStorage }, new Set([account]))
    },

    async update(edit) {
      const next = await transact(async (file) => {
        const entries = entriesOf(file.value)
        const current = findIn(entries, edit.id)
        if (edit.name !== undefined) assertNameFree(entries, edit.name.trim(), current.id)
        const endpoint = edit.endpoint === undefined ? current.endpoint : edit.endpoint ? normalizeEndpoint(edit.endpoint) : null
        const next: Entry = {
          ...current,
          name: edit.name?.trim() ?? current.name,
          region: edit.region ?? current.region,
          endpoint,
          forcePathStyle: endpoint ? (edit.forcePathStyle ?? current.forcePathStyle) : false,
          accessKeyId: edit.accessKeyId?.trim() ?? current.accessKeyId,
          publicBaseUrl: edit.publicBaseUrl === undefined ? (current.publicBaseUrl ?? null) : edit.publicBaseUrl ? normalizeEndpoint(edit.publicBaseUrl) : null,
        }
        if (next.endpoint === null && !isAwsRegion(next.region)) {
          throw new AppError('invalid-input', 'The field “region” is not valid: choose one of the AWS regions in the list.',
            'Correct that field and try again.', { field: 'region', detail: 'choose one of the AWS regions in the list' })
        }
        const account = accountOf(current.id)
        const store = storeOf(current.secretStorage)
        const connectionChanged =
          edit.secretAccessKey !== undefined || next.region !== current.region || next.endpoint !== current.endpoint || next.forcePathStyle !== current.forcePathStyle
        if (connectionChanged) {
          const secretAccessKey = edit.secretAccessKey ?? (await store.get(account))
          if (secretAccessKey === null) {
            throw new AppError('secret-missing', 'This profile has no secret access key saved.', 'Enter the access key ID and secret again.')
          }
          await verifyCredentials(deps.clients, { ...next, secretAccessKey })
        }
        const { secretStorage: _kind, ...stored } = next
        if (current.secretStorage === 'session') {
          if (edit.secretAccessKey !== undefined) await deps.session.set(account, edit.secretAccessKey)
          sessionProfiles.set(stored.id, stored)
          return next
        }
        if (edit.secretAccessKey === undefined) {
          await save(file, replaced(file.value, stored))
          return next
        }
        // The new secret waits beside the old one until the file names the new key id.
        const staged = stagedAccountOf(account)
        await deps.keychain.set(staged, edit.secretAccessKey)
        try {
          await file.write(withPending(replaced(file.value, stored), { account, change: 'replace' }))
        } catch (error) {
          await deps.keychain.delete(staged).catch(() => undefined)
          throw unwritable(error)
        }
        await settlePending(deps.keychain, { account, change: 'replace' }, new Set([current.id]))
        await file.write(withoutPending(file.value, account)).catch(() => undefined)
        return next
      })
      await announce()
      return view(next, new Set([accountOf(next.id)]))
    },

    async remove(id) {
      await transact(async (file) => {
        const entry = findIn(entriesOf(file.value), id)
        const account = accountOf(id)
        if (entry.secretStorage === 'session') {
          await deps.session.delete(account)
          sessionProfiles.delete(id)
          return
        }
        // A keychain that can't be reached fails the delete plainly, before anything changes.
        await deps.keychain.list()
        await save(file, withPending({ ...file.value, profiles: file.value.profiles.filter((p) => p.id !== id) }, { account, change: 'delete' }))
        // Should the keychain fail now, the pending record has the next start retry.
        const cleared = await deps.keychain.delete(account).then(() => true, () => false)
        if (cleared) await file.write(withoutPending(file.value, account)).catch(() => undefined)
      })
      await announce()
      return { id }
    },

    async connectionFor(id) {
      const entry = findIn(await all(), id)
      const secretAccessKey = await storeOf(entry.secretStorage).get(accountOf(id))
      if (secretAccessKey === null) {
        throw new AppError('secret-missing', `The secret access key of “${entry.name}” is not in the keychain.`,
          'Edit the profile and enter its access key ID and secret again.', { name: entry.name })
      }
      return {
        accessKeyId: entry.accessKeyId,
        secretAccessKey,
        region: entry.region,
        endpoint: entry.endpoint,
        forcePathStyle: entry.forcePathStyle,
        keyIdMasked: maskKeyId(entry.accessKeyId),
        pinnedBucket: entry.pinnedBucket ?? null,
        publicBaseUrl: entry.publicBaseUrl ?? null,
      }
    },

    reconcileSecrets: () => reconciler.reconcile(),
    orphanedSecrets: () => reconciler.orphans(),
    async removeOrphanedSecrets() {
      const removed = await reconciler.removeOrphans()
      if (removed > 0) await announce()
      return { removed }
    },
  }
}
