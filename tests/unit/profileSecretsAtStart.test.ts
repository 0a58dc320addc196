import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../src-main/composition/createBackend'
import { createProfileRepository } from '../../src-main/services/profiles/profileRepository'
import { createMemorySecretStore, type SecretStore } from '../../src-main/services/keychain/secretStore'
import type { CallInput, CallName, CallOutput, BridgeResult } from '../../src-main/contract/bridge'

/**
 * Cubeta stopped between profiles.json and the keychain, at every step of every change:
 * the next start makes them agree, and never removes a secret it can't prove unused.
 */
const profile = (id: string) => ({ id, name: `P ${id}`, accessKeyId: 'AKIAEXAMPLE', region: 'us-east-1', endpoint: null, forcePathStyle: false, createdAt: '2026-01-01T00:00:00Z' })

async function start(dataDir: string, secretStore: SecretStore, claimUnknownSecrets = false) {
  const backend = await createBackend({ dataDir, shell: 'browser', osLocale: 'en-US', version: 'test', homeDir: dataDir, secretStore, claimUnknownSecrets, awsEndpointOverride: 'http://127.0.0.1:9', log: () => undefined })
  return async <K extends CallName>(name: K, input: CallInput<K>) => {
    const result = (await backend.router.dispatch(name, input)) as BridgeResult<CallOutput<K>>
    if (!result.ok) throw new Error(`${name}: ${result.error.code}`)
    return result.value
  }
}

async function folder(file: object) {
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-secrets-'))
  await writeFile(join(dir, 'profiles.json'), JSON.stringify(file))
  return dir
}
const fileOf = async (dir: string) => JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))

describe('a change the last run left half-done', () => {
  it('an add that never reached the file: its secret is removed', async () => {
    const dir = await folder({ version: 1, profiles: [profile('a')], pendingSecrets: [{ account: 'profile:new', change: 'add' }] })
    const keychain = createMemorySecretStore()
    await keychain.set('profile:a', 'sa')
    await keychain.set('profile:new', 'orphan')
    const call = await start(dir, keychain)
    expect((await keychain.list()).sort()).toEqual(['profile:a'])
    expect((await fileOf(dir)).pendingSecrets).toBeUndefined()
    expect((await call('profiles/list', {})).map((p) => [p.id, p.hasSecret])).toEqual([['a', true]])
  })

  it('a delete that left the file but not the keychain: the secret is removed', async () => {
    const dir = await folder({ version: 1, profiles: [], pendingSecrets: [{ account: 'profile:gone', change: 'delete' }] })
    const keychain = createMemorySecretStore()
    await keychain.set('profile:gone', 'old')
    await start(dir, keychain)
    expect(await keychain.list()).toEqual([])
  })

  it('a new secret written to the file but not yet promoted: it replaces the old one', async () => {
    const dir = await folder({ version: 1, profiles: [profile('a')], pendingSecrets: [{ account: 'profile:a', change: 'replace' }] })
    const keychain = createMemorySecretStore()
    await keychain.set('profile:a', 'old-secret')
    await keychain.set('profile:a:staged', 'new-secret')
    await start(dir, keychain)
    expect(await keychain.get('profile:a')).toBe('new-secret')
    expect(await keychain.list()).toEqual(['profile:a'])
  })

  it('a new secret staged before the file changed: the old one stays, the staged one goes', async () => {
    const dir = await folder({ version: 1, profiles: [profile('a')] })
    const keychain = createMemorySecretStore()
    await keychain.set('profile:a', 'old-secret')
    await keychain.set('profile:a:staged', 'new-secret')
    await start(dir, keychain)
    expect(await keychain.get('profile:a')).toBe('old-secret')
    expect(await keychain.list()).toEqual(['profile:a'])
  })

  it('after a damaged profiles.json nothing is removed: the secret may be the last copy', async () => {
    const dir = await folder({ version: 1, profiles: [profile('a')], pendingSecrets: [{ account: 'profile:b', change: 'add' }] })
    await writeFile(join(dir, 'profiles.json.bak'), await readFile(join(dir, 'profiles.json')))
    await writeFile(join(dir, 'profiles.json'), '{"version":1,"profiles":[')
    const keychain = createMemorySecretStore()
    await keychain.set('profile:a', 'sa')
    await keychain.set('profile:b', 'sb')
    await start(dir, keychain)
    expect((await keychain.list()).sort()).toEqual(['profile:a', 'profile:b'])
  })
})

describe('secrets no profile uses', () => {
  const seeded = async () => {
    const dir = await folder({ version: 1, profiles: [profile('a')] })
    const keychain = createMemorySecretStore()
    await keychain.set('profile:a', 'sa')
    await keychain.set('profile:ghost', 'left by an older version')
    await keychain.set('unrelated', 'not a profile secret')
    return { dir, keychain }
  }

  it('in the shared data folder they are offered, and removed only when asked', async () => {
    const { dir, keychain } = await seeded()
    const call = await start(dir, keychain, true)
    expect((await call('app/info', {})).orphanedSecrets).toBe(1)
    expect((await keychain.list()).sort()).toEqual(['profile:a', 'profile:ghost', 'unrelated'])
    expect(await call('profiles/removeOrphanedSecrets', {})).toEqual({ removed: 1 })
    expect((await keychain.list()).sort()).toEqual(['profile:a', 'unrelated'])
    expect((await call('app/info', {})).orphanedSecrets).toBe(0)
  })

  it('in a custom data folder, other folders’ secrets are left alone and not offered', async () => {
    const { dir, keychain } = await seeded()
    const call = await start(dir, keychain, false)
    expect((await call('app/info', {})).orphanedSecrets).toBe(0)
    expect(await call('profiles/removeOrphanedSecrets', {})).toEqual({ removed: 0 })
    expect(await keychain.get('profile:ghost')).not.toBeNull()
  })
})

describe('the lock around profiles.json', () => {
  it('takes over a lock left by a crashed process', async () => {
    const dir = await folder({ version: 1, profiles: [] })
    await mkdir(join(dir, 'profiles.json.lock'))
    const old = new Date(Date.now() - 60_000)
    await utimes(join(dir, 'profiles.json.lock'), old, old)
    await createProfileRepository(dir).save([profile('a')])
    expect((await fileOf(dir)).profiles.map((p: { id: string }) => p.id)).toEqual(['a'])
    expect(await readdir(dir)).not.toContain('profiles.json.lock')
  })

  it('waits for another process that holds it, then writes on top of its change', async () => {
    const dir = await folder({ version: 1, profiles: [] })
    const release = await lockfile.lock(join(dir, 'profiles.json'), { realpath: false })
    const repo = createProfileRepository(dir)
    let saved = false
    const saving = repo.store.update(async (file) => file.write({ ...file.value, profiles: [...file.value.profiles, profile('mine')] })).then(() => (saved = true))
    await new Promise((r) => setTimeout(r, 300))
    expect(saved).toBe(false)
    // The other process's change, made while it held the lock.
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [profile('theirs')] }))
    await release()
    await saving
    expect((await fileOf(dir)).profiles.map((p: { id: string }) => p.id)).toEqual(['theirs', 'mine'])
  })
})
