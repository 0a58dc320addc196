import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeBackend } from '../support/backendHarness'
import { resetMoto, seedAccount, setIamEnforcement, useMoto, type Moto } from '../support/moto'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

const buckets = [
  { name: 'fotos-django', region: 'us-east-1' },
  { name: 'media-eu', region: 'eu-west-1' },
]

describe('profiles and buckets against moto (IAM enforcement on)', () => {
  let keys: Awaited<ReturnType<typeof seedAccount>>
  beforeEach(async () => {
    await resetMoto(moto.endpoint)
    keys = await seedAccount(moto.endpoint, buckets)
    await setIamEnforcement(moto.endpoint, true)
  })

  const draft = (over: Partial<Parameters<typeof baseDraft>[0]> = {}) => baseDraft({ ...over })
  const baseDraft = (over: Record<string, unknown>) => ({
    name: 'Personal',
    accessKeyId: keys.accessKeyId,
    secretAccessKey: keys.secretAccessKey,
    region: 'eu-west-1',
    endpoint: null as string | null,
    forcePathStyle: false,
    secretStorage: 'keychain' as const,
    ...over,
  })

  it('adds a profile after checking the keys, and lists its buckets with region and date', async () => {
    const h = await makeBackend(moto.endpoint)
    const profile = await h.ok('profiles/add', draft())
    expect(profile.keyIdMasked.endsWith(keys.accessKeyId.slice(-4))).toBe(true)
    expect(profile.keyIdMasked).not.toContain(keys.accessKeyId.slice(0, 8))
    expect(profile.hasSecret).toBe(true)

    const listed = await h.ok('buckets/list', { profileId: profile.id })
    expect(listed.map((b) => [b.name, b.region])).toEqual([
      ['fotos-django', 'us-east-1'],
      ['media-eu', 'eu-west-1'],
    ])
    for (const bucket of listed) expect(Date.parse(bucket.createdAt ?? '')).toBeGreaterThan(Date.parse('2020-01-01'))

    expect(await h.secretStore.get(`profile:${profile.id}`)).toBe(keys.secretAccessKey)
    const onDisk = await h.dataFolderText()
    expect(onDisk).toContain(profile.id)
    expect(onDisk).not.toContain(keys.secretAccessKey)
    await h.dispose()
  })

  it('says the secret is wrong, and saves nothing', async () => {
    const h = await makeBackend(moto.endpoint)
    const wrong = `${keys.secretAccessKey.slice(0, -1)}${keys.secretAccessKey.endsWith('A') ? 'B' : 'A'}`
    const result = await h.call('profiles/add', draft({ secretAccessKey: wrong }))
    expect(result).toMatchObject({ ok: false, error: { code: 'signature-mismatch' } })
    if (!result.ok) expect(result.error.hint).toMatch(/secret access key/i)
    expect(await h.ok('profiles/list', {})).toEqual([])
    expect(await h.secretStore.list()).toEqual([])
    await h.dispose()
  })

  it('says the access key id is unknown', async () => {
    const h = await makeBackend(moto.endpoint)
    const result = await h.call('profiles/add', draft({ accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-access-key-id' } })
    if (!result.ok) expect(JSON.stringify(result)).not.toContain(keys.secretAccessKey)
    await h.dispose()
  })

  it('checks custom-endpoint profiles with ListBuckets and path-style addressing', async () => {
    const h = await makeBackend(moto.endpoint)
    const profile = await h.ok('profiles/add', draft({ name: 'Local S3', endpoint: `${moto.endpoint}/`, forcePathStyle: true, region: 'auto' }))
    expect(profile.endpoint).toBe(moto.endpoint)
    const listed = await h.ok('buckets/list', { profileId: profile.id })
    expect(listed.map((b) => b.name)).toEqual(['fotos-django', 'media-eu'])
    await h.dispose()
  })

  it('renames, edits, refuses a taken name, and deletes the secret with the profile', async () => {
    const h = await makeBackend(moto.endpoint)
    const a = await h.ok('profiles/add', draft())
    const b = await h.ok('profiles/add', draft({ name: 'Work' }))
    expect(await h.call('profiles/update', { id: b.id, name: 'personal' })).toMatchObject({ ok: false, error: { code: 'profile-name-taken' } })
    expect(await h.call('profiles/add', draft({ name: 'PERSONAL' }))).toMatchObject({ ok: false, error: { code: 'profile-name-taken' } })

    const renamed = await h.ok('profiles/update', { id: a.id, name: 'Mi cuenta', region: 'us-east-1' })
    expect(renamed).toMatchObject({ name: 'Mi cuenta', region: 'us-east-1' })
    const badKeys = await h.call('profiles/update', { id: a.id, accessKeyId: keys.accessKeyId, secretAccessKey: 'not-the-secret' })
    expect(badKeys).toMatchObject({ ok: false, error: { code: 'signature-mismatch' } })
    expect(await h.secretStore.get(`profile:${a.id}`)).toBe(keys.secretAccessKey)

    await h.ok('profiles/delete', { id: a.id })
    expect(await h.secretStore.get(`profile:${a.id}`)).toBeNull()
    expect((await h.ok('profiles/list', {})).map((p) => p.name)).toEqual(['Work'])
    expect(await h.call('buckets/list', { profileId: a.id })).toMatchObject({ ok: false, error: { code: 'profile-not-found' } })
    await h.dispose()
  })

  it('keeps session-only profiles out of the data folder', async () => {
    const h = await makeBackend(moto.endpoint)
    const profile = await h.ok('profiles/add', draft({ secretStorage: 'session' }))
    expect(profile.secretStorage).toBe('session')
    expect(await h.ok('buckets/list', { profileId: profile.id })).toHaveLength(2)
    expect(await h.dataFolderText()).not.toContain(profile.id)
    expect(await h.secretStore.list()).toEqual([])
    await h.dispose()
  })

  it('pushes profiles/changed events without secrets', async () => {
    const h = await makeBackend(moto.endpoint)
    const seen: unknown[] = []
    h.backend.events.subscribe((_event, payload) => seen.push(payload))
    await h.ok('profiles/add', draft())
    expect(seen).toHaveLength(1)
    expect(JSON.stringify(seen)).toContain('Personal')
    expect(JSON.stringify(seen)).not.toContain(keys.secretAccessKey)
    expect(JSON.stringify(seen)).not.toContain(keys.accessKeyId)
    await h.dispose()
  })
})
