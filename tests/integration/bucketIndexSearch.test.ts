import { copyFile, writeFile } from 'node:fs/promises'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mapWithConcurrency } from '../../src-main/core/async/workerPool'
import { makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'
import { startFaultProxy } from '../support/faultProxy'
import { indexFilePath, nextIndexStatus, searchAll } from '../support/searchHarness'

/**
 * The bucket index and search, against moto
 *
 * 1,500 keys in nested folders (3 listing pages, so a cold search really streams), some
 * with capitals and accents. Expected results are computed here from the seeded keys,
 * never copied from what the app returned.
 */
let moto: Moto
const bucket = 'indice-media'
const other = 'otro-bucket'
const keys: string[] = []
for (let i = 0; i < 1500; i++) keys.push(`media/${2022 + (i % 3)}/album-${i % 7}/${i % 10 === 0 ? 'Foto' : 'img'}_${String(i).padStart(4, '0')}.${['png', 'jpg', 'css', 'webp'][i % 4]}`)
keys.push('Fotos/NIÑO en la playa.jpg', 'static/app.3f9a2c.css', 'leeme.txt', 'media/')
const sizeOf = (key: string) => (key.endsWith('.png') ? 2048 : key.endsWith('/') ? 0 : 10)

let keysOfProfile: { accessKeyId: string; secretAccessKey: string }
beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
  keysOfProfile = await seedAccount(moto.endpoint, [
    { name: bucket, region: 'us-east-1' },
    { name: other, region: 'us-east-1' },
  ])
  const s3 = adminS3(moto.endpoint)
  await mapWithConcurrency(keys, 16, (Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Buffer.alloc(sizeOf(Key)) })))
  await s3.send(new PutObjectCommand({ Bucket: other, Key: 'solo.txt', Body: 'x' }))
}, 120_000)
afterAll(async () => moto?.stop())

/** S3 lists, and search answers, in UTF-8 byte order. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))
const objects = keys.filter((k) => !k.endsWith('/')).sort(byBytes)
/** Kept in a (test) keychain, so a restart on the same data folder can still reach the bucket. */
const addProfile = (h: Awaited<ReturnType<typeof makeBackend>>) =>
  h.ok('profiles/add', { name: 'Blog', accessKeyId: keysOfProfile.accessKeyId, secretAccessKey: keysOfProfile.secretAccessKey, region: 'us-east-1', endpoint: null, forcePathStyle: false, secretStorage: 'keychain' })

