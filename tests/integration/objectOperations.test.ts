import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { OperationProgress } from '../../src-main/contract/bridge'
import { toAppError } from '../../src-main/services/aws/awsErrors'
import type { BucketScope } from '../../src-main/services/objects/bucketScope'
import { copyObject } from '../../src-main/services/objects/copyObject'
import { makeTestPng } from '../../src-main/services/setupWizard/testImage'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'
import { longKey, oddKeys } from '../support/oddKeys'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

const bucket = 'cubeta-objects'
// A 1,000-byte key: 'd/' plus 499 two-byte characters.

type Harness = Awaited<ReturnType<typeof makeBackend>>

/** A clean moto, a user with S3 access, a backend and a profile, and every progress event. */
async function freshWorld() {
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  const h = await makeBackend(moto.endpoint)
  const profile = await addSessionProfile(h, keys)
  const progress: OperationProgress[] = []
  h.backend.events.subscribe((event, payload) => {
    if (event === 'objects/progress') progress.push(payload as OperationProgress)
  })
  return { h, profileId: profile.id, progress, s3: adminS3(moto.endpoint) }
}

const put = (s3: S3Client, Key: string, Body: string | Uint8Array = Key, extra: Record<string, unknown> = {}) =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body, ...extra }))

async function putMany(s3: S3Client, keys: string[]) {
  for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => put(s3, k, 'x')))
}

async function allKeys(s3: S3Client, Prefix = ''): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix, ContinuationToken: token }))
    keys.push(...(page.Contents ?? []).map((o) => o.Key!))
    token = page.NextContinuationToken
  } while (token)
  return keys.sort()
}

const bytesOf = async (s3: S3Client, Key: string) =>
  Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToByteArray())

describe('a folder of 1,100 objects', () => {
  let w: Awaited<ReturnType<typeof freshWorld>>
  const big = Array.from({ length: 1100 }, (_, i) => `big/file ${String(i).padStart(4, '0')}+.txt`)
  beforeAll(async () => {
    w = await freshWorld()
    await putMany(w.s3, ['big/', ...big, 'big/sub/inner.txt', 'elsewhere.txt'])
  })
  afterAll(async () => w.h.dispose())

  it('lists in pages of 1,000 with a working continuation token, without the folder marker', async () => {
    const first = await w.h.ok('objects/listPage', { profileId: w.profileId, bucket, prefix: 'big/', token: null })
    expect(first.nextToken).toEqual(expect.any(String))
    expect(first.entries.length).toBeGreaterThan(900)
    const second = await w.h.ok('objects/listPage', { profileId: w.profileId, bucket, prefix: 'big/', token: first.nextToken })
    expect(second.nextToken).toBeNull()
    const entries = [...first.entries, ...second.entries]
    expect(entries.map((e) => e.key)).not.toContain('big/')
    expect(entries.filter((e) => e.kind === 'folder')).toEqual([
      { key: 'big/sub/', name: 'sub', kind: 'folder', size: null, lastModified: null, storageClass: null },
    ])
    const objects = entries.filter((e) => e.kind === 'object')
    expect(objects.map((e) => e.key).sort()).toEqual(big)
    expect(objects[0]).toMatchObject({ name: 'file 0000+.txt', size: 1, storageClass: 'STANDARD' })
    expect(Date.parse(objects[0]!.lastModified!)).toBeGreaterThan(Date.parse('2020-01-01'))
  })

  it('deletes the whole folder in batches, with progress, and leaves the rest', async () => {
    const result = await w.h.ok('objects/delete', { profileId: w.profileId, bucket, keys: ['big/', 'big/file 0001+.txt'], operationId: 'op-del' })
    expect(result).toEqual({ deleted: 1102, failed: [], markers: [] })
    expect(await allKeys(w.s3, 'big/')).toEqual([])
    expect(await allKeys(w.s3)).toEqual(['elsewhere.txt'])
    const events = w.progress.filter((p) => p.operationId === 'op-del')
    expect(events.every((p) => p.kind === 'delete')).toBe(true)
    expect(events.at(-1)).toEqual({ operationId: 'op-del', kind: 'delete', done: 1102, total: 1102, finished: true })
    expect(events.some((p) => !p.finished && p.total === 1102)).toBe(true)
    expect(events.filter((p) => p.finished)).toHaveLength(1)
  })
})

