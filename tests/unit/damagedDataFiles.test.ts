import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../src-main/composition/createBackend'
import { createMemorySecretStore, type SecretStore } from '../../src-main/services/keychain/secretStore'
import type { AppInfo, CallInput, CallName, CallOutput, BridgeResult } from '../../src-main/contract/bridge'

/**
 * profiles.json as a user may find it after a bad disk, a hand edit or another program:
 * Cubeta starts, says which file and what it did, keeps every good profile, shows the
 * bad ones with what is wrong, and never loses the original bytes to later saves.
 */
const profile = (id: string, over: Record<string, unknown> = {}) => ({ id, name: `Profile ${id}`, accessKeyId: `AKIA${id}`, region: 'us-east-1', endpoint: null, forcePathStyle: false, createdAt: '2026-01-01T00:00:00Z', ...over })

async function start(dataDir: string, secretStore: SecretStore = createMemorySecretStore()) {
  const backend = await createBackend({ dataDir, shell: 'browser', osLocale: 'en-US', version: 'test', homeDir: dataDir, secretStore, awsEndpointOverride: 'http://127.0.0.1:9', log: () => undefined })
  const call = async <K extends CallName>(name: K, input: CallInput<K>) => (await backend.router.dispatch(name, input)) as BridgeResult<CallOutput<K>>
  const ok = async <K extends CallName>(name: K, input: CallInput<K>) => {
    const result = await call(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  return { backend, call, ok, secretStore }
}

async function folderWith(profilesJson: string | null) {
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-damaged-'))
  if (profilesJson !== null) await writeFile(join(dir, 'profiles.json'), profilesJson)
  return dir
}

/** A change that writes profiles.json without any network: a rename. */
async function twoSaves(app: Awaited<ReturnType<typeof start>>, id: string) {
  await app.ok('profiles/update', { id, name: 'First rename' })
  await app.ok('profiles/update', { id, name: 'Second rename' })
}

const damagedCopies = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('profiles.json.corrupt-')).map((n) => join(dir, n))
const profilesReport = (info: AppInfo) => info.dataFiles.find((r) => r.file === 'profiles')

describe('profiles.json of the wrong shape', () => {
  it.each([
    ['a string for the list', '{"version":1,"profiles":"x"}'],
    ['an object for the list', '{"version":1,"profiles":{}}'],
    ['a top-level array', '[{"id":"a"}]'],
    ['null', 'null'],
    ['a newer version', '{"version":2,"profiles":[]}'],
  ])('%s: every call still works, the notice tells the truth, and the bytes are kept', async (_label, text) => {
    const dir = await folderWith(text)
    const app = await start(dir)
    expect(await app.ok('profiles/list', {})).toEqual([])
    const info = await app.ok('app/info', {})
    expect(profilesReport(info)).toMatchObject({ damage: 'wrong-shape', outcome: 'started-empty' })
    const [copy] = await damagedCopies(dir)
    expect(profilesReport(info)?.damagedCopy).toBe(copy)
    expect(await readFile(copy!, 'utf8')).toBe(text)
  })

  it('goes back to a good .bak, and after two saves the damaged bytes are still kept', async () => {
    const dir = await folderWith('[]')
    await writeFile(join(dir, 'profiles.json.bak'), JSON.stringify({ version: 1, profiles: [profile('a')] }))
    const app = await start(dir)
    expect((await app.ok('profiles/list', {})).map((p) => p.id)).toEqual(['a'])
    expect(profilesReport(await app.ok('app/info', {}))).toMatchObject({ damage: 'wrong-shape', outcome: 'restored-backup' })
    await twoSaves(app, 'a')
    const copies = await damagedCopies(dir)
    expect(copies).toHaveLength(1)
    expect(await readFile(copies[0]!, 'utf8')).toBe('[]')
    expect(JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')).profiles[0].name).toBe('Second rename')
  })
})

describe('one bad entry among good ones', () => {
  const text = JSON.stringify({ version: 1, profiles: [profile('a'), profile('b', { forcePathStyle: 'true' }), profile('c', { region: 5, name: undefined })] })

  it('keeps the good profiles, shows the bad ones with what is wrong, and keeps them through saves', async () => {
    const dir = await folderWith(text)
    const secrets = createMemorySecretStore()
    await secrets.set('profile:b', 'secret-of-b')
    const app = await start(dir, secrets)
    expect((await app.ok('profiles/list', {})).map((p) => p.id)).toEqual(['a'])
    const report = profilesReport(await app.ok('app/info', {}))
    expect(report).toMatchObject({ damage: null, outcome: 'kept-good-entries' })
    expect(report?.unreadableEntries).toEqual([
      { position: 2, name: 'Profile b', problems: [{ field: 'forcePathStyle', expected: 'boolean' }] },
      { position: 3, name: null, problems: [{ field: 'name', expected: 'present' }, { field: 'region', expected: 'string' }] },
    ])
    expect(await readFile(report!.damagedCopy!, 'utf8')).toBe(text)

    await twoSaves(app, 'a')
    const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))
    expect(onDisk.unreadableEntries.map((k: { entry: { id: string } }) => k.entry)).toEqual([JSON.parse(text).profiles[1], JSON.parse(text).profiles[2]])
    // The secret of the profile that could not be read belongs to it still.
    expect(await secrets.get('profile:b')).toBe('secret-of-b')

    // Next start: no new damaged copy, the entries are still shown.
    const again = await start(dir, secrets)
    expect(profilesReport(await again.ok('app/info', {}))?.unreadableEntries.map((e) => e.name)).toEqual(['Profile b', null])
    expect(await damagedCopies(dir)).toHaveLength(1)
  })

  it('puts an entry fixed by hand back in the list', async () => {
    const dir = await folderWith(text)
    await start(dir)
    const file = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'))
    file.unreadableEntries[0].entry.forcePathStyle = true
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(file))
    const app = await start(dir)
    expect((await app.ok('profiles/list', {})).map((p) => p.id)).toEqual(['a', 'b'])
  })
})

