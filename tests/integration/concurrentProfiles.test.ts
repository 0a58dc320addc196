import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallName } from '../../src-main/contract/bridge'
import { makeBackend } from '../support/backendHarness'
import { resetMoto, useMoto, type Moto } from '../support/moto'
import { draft, runChurn, type ChurnOp } from '../support/profileChurn'

/**
 * 200 profile changes sent at once through the router, as a fast user (or a script
 * against browser mode) could: every answer is true, and profiles.json and the keychain
 * end exactly as those answers say. Before, ten renames all said "ok" and one was kept,
 * and adds and deletes left secrets without profiles and profiles without secrets.
 */
let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
})
afterAll(async () => moto.stop())

describe('profiles changed concurrently', () => {
  it('200 mixed adds, renames, edits and deletes: file and keychain match the answers exactly', async () => {
    const h = await makeBackend(moto.endpoint)
    const dispatch = (name: CallName, input: unknown) => h.backend.router.dispatch(name, input)

    // 70 profiles, themselves added all at once.
    const seeded = await runChurn(dispatch, Array.from({ length: 70 }, (_, i) => ({ call: 'profiles/add', input: draft(`Seed ${i}`, `seed-secret-${i}`), tag: `seed-${i}` }) as ChurnOp))
    expect(seeded.every((r) => r.ok)).toBe(true)
    const S = seeded.map((r) => r.id!)
    expect(new Set(S).size).toBe(70)
    expect((await h.ok('profiles/list', {})).length).toBe(70)

    const ops: ChurnOp[] = []
    for (let i = 0; i < 40; i++) ops.push({ call: 'profiles/add', input: draft(`New ${i}`, `new-secret-${i}`), tag: `add-${i}` })
    for (let i = 0; i < 10; i++) for (const side of ['x', 'y']) ops.push({ call: 'profiles/add', input: draft(`Twin ${i}`, `twin-secret-${i}-${side}`), tag: `twin-${i}-${side}` })
    for (let i = 0; i < 20; i++) for (const side of ['a', 'b']) ops.push({ call: 'profiles/update', input: { id: S[i]!, name: `Renamed ${i}${side}` }, tag: `rename-${i}-${side}` })
    for (let i = 0; i < 10; i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, publicBaseUrl: `https://cdn${i}.example.com` }, tag: `url-${i}` })
    for (let i = 20; i < 30; i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, publicBaseUrl: `https://cdn${i}.example.com` }, tag: `url-${i}` })
    for (let i = 30; i < 40; i++) ops.push({ call: 'profiles/update', input: { id: S[i]!, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: `changed-secret-${i}` }, tag: `secret-${i}` })
    for (let i = 10; i < 20; i++) ops.push({ call: 'profiles/delete', input: { id: S[i]! }, tag: `delete-${i}` })
    for (let i = 40; i < 70; i++) ops.push({ call: 'profiles/delete', input: { id: S[i]! }, tag: `delete-${i}` })
    for (let i = 40; i < 50; i++) ops.push({ call: 'profiles/delete', input: { id: S[i]! }, tag: `delete-again-${i}` })
    for (let i = 0; i < 20; i++) ops.push({ call: 'profiles/list', input: {}, tag: `list-${i}` })
    expect(ops).toHaveLength(200)
    // Interleave the kinds, so each kind races every other.
    const shuffled = ops.map((op, i) => ({ op, k: (i * 7919) % 200 })).sort((a, b) => a.k - b.k).map((x) => x.op)

    const results = new Map((await runChurn(dispatch, shuffled)).map((r) => [r.tag, r]))
    const answer = (tag: string) => results.get(tag)!
    // Every answer is a success or an error a user can act on; none is "unexpected".
    expect([...results.values()].filter((r) => !r.ok && !['profile-name-taken', 'profile-not-found'].includes(r.code ?? ''))).toEqual([])

    const expectedSecrets = new Map<string, string>()
    const expectedNames = new Map<string, string[]>()
    for (let i = 0; i < 40; i++) {
      expect(answer(`add-${i}`).ok).toBe(true)
      expectedSecrets.set(answer(`add-${i}`).id!, `new-secret-${i}`)
      expectedNames.set(answer(`add-${i}`).id!, [`New ${i}`])
    }
    for (let i = 0; i < 10; i++) {
      const [x, y] = [answer(`twin-${i}-x`), answer(`twin-${i}-y`)]
      expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1)
      const winner = x.ok ? x : y
      expect((x.ok ? y : x).code).toBe('profile-name-taken')
      expectedSecrets.set(winner.id!, `twin-secret-${i}-${x.ok ? 'x' : 'y'}`)
      expectedNames.set(winner.id!, [`Twin ${i}`])
    }
    for (let i = 0; i < 10; i++) {
      expect(answer(`rename-${i}-a`).ok && answer(`rename-${i}-b`).ok && answer(`url-${i}`).ok).toBe(true)
      expectedSecrets.set(S[i]!, `seed-secret-${i}`)
      expectedNames.set(S[i]!, [`Renamed ${i}a`, `Renamed ${i}b`])
    }
    for (let i = 10; i < 20; i++) {
      expect(answer(`delete-${i}`).ok).toBe(true)
      for (const side of ['a', 'b']) expect([null, 'profile-not-found']).toContain(answer(`rename-${i}-${side}`).code)
    }
    for (let i = 20; i < 40; i++) {
      expect(answer(i < 30 ? `url-${i}` : `secret-${i}`).ok).toBe(true)
      expectedSecrets.set(S[i]!, i < 30 ? `seed-secret-${i}` : `changed-secret-${i}`)
      expectedNames.set(S[i]!, [`Seed ${i}`])
    }
    for (let i = 40; i < 70; i++) expect(answer(`delete-${i}`).ok || answer(`delete-again-${i}`)?.ok).toBe(true)
    for (let i = 40; i < 50; i++) expect([answer(`delete-${i}`).ok, answer(`delete-again-${i}`).ok].filter(Boolean)).toHaveLength(1)

    // The list, the file and the keychain all say exactly that.
    const listed = await h.ok('profiles/list', {})
    expect(listed.map((p) => p.id).sort()).toEqual([...expectedSecrets.keys()].sort())
    for (const p of listed) {
      expect(expectedNames.get(p.id)).toContain(p.name)
      expect(p.hasSecret).toBe(true)
    }
    for (let i = 0; i < 10; i++) expect(listed.find((p) => p.id === S[i])?.publicBaseUrl).toBe(`https://cdn${i}.example.com`)
    const file = JSON.parse(await readFile(join(h.dataDir, 'profiles.json'), 'utf8'))
    expect(file.profiles.map((p: { id: string }) => p.id).sort()).toEqual([...expectedSecrets.keys()].sort())
    expect(file.pendingSecrets).toBeUndefined()
    expect((await h.secretStore.list()).sort()).toEqual([...expectedSecrets.keys()].map((id) => `profile:${id}`).sort())
    for (const [id, secret] of expectedSecrets) expect(await h.secretStore.get(`profile:${id}`)).toBe(secret)
    expect((await readdir(h.dataDir)).sort()).toEqual(['profiles.json', 'profiles.json.bak'])
    await h.dispose()
  })
})
