import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../../src-main/composition/createBackend'
import type { Backend } from '../../src-main/composition/backend'
import { createMemorySecretStore, type SecretStore } from '../../src-main/services/keychain/secretStore'
import type { CallInput, CallName, CallOutput, BridgeResult } from '../../src-main/contract/bridge'
import { afterAll, beforeAll } from 'vitest'
import { resetMoto, seedAccount, useMoto, type Moto } from './moto'

/** A real backend on a throwaway data folder, pointed at moto like a test build of the app (browser mode's unless told). */
/** `dataDir` reuses a data folder, as a restart of the app would; `shell: 'electron'` allows paths on disk. */
export async function makeBackend(endpoint: string, options: { secretStore?: SecretStore; homeDir?: string; chooseFolder?: () => Promise<string | null>; dataDir?: string; shell?: 'electron' | 'browser'; idleTimeoutMs?: number } = {}) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'cubeta-data-')))
  const secretStore = options.secretStore ?? createMemorySecretStore()
  const logs: string[] = []
  const backend: Backend = await createBackend({
    dataDir,
    shell: options.shell ?? 'browser',
    osLocale: 'en-US',
    version: 'test',
    homeDir: options.homeDir ?? dataDir,
    secretStore,
    awsEndpointOverride: endpoint,
    log: (line) => logs.push(line),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
  })
  const call = <K extends CallName>(name: K, input: CallInput<K>) =>
    backend.router.dispatch(name, input) as Promise<BridgeResult<CallOutput<K>>>
  const ok = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await call(name, input)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`)
    return result.value
  }
  /** Every byte written under the data folder, to prove no secret reached the disk. */
  const dataFolderText = async () => {
    const names = await readdir(dataDir, { recursive: true })
    const texts = await Promise.all(names.map((n) => readFile(join(dataDir, n), 'utf8').catch(() => '')))
    return texts.join('\n')
  }
  return { backend, call, ok, dataDir, secretStore, logs, dataFolderText, dispose: async () => {
    await backend.close()
    await rm(dataDir, { recursive: true, force: true })
  }, close: () => backend.close() }
}

/** A profile for already-seeded keys, kept in session memory so tests leave no keychain entries. */
export async function addSessionProfile(h: Awaited<ReturnType<typeof makeBackend>>, keys: { accessKeyId: string; secretAccessKey: string }, region = 'us-east-1') {
  return h.ok('profiles/add', { name: 'Blog', accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, region, endpoint: null, forcePathStyle: false, secretStorage: 'session' })
}

export type Harness = Awaited<ReturnType<typeof makeBackend>>

/**
 * One moto account with the given buckets, and a backend holding its profile, for a whole
 * test file (moto's first IAM call after a reset takes seconds, so tests share it).
 * Read the fields inside tests and hooks: they are set by the file's beforeAll.
 */
export function useSeededBackend(options: { region?: string; buckets?: { name: string; region: string }[] } = {}) {
  const region = options.region ?? 'us-east-1'
  const world = {} as { moto: Moto; h: Harness; profileId: string; keys: Awaited<ReturnType<typeof seedAccount>> }
  beforeAll(async () => {
    world.moto = await useMoto()
    await resetMoto(world.moto.endpoint)
    world.keys = await seedAccount(world.moto.endpoint, options.buckets ?? [])
    world.h = await makeBackend(world.moto.endpoint)
    world.profileId = (await addSessionProfile(world.h, world.keys, region)).id
  })
  afterAll(async () => {
    await world.h?.dispose()
    await world.moto?.stop()
  })
  return world
}