describe('profiles.json that is not a file', () => {
  it('is a directory: the app starts, says so, moves it aside, and saves work', async () => {
    const dir = await folderWith(null)
    await mkdir(join(dir, 'profiles.json'))
    await writeFile(join(dir, 'profiles.json', 'inside.txt'), 'kept')
    const app = await start(dir)
    expect(await app.ok('profiles/list', {})).toEqual([])
    const report = profilesReport(await app.ok('app/info', {}))
    expect(report).toMatchObject({ damage: 'not-a-file', outcome: 'started-empty' })
    expect(await readFile(join(report!.damagedCopy!, 'inside.txt'), 'utf8')).toBe('kept')
    expect((await stat(join(dir, 'profiles.json')).catch(() => null))?.isDirectory() ?? false).toBe(false)
  })
})

describe('the journals', () => {
  it('a damaged transfer journal and setup journal are reported, kept, and do not stop the start', async () => {
    const dir = await folderWith(null)
    await writeFile(join(dir, 'transfers-journal.json'), '{"version":1,"uploads":[{"id":"x"}]}')
    await writeFile(join(dir, 'setup-journal.json'), '{"version":1,"plan":')
    const app = await start(dir)
    const info = await app.ok('app/info', {})
    expect(info.dataFiles.find((r) => r.file === 'transfers')).toMatchObject({ damage: null, outcome: 'kept-good-entries', unreadableEntries: [{ position: 1 }] })
    expect(info.dataFiles.find((r) => r.file === 'setup')).toMatchObject({ damage: 'not-json', outcome: 'started-empty' })
    expect(await app.ok('setup/pending', {})).toEqual({ pending: null })
    const names = await readdir(dir)
    expect(names.some((n) => n.startsWith('setup-journal.json.corrupt-'))).toBe(true)
    expect(names.some((n) => n.startsWith('transfers-journal.json.corrupt-'))).toBe(true)
  })
})
