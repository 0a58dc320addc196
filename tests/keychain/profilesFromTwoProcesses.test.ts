import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../src-main/composition/createBackend'
import type { CallName } from '../../src-main/contract/bridge'
import { createKeytarSecretStore } from '../../src-main/services/keychain/keytarSecretStore'
import { resetMoto, useMoto, type Moto } from '../support/moto'
import { draft, runChurn, type ChurnOp, type ChurnResult } from '../support/profileChurn'

/**
 * The desktop app and browser mode share one data folder and one keychain. Two Cubeta
 * processes change profiles at the same moment: none loses the other's changes, and
 * profiles.json and the real keyring end exactly as their answers say.
 */
let moto: Moto
const service = `Cubeta-test-${randomUUID().slice(0, 8)}`
const keychain = createKeytarSecretStore(service)
beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
})
afterAll(async () => {
  for (const account of await keychain.list()) await keychain.delete(account)
  await moto.stop()
})

function worker(dataDir: string, opsFile: string) {
  const child = spawn(process.execPath, ['node_modules/jiti/lib/jiti-cli.mjs', 'tests/support/profileChurnWorker.ts', dataDir, service, moto.endpoint, opsFile], { stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (c) => (err += c))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c
      if (out.startsWith('ready\n')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`worker exited ${code} before it was ready:\n${err}`)))
  })
  const results = new Promise<ChurnResult[]>((resolve, reject) => {
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('['))
      if (code === 0 && line) resolve(JSON.parse(line))
      else reject(new Error(`worker exited ${code}:\n${err}`))
    })
  })
  return { ready, go: () => child.stdin.end('go\n'), results }
}

describe('two Cubeta processes on one data folder', () => {
  it('keep each other’s profile changes, and the keyring matches the file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cubeta-two-'))
    const parent = await createBackend({ dataDir, shell: 'browser', osLocale: 'en-US', version: 'test', homeDir: dataDir, secretStore: keychain, awsEndpointOverride: moto.endpoint, log: () => undefined })
    const dispatch = (name: CallName, input: unknown) => parent.router.dispatch(name, input)
    const seeded = await runChurn(dispatch, Array.from({ length: 40 }, (_, i) => ({ call: 'profiles/add', input: draft(`Seed ${i}`, `seed-secret-${i}`), tag: `seed-${i}` }) as ChurnOp))
    expect(seeded.every((r) => r.ok)).toBe(true)
    const S = seeded.map((r) => r.id!)

    const opsOf = (side: 'A' | 'B'): ChurnOp[] => {
      const ops: ChurnOp[] = []
      for (let i = 0; i < 30; i++) ops.push({ call: 'profiles/add', input: draft(`${side} ${i}`, `${side}-secret-${i}`), tag: `add-${i}` })
      for (let i = 0; i < 10; i++) ops.push({ call: 'profiles/add', input: draft(`Shared ${i}`, `shared-${side}-${i}`), tag: `shared-${i}` })
      for (let i = 0; i < (side === 'A' ? 20 : 10); i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, name: `${side}-name ${i}` }, tag: `rename-${i}` })
      for (let i = 20; i < 30; i++) ops.push({ call: 'profiles/delete', input: { id: S[i]! }, tag: `delete-${i}` })
      if (side === 'A') for (let i = 30; i < 35; i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, publicBaseUrl: `https://a${i}.example.com` }, tag: `url-${i}` })
      else {
        for (let i = 30; i < 35; i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: `B-changed-${i}` }, tag: `secret-${i}` })
        for (let i = 35; i < 40; i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, publicBaseUrl: `https://b${i}.example.com` }, tag: `url-${i}` })
      }
      return ops
    }
    const workers = await Promise.all(
      (['A', 'B'] as const).map(async (side) => {
        const file = join(dataDir, `..`, `ops-${side}-${randomUUID()}.json`)
        await writeFile(file, JSON.stringify(opsOf(side)))
        return { side, file, w: worker(dataDir, file) }
      }),
    )
    await Promise.all(workers.map((x) => x.w.ready))
    for (const x of workers) x.w.go()
    const [a, b] = await Promise.all(workers.map(async (x) => new Map((await x.w.results).map((r) => [r.tag, r]))))
    for (const x of workers) await rm(x.file, { force: true })
    const all = [...a!.values(), ...b!.values()]
    expect(all.filter((r) => !r.ok && !['profile-name-taken', 'profile-not-found'].includes(r.code ?? ''))).toEqual([])

    const expected = new Map<string, { names: string[]; secret: string; url?: string }>()
    for (const [side, results] of [['A', a!], ['B', b!]] as const) {
      for (let i = 0; i < 30; i++) {
        expect(results.get(`add-${i}`)!.ok).toBe(true)
        expected.set(results.get(`add-${i}`)!.id!, { names: [`${side} ${i}`], secret: `${side}-secret-${i}` })
      }
    }
    for (let i = 0; i < 10; i++) {
      const [x, y] = [a!.get(`shared-${i}`)!, b!.get(`shared-${i}`)!]
      expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1)
      expected.set((x.ok ? x : y).id!, { names: [`Shared ${i}`], secret: `shared-${x.ok ? 'A' : 'B'}-${i}` })
    }
    for (let i = 0; i < 20; i++) expected.set(S[i]!, { names: i < 10 ? [`A-name ${i}`, `B-name ${i}`] : [`A-name ${i}`], secret: `seed-secret-${i}` })
    for (let i = 20; i < 30; i++) expect([a!.get(`delete-${i}`)!.ok, b!.get(`delete-${i}`)!.ok].filter(Boolean)).toHaveLength(1)
    for (let i = 30; i < 35; i++) expected.set(S[i]!, { names: [`Seed ${i}`], secret: `B-changed-${i}`, url: `https://a${i}.example.com` })
    for (let i = 35; i < 40; i++) expected.set(S[i]!, { names: [`Seed ${i}`], secret: `seed-secret-${i}`, url: `https://b${i}.example.com` })

    const file = JSON.parse(await readFile(join(dataDir, 'profiles.json'), 'utf8'))
    expect(file.profiles.map((p: { id: string }) => p.id).sort()).toEqual([...expected.keys()].sort())
    expect(file.pendingSecrets).toBeUndefined()
    for (const p of file.profiles as { id: string; name: string; publicBaseUrl?: string | null }[]) {
      const want = expected.get(p.id)!
      expect(want.names).toContain(p.name)
      if (want.url) expect(p.publicBaseUrl).toBe(want.url)
    }
    expect((await keychain.list()).sort()).toEqual([...expected.keys()].map((id) => `profile:${id}`).sort())
    for (const [id, want] of expected) expect(await keychain.get(`profile:${id}`)).toBe(want.secret)
    expect((await readdir(dataDir)).sort()).toEqual(['profiles.json', 'profiles.json.bak'])
    await parent.close()
    await rm(dataDir, { recursive: true, force: true })
  }, 180_000)
})
