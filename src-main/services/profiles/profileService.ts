import { randomUUID } from 'node:crypto'
import type { ProfileDraft, ProfileEdit, ProfileView, SecretStorageKind } from '../../contract/bridge'
import { AppError } from '../../router/appError'
import { isAwsRegion } from '../../contract/regions'
import type { AwsClientFactory } from '../aws/awsClients'
import { verifyCredentials } from '../aws/verifyCredentials'
import type { SecretStore } from '../keychain/secretStore'
import { normalizeEndpoint } from '../../contract/rules/endpointRule'
import { maskKeyId } from './maskKeyId'
import type { ProfileRepository } from './profileRepository'
import type { ProfileConnection, StoredProfile } from './storedProfile'

interface Deps {
  repository: ProfileRepository
  keychain: SecretStore
  /** "This session only": metadata and secret both live in memory, nothing on disk. */
  session: SecretStore
  clients: AwsClientFactory
  onChange: (profiles: ProfileView[]) => void
}

export interface ProfileService {
  list(): Promise<ProfileView[]>
  add(draft: ProfileDraft, extra?: { pinnedBucket?: string | null }): Promise<ProfileView>
  update(edit: ProfileEdit): Promise<ProfileView>
  remove(id: string): Promise<{ id: string }>
  /** For services in the main process only; never crosses the bridge. */
  connectionFor(id: string): Promise<ProfileConnection & { keyIdMasked: string; pinnedBucket: string | null; publicBaseUrl: string | null }>
}

type Entry = StoredProfile & { secretStorage: SecretStorageKind }

const account = (id: string) => `profile:${id}`

/**
 * Profiles: metadata in profiles.json, secrets in the keychain
 *
 * Order matters so that nothing is half-saved: keys are checked with a real call first,
 * then the secret goes to the keychain, then the metadata to disk (undoing the secret if
 * the disk write fails). Deleting removes the secret first, so a failure leaves a
 * profile the user can still see and delete again, never an orphaned secret.
 */
export function createProfileService(deps: Deps): ProfileService {
  const sessionProfiles = new Map<string, StoredProfile>()

  const all = async (): Promise<Entry[]> => [
    ...(await deps.repository.load()).map((p) => ({ ...p, secretStorage: 'keychain' as const })),
    ...[...sessionProfiles.values()].map((p) => ({ ...p, secretStorage: 'session' as const })),
  ]
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
        ? (await deps.session.get(account(entry.id))) !== null
        : (keychainAccounts?.has(account(entry.id)) ?? false),
  })

  const list = async (): Promise<ProfileView[]> => {
    const entries = await all()
    const keychainAccounts = await deps.keychain.list().then((a) => new Set(a), () => null)
    return Promise.all(entries.map((e) => view(e, keychainAccounts)))
  }
  const announce = async () => deps.onChange(await list())

  const find = async (id: string): Promise<Entry> => {
    const entry = (await all()).find((p) => p.id === id)
    if (!entry) {
      throw new AppError('profile-not-found', 'That profile no longer exists.', 'Pick another profile from the sidebar.')
    }
    return entry
  }
  const assertNameFree = async (name: string, exceptId?: string) => {
    const taken = (await all()).some((p) => p.id !== exceptId && p.name.toLowerCase() === name.toLowerCase())
    if (taken) {
      throw new AppError('profile-name-taken', `A profile named “${name}” already exists.`, 'Choose another name.', { name })
    }
  }
  const saveEntry = async (entry: Entry) => {
    const { secretStorage, ...stored } = entry
    if (secretStorage === 'session') {
      sessionProfiles.set(entry.id, stored)
      return
    }
    const profiles = await deps.repository.load()
    const index = profiles.findIndex((p) => p.id === entry.id)
    if (index === -1) profiles.push(stored)
    else profiles[index] = stored
    await deps.repository.save(profiles)
  }

  return {
    list,

    async add(draft, extra = {}) {
      const name = draft.name.trim()
      await assertNameFree(name)
      const connection: ProfileConnection = {
        accessKeyId: draft.accessKeyId.trim(),
        secretAccessKey: draft.secretAccessKey,
        region: draft.region,
        endpoint: draft.endpoint ? normalizeEndpoint(draft.endpoint) : null,
        forcePathStyle: draft.endpoint ? draft.forcePathStyle : false,
      }
      const store = storeOf(draft.secretStorage)
      // Fail early, before any network call, when the keychain cannot take the secret.
      if (draft.secretStorage === 'keychain') await deps.keychain.list()
      await verifyCredentials(deps.clients, connection)

      const entry: Entry = {
        id: randomUUID(),
        name,
        accessKeyId: connection.accessKeyId,
        region: connection.region,
        endpoint: connection.endpoint,
        forcePathStyle: connection.forcePathStyle,
        createdAt: new Date().toISOString(),
        pinnedBucket: extra.pinnedBucket ?? null,
        secretStorage: draft.secretStorage,
      }
      await store.set(account(entry.id), connection.secretAccessKey)
      try {
        await saveEntry(entry)
      } catch (error) {
        await store.delete(account(entry.id)).catch(() => undefined)
        throw new AppError('profiles-file-unwritable', `Cubeta could not save the profile: ${(error as Error).message}.`,
          'Check that the data folder is writable and the disk is not full.')
      }
      await announce()
      return view(entry, new Set([account(entry.id)]))
    },

    async update(edit) {
      const current = await find(edit.id)
      if (edit.name !== undefined) await assertNameFree(edit.name.trim(), current.id)
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
      const store = storeOf(current.secretStorage)
      const connectionChanged =
        edit.secretAccessKey !== undefined ||
        next.region !== current.region ||
        next.endpoint !== current.endpoint ||
        next.forcePathStyle !== current.forcePathStyle
      if (connectionChanged) {
        const secretAccessKey = edit.secretAccessKey ?? (await store.get(account(current.id)))
        if (secretAccessKey === null) {
          throw new AppError('secret-missing', 'This profile has no secret access key saved.', 'Enter the access key ID and secret again.')
        }
        await verifyCredentials(deps.clients, { ...next, secretAccessKey })
        if (edit.secretAccessKey !== undefined) await store.set(account(current.id), edit.secretAccessKey)
      }
      await saveEntry(next)
      await announce()
      return view(next, new Set([account(next.id)]))
    },

    async remove(id) {
      const entry = await find(id)
      await storeOf(entry.secretStorage).delete(account(id))
      if (entry.secretStorage === 'session') sessionProfiles.delete(id)
      else await deps.repository.save((await deps.repository.load()).filter((p) => p.id !== id))
      await announce()
      return { id }
    },

    async connectionFor(id) {
      const entry = await find(id)
      const secretAccessKey = await storeOf(entry.secretStorage).get(account(id))
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
  }
}