describe('bucket index and search', () => {
  it('a cold search streams matches while the bucket is listed; then the index answers, also after a restart', async () => {
    const h = await makeBackend(moto.endpoint)
    try {
      const profile = await addProfile(h)
      const cold = await searchAll(h.backend, { profileId: profile.id, bucket, query: '*.png' })
      const expected = objects.filter((k) => k.endsWith('.png'))
      expect(cold.error).toBeNull()
      expect(cold.source).toBe('listing')
      expect(cold.keys).toEqual(expected)
      // Results came in several events, the first before the listing had finished.
      // The first results came with the first page of the listing (100 keys), before the rest.
      expect(cold.batches.filter((b) => b.entries.length > 0).length).toBeGreaterThan(1)
      const firstPageEnd = [...keys].sort(byBytes)[99]!
      expect(cold.batches[0]!.entries.every((e) => byBytes(e.key, firstPageEnd) <= 0)).toBe(true)

      const status = unwrapStatus(await h.call('index/status', { profileId: profile.id, bucket }))
      expect(status).toMatchObject({ state: 'ready', complete: true, keyCount: keys.length, stale: false, notice: null })

      const warm = await searchAll(h.backend, { profileId: profile.id, bucket, query: 'niño' })
      expect(warm.source).toBe('index')
      expect(warm.keys).toEqual(['Fotos/NIÑO en la playa.jpg'])
      expect((await searchAll(h.backend, { profileId: profile.id, bucket, query: 'NIÑO', caseSensitive: true })).keys).toEqual(['Fotos/NIÑO en la playa.jpg'])
      expect((await searchAll(h.backend, { profileId: profile.id, bucket, query: 'nino', caseSensitive: true })).keys).toEqual([])

      // Restarted on the same data folder: the index is there, no listing needed.
      await h.close()
      const again = await makeBackend(moto.endpoint, { dataDir: h.dataDir, secretStore: h.secretStore })
      const restored = unwrapStatus(await again.call('index/status', { profileId: profile.id, bucket }))
      expect(restored).toMatchObject({ state: 'ready', keyCount: keys.length })
      const fromDisk = await searchAll(again.backend, { profileId: profile.id, bucket, query: 'media/2023/**/foto*' })
      expect(fromDisk.source).toBe('index')
      expect(fromDisk.keys).toEqual(objects.filter((k) => /^media\/2023\/.*\/foto[^/]*$/i.test(k)))
      expect(fromDisk.keys.length).toBeGreaterThan(0)
      await again.dispose()
    } finally {
      await h.dispose()
    }
  })

  it('filters by folder, size, type and date, and never returns folder markers', async () => {
    const h = await makeBackend(moto.endpoint)
    try {
      const profile = await addProfile(h)
      const base = { profileId: profile.id, bucket }
      const inFolder = await searchAll(h.backend, { ...base, query: 'album-3', scope: 'media/2024/' })
      expect(inFolder.keys).toEqual(objects.filter((k) => k.startsWith('media/2024/') && k.includes('album-3')))
      const big = await searchAll(h.backend, { ...base, query: '', minSize: 1000 })
      expect(big.keys).toEqual(objects.filter((k) => sizeOf(k) >= 1000))
      const styles = await searchAll(h.backend, { ...base, query: '', type: 'code', scope: 'static/' })
      expect(styles.keys).toEqual(['static/app.3f9a2c.css'])
      const future = await searchAll(h.backend, { ...base, query: 'img', modifiedAfter: new Date(Date.now() + 86_400_000).toISOString() })
      expect(future.keys).toEqual([])
      const everything = await searchAll(h.backend, { ...base, query: '' })
      expect(everything.keys).toEqual(objects)
      expect(everything.matched).toBe(objects.length)
    } finally {
      await h.dispose()
    }
  })

  it("follows Cubeta's own deletes, renames and new folders without a new listing", async () => {
    const h = await makeBackend(moto.endpoint)
    try {
      const profile = await addProfile(h)
      const base = { profileId: profile.id, bucket }
      await searchAll(h.backend, { ...base, query: 'leeme' })
      let changed = nextIndexStatus(h.backend, () => true)
      await h.ok('objects/rename', { ...base, from: 'leeme.txt', to: 'docs/LEEME-primero.txt', operationId: 'op-r' })
      await changed
      expect((await searchAll(h.backend, { ...base, query: 'leeme' })).keys).toEqual(['docs/LEEME-primero.txt'])
      changed = nextIndexStatus(h.backend, () => true)
      await h.ok('objects/delete', { ...base, keys: ['docs/LEEME-primero.txt'], operationId: 'op-d' })
      await changed
      expect((await searchAll(h.backend, { ...base, query: 'leeme' })).keys).toEqual([])
      // The key count is kept between writes (counting 1,000,000 rows is slow): a delete changes it.
      expect(unwrapStatus(await h.call('index/status', base)).keyCount).toBe(keys.length - 1)
      changed = nextIndexStatus(h.backend, () => true)
      await h.ok('objects/rename', { ...base, from: 'Fotos/', to: 'Fotografías/', operationId: 'op-f' })
      await changed
      expect((await searchAll(h.backend, { ...base, query: 'playa' })).keys).toEqual(['Fotografías/NIÑO en la playa.jpg'])
      await h.ok('objects/rename', { ...base, from: 'Fotografías/', to: 'Fotos/', operationId: 'op-b' })
      await h.ok('objects/rename', { ...base, from: 'docs/', to: 'x/', operationId: 'op-x' }).catch(() => undefined)
      await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'leeme.txt', Body: Buffer.alloc(10) }))
    } finally {
      await h.dispose()
    }
  })

  it('a damaged or foreign index file is thrown away, said so, and rebuilt', async () => {
    const h = await makeBackend(moto.endpoint)
    const profile = await addProfile(h)
    await searchAll(h.backend, { profileId: profile.id, bucket: other, query: 'solo' })
    await searchAll(h.backend, { profileId: profile.id, bucket, query: 'leeme' })
    await h.close()

    await writeFile(indexFilePath(h.dataDir, profile.id, bucket), 'this is not a database, it was truncated by a crash'.repeat(200))
    let restarted = await makeBackend(moto.endpoint, { dataDir: h.dataDir, secretStore: h.secretStore })
    const damaged = unwrapStatus(await restarted.call('index/status', { profileId: profile.id, bucket }))
    expect(damaged).toMatchObject({ state: 'none', keyCount: 0, notice: 'rebuilt-damaged' })
    expect((await searchAll(restarted.backend, { profileId: profile.id, bucket, query: 'leeme' })).keys).toEqual(['leeme.txt'])
    expect(unwrapStatus(await restarted.call('index/status', { profileId: profile.id, bucket }))).toMatchObject({ state: 'ready', keyCount: keys.length })
    await restarted.close()

    // Another bucket's index under this bucket's name is not trusted either.
    await copyFile(indexFilePath(h.dataDir, profile.id, other), indexFilePath(h.dataDir, profile.id, bucket))
    restarted = await makeBackend(moto.endpoint, { dataDir: h.dataDir, secretStore: h.secretStore })
    expect(unwrapStatus(await restarted.call('index/status', { profileId: profile.id, bucket }))).toMatchObject({ state: 'none', notice: 'rebuilt-damaged' })
    expect((await searchAll(restarted.backend, { profileId: profile.id, bucket, query: 'solo' })).keys).toEqual([])
    await restarted.dispose()
  })

  it('a path glob reads only its folder, also while the listing is half written', async () => {
    // The second page waits at a proxy, so the search starts with the first page (100 keys,
    // into media/2022/album-1/) in the index, and reads the rest of its folder from the listing.
    const slow = await startFaultProxy(moto.endpoint)
    slow.add({ match: (r) => r.method === 'GET' && r.url.searchParams.has('continuation-token'), fault: { kind: 'latency', ms: 3_000 }, times: 100 })
    const h = await makeBackend(slow.endpoint)
    try {
      const profile = await addProfile(h)
      const base = { profileId: profile.id, bucket }
      const expected = objects.filter((k) => /^media\/2022\/(?:[^/]*\/)*foto[^/]*$/i.test(k))
      const firstPage = nextIndexStatus(h.backend, (s) => s.state === 'building' && s.listed > 0)
      unwrapStatus(await h.call('index/refresh', base))
      await firstPage
      const halfWritten = await searchAll(h.backend, { ...base, query: 'MEDIA/2022/**/FOTO*' })
      expect(halfWritten.source).toBe('listing')
      expect(halfWritten.keys).toEqual(expected)
      const fromIndex = await searchAll(h.backend, { ...base, query: 'media/2022/**/foto*' })
      expect(fromIndex.source).toBe('index')
      expect(fromIndex.keys).toEqual(expected)
      expect((await searchAll(h.backend, { ...base, query: 'media/2022/**/foto*', caseSensitive: true })).keys).toEqual([])
      expect((await searchAll(h.backend, { ...base, query: '2023/album-1/*', scope: 'media/' })).keys).toEqual(objects.filter((k) => /^media\/2023\/album-1\/[^/]*$/.test(k)))
      expect(expected.length).toBeGreaterThan(0)
    } finally {
      await h.dispose()
      await slow.close()
    }
  })

  it('a listing can be cancelled, and what it listed stays searchable', async () => {
    // Later pages wait at a proxy, so the listing is still running after its first page
    // however fast the machine is (status events come at most 4 a second).
    const slow = await startFaultProxy(moto.endpoint)
    slow.add({ match: (r) => r.method === 'GET' && r.url.searchParams.has('continuation-token'), fault: { kind: 'latency', ms: 5_000 }, times: 100 })
    const h = await makeBackend(slow.endpoint)
    try {
      const profile = await addProfile(h)
      const firstPage = nextIndexStatus(h.backend, (s) => s.state === 'building' && s.listed > 0)
      const started = unwrapStatus(await h.call('index/refresh', { profileId: profile.id, bucket }))
      expect(started.state).toBe('building')
      await firstPage
      const cancelled = unwrapStatus(await h.call('index/cancel', { profileId: profile.id, bucket }))
      expect(cancelled.state).toBe('none')
      expect(cancelled.complete).toBe(false)
      expect(cancelled.keyCount).toBeGreaterThan(0)
      expect(cancelled.keyCount).toBeLessThan(keys.length)
      expect(h.dataFolderText).toBeDefined()
      expect(await h.dataFolderText()).not.toContain(keysOfProfile.secretAccessKey)
    } finally {
      await h.dispose()
      await slow.close()
    }
  })
})

function unwrapStatus<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(result.error.code)
  return result.value
}