describe('objects against moto', () => {
  let w: Awaited<ReturnType<typeof freshWorld>>
  let h: Harness
  beforeEach(async () => {
    w = await freshWorld()
    h = w.h
  })
  afterEach(async () => h.dispose())
  const ref = (key: string) => ({ profileId: w.profileId, bucket, key })

  it('lists folders and objects with a delimiter, keys exactly as stored', async () => {
    await putMany(w.s3, [...oddKeys, 'año 2024/', 'top.txt'])
    const root = await h.ok('objects/listPage', { profileId: w.profileId, bucket, prefix: '', token: null })
    expect(root.nextToken).toBeNull()
    expect(root.entries.filter((e) => e.kind === 'folder').map((e) => [e.key, e.name]).sort()).toEqual([
      ['año 2024/', 'año 2024'],
      ['d/', 'd'],
      ['📷/', '📷'],
    ])
    expect(root.entries.filter((e) => e.kind === 'object').map((e) => [e.key, e.name]).sort()).toEqual([
      ['a b+c%d?.txt', 'a b+c%d?.txt'],
      ['top.txt', 'top.txt'],
    ])
    const inside = await h.ok('objects/listPage', { profileId: w.profileId, bucket, prefix: 'año 2024/', token: null })
    expect(inside.entries.map((e) => [e.key, e.name, e.kind])).toEqual([['año 2024/foto niño+1 #2.png', 'foto niño+1 #2.png', 'object']])
    // The 1,000-byte key, listed from its own folder.
    const folder = longKey.slice(0, longKey.lastIndexOf('/') + 1)
    const long = await h.ok('objects/listPage', { profileId: w.profileId, bucket, prefix: folder, token: null })
    expect(long.entries.map((e) => e.key)).toEqual([longKey])
  })

  it('creates a folder marker, and refuses one that exists', async () => {
    expect(await h.ok('objects/createFolder', { profileId: w.profileId, bucket, prefix: 'año 2024/', name: 'niños+1' })).toEqual({ key: 'año 2024/niños+1/' })
    const head = await w.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'año 2024/niños+1/' }))
    expect(head.ContentLength).toBe(0)
    const again = await h.call('objects/createFolder', { profileId: w.profileId, bucket, prefix: 'año 2024/', name: 'niños+1' })
    expect(again).toMatchObject({ ok: false, error: { code: 'folder-exists' } })
    // A folder made only of the keys under it exists too.
    await put(w.s3, 'implicit/a.txt')
    expect(await h.call('objects/createFolder', { profileId: w.profileId, bucket, prefix: '', name: 'implicit' })).toMatchObject({ ok: false, error: { code: 'folder-exists' } })
  })

  it('renames an object with a weird key, keeping bytes and headers', async () => {
    await put(w.s3, 'a b+c%d?.txt', 'hola', { ContentType: 'text/plain; charset=utf-8', Metadata: { autor: 'ana' }, CacheControl: 'max-age=60' })
    const result = await h.ok('objects/rename', { profileId: w.profileId, bucket, from: 'a b+c%d?.txt', to: 'año 2024/foto niño+1 #2.txt', operationId: 'op-r1' })
    expect(result).toEqual({ key: 'año 2024/foto niño+1 #2.txt', moved: 1 })
    expect(await allKeys(w.s3)).toEqual(['año 2024/foto niño+1 #2.txt'])
    expect((await bytesOf(w.s3, 'año 2024/foto niño+1 #2.txt')).toString()).toBe('hola')
    const props = await h.ok('objects/properties', ref('año 2024/foto niño+1 #2.txt'))
    expect(props).toMatchObject({ contentType: 'text/plain; charset=utf-8', cacheControl: 'max-age=60', metadata: { autor: 'ana' }, size: 4 })
    expect(w.progress.filter((p) => p.operationId === 'op-r1').at(-1)).toEqual({ operationId: 'op-r1', kind: 'rename', done: 1, total: 1, finished: true })
  })

  it('refuses to overwrite: an existing object, or a folder that has keys', async () => {
    await putMany(w.s3, ['fotos/a.png', 'otras/z.png'])
    await put(w.s3, 'x.txt', 'equis')
    await put(w.s3, 'y.txt', 'ye')
    expect(await h.call('objects/rename', { profileId: w.profileId, bucket, from: 'x.txt', to: 'y.txt', operationId: 'o1' })).toMatchObject({ ok: false, error: { code: 'target-exists' } })
    expect(await h.call('objects/rename', { profileId: w.profileId, bucket, from: 'fotos/', to: 'otras/', operationId: 'o2' })).toMatchObject({ ok: false, error: { code: 'target-exists' } })
    expect(await h.call('objects/rename', { profileId: w.profileId, bucket, from: 'fotos/', to: 'fotos/dentro/', operationId: 'o3' })).toMatchObject({ ok: false, error: { code: 'rename-into-itself' } })
    expect(await h.call('objects/rename', { profileId: w.profileId, bucket, from: 'nada.txt', to: 'algo.txt', operationId: 'o4' })).toMatchObject({ ok: false, error: { code: 'object-not-found' } })
    expect(await allKeys(w.s3)).toEqual(['fotos/a.png', 'otras/z.png', 'x.txt', 'y.txt'])
    expect((await bytesOf(w.s3, 'y.txt')).toString()).toBe('ye')
    expect((await bytesOf(w.s3, 'x.txt')).toString()).toBe('equis')
  })

  it('moves a folder with all its keys, marker included, with progress', async () => {
    const inside = ['fotos/', 'fotos/a b+c%d?.txt', 'fotos/📷/gato 🐱.jpg', 'fotos/sub/deep #1.txt']
    await putMany(w.s3, [...inside, 'fotos-no/other.txt'])
    const result = await h.ok('objects/rename', { profileId: w.profileId, bucket, from: 'fotos/', to: 'imágenes+2024', operationId: 'op-f' })
    expect(result).toEqual({ key: 'imágenes+2024/', moved: 4 })
    expect(await allKeys(w.s3)).toEqual(['fotos-no/other.txt', ...inside.map((k) => k.replace('fotos/', 'imágenes+2024/'))].sort())
    expect((await bytesOf(w.s3, 'imágenes+2024/📷/gato 🐱.jpg')).toString()).toBe('x')
    const events = w.progress.filter((p) => p.operationId === 'op-f')
    expect(events.every((p) => p.kind === 'rename')).toBe(true)
    expect(events.at(-1)).toEqual({ operationId: 'op-f', kind: 'rename', done: 4, total: 4, finished: true })
  })

  it('reads properties, and sets headers keeping the metadata', async () => {
    await put(w.s3, 'docs/informe final.pdf', 'pdf!', { Metadata: { proyecto: 'cubeta', 'x-y': 'z' }, ContentDisposition: 'attachment; filename="informe.pdf"', ContentLanguage: 'es' })
    const before = await h.ok('objects/properties', ref('docs/informe final.pdf'))
    expect(before).toMatchObject({ key: 'docs/informe final.pdf', size: 4, contentType: expect.stringMatching(/octet-stream$/), cacheControl: null, storageClass: 'STANDARD', metadata: { proyecto: 'cubeta', 'x-y': 'z' } })
    expect(before.etag).toMatch(/^"[0-9a-f]{32}"$/)

    const after = await h.ok('objects/setHeaders', { ...ref('docs/informe final.pdf'), contentType: 'application/pdf', cacheControl: 'public, max-age=31536000' })
    expect(after).toMatchObject({ contentType: 'application/pdf', cacheControl: 'public, max-age=31536000', metadata: { proyecto: 'cubeta', 'x-y': 'z' }, size: 4 })
    const head = await w.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'docs/informe final.pdf' }))
    expect(head.ContentDisposition).toBe('attachment; filename="informe.pdf"')
    expect(head.ContentLanguage).toBe('es')
    expect((await bytesOf(w.s3, 'docs/informe final.pdf')).toString()).toBe('pdf!')

    // A null Cache-Control removes it.
    const cleared = await h.ok('objects/setHeaders', { ...ref('docs/informe final.pdf'), contentType: 'application/pdf', cacheControl: null })
    expect(cleared.cacheControl).toBeNull()
    expect(await h.call('objects/properties', ref('nope.txt'))).toMatchObject({ ok: false, error: { code: 'object-not-found' } })
  })

  it('previews images as data: URLs (by type or by extension), and refuses the rest', async () => {
    const png = makeTestPng()
    await put(w.s3, 'año 2024/foto niño+1 #2.png', png, { ContentType: 'image/png' })
    await put(w.s3, 'sin tipo.png', png)
    await put(w.s3, 'dibujo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', { ContentType: 'text/xml' })
    await put(w.s3, 'notas.txt', 'hola', { ContentType: 'text/plain' })
    await put(w.s3, 'enorme.png', new Uint8Array(10 * 1024 * 1024 + 1), { ContentType: 'image/png' })

    const preview = await h.ok('objects/preview', ref('año 2024/foto niño+1 #2.png'))
    expect(preview.reason).toBeNull()
    expect(preview.dataUrl?.startsWith('data:image/png;base64,')).toBe(true)
    expect(Buffer.from(preview.dataUrl!.split(',')[1]!, 'base64').equals(png)).toBe(true)
    expect((await h.ok('objects/preview', ref('sin tipo.png'))).dataUrl?.startsWith('data:image/png;base64,')).toBe(true)
    expect((await h.ok('objects/preview', ref('dibujo.svg'))).dataUrl?.startsWith('data:image/svg+xml;base64,')).toBe(true)
    expect(await h.ok('objects/preview', ref('notas.txt'))).toEqual({ dataUrl: null, reason: 'not an image' })
    expect(await h.ok('objects/preview', ref('enorme.png'))).toEqual({ dataUrl: null, reason: 'larger than 10 MB' })
    expect(await h.call('objects/preview', ref('nope.png'))).toMatchObject({ ok: false, error: { code: 'object-not-found' } })
  })
})

describe('multipart copy (the path for objects above 5 GB, with small parts)', () => {
  beforeEach(async () => {
    await resetMoto(moto.endpoint)
    await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  })
  const scope = (): BucketScope => ({
    bucket,
    region: 'us-east-1',
    s3: adminS3(moto.endpoint),
    transferS3: adminS3(moto.endpoint),
    connection: { accessKeyId: '', secretAccessKey: '', region: 'us-east-1', endpoint: null, forcePathStyle: false, keyIdMasked: '', pinnedBucket: null, publicBaseUrl: null },
    fail: (error, action) => toAppError(error, { action }),
  })
  const small = { singleCopyLimit: 0, partSize: 5 * 1024 * 1024 }

  it('copies by ranges and keeps the headers', async () => {
    const s3 = adminS3(moto.endpoint)
    const body = randomBytes(11 * 1024 * 1024)
    await put(s3, 'vídeos/a b+c #1?.mp4', body, { ContentType: 'video/mp4', Metadata: { autor: 'ana' }, CacheControl: 'max-age=5' })
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'vídeos/a b+c #1?.mp4' }))
    await copyObject(scope(), { key: 'vídeos/a b+c #1?.mp4', size: body.length, etag: head.ETag!, storageClass: null }, 'copia #1?.mp4', null, small)
    expect((await bytesOf(s3, 'copia #1?.mp4')).equals(body)).toBe(true)
    const copied = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'copia #1?.mp4' }))
    expect(copied).toMatchObject({ ContentType: 'video/mp4', Metadata: { autor: 'ana' }, CacheControl: 'max-age=5' })
    expect(copied.ETag).toMatch(/-3"$/)
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
  })

  it('aborts the upload when a part fails, leaving no parts behind', async () => {
    const s3 = adminS3(moto.endpoint)
    // Sanity: moto does list unfinished uploads, so the empty list below means something.
    const probe = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'probe' }))
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads?.map((u) => u.UploadId)).toEqual([probe.UploadId])
    await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'probe', UploadId: probe.UploadId }))

    const replace = { ContentType: 'video/mp4' }
    await expect(copyObject(scope(), { key: 'missing.mp4', size: 12 * 1024 * 1024, etag: null, storageClass: null }, 'copy.mp4', replace, small)).rejects.toMatchObject({ code: 'object-not-found' })
    expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
    expect(await allKeys(s3)).toEqual([])
  })
})
