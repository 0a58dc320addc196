import { GetObjectCommand, HeadObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toAppError } from '../../src-main/services/aws/awsErrors'
import type { BucketScope } from '../../src-main/services/objects/bucketScope'
import { restoreVersion } from '../../src-main/services/versions/versionActions'
import { addSessionProfile, makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'

/**
 * Versions against moto: the folder's versions newest first, restore keeping Content-Type
 * and metadata (also as a multipart copy), undelete, delete for good, a presigned link
 * and a download of one version, and Undo of a delete in a versioned bucket.
 */
let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())

const bucket = 'historial'
const region = 'eu-west-1'
let h: Awaited<ReturnType<typeof makeBackend>>
let profileId: string
let s3: S3Client
let keys: Awaited<ReturnType<typeof seedAccount>>

// One world for the file: each test writes its own keys, so none needs a reset.
beforeAll(async () => {
  await resetMoto(moto.endpoint)
  keys = await seedAccount(moto.endpoint, [{ name: bucket, region }])
  s3 = adminS3(moto.endpoint, region)
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }))
  h = await makeBackend(moto.endpoint)
  profileId = (await addSessionProfile(h, keys, region)).id
})
afterAll(async () => h?.dispose())

const put = async (Key: string, Body: string | Buffer, extra: Record<string, unknown> = {}) => (await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body, ...extra }))).VersionId!
const text = async (Key: string, VersionId?: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key, ...(VersionId ? { VersionId } : {}) }))).Body!.transformToString()
const head = (Key: string) => s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))

describe('the versions of a folder', () => {
  it('says the bucket is versioned, and lists subfolders and every version and marker, newest first per key', async () => {
    expect(await h.ok('versions/status', { profileId, bucket })).toEqual({ status: 'on' })
    const first = await put('docs/informe.pdf', 'v1')
    const second = await put('docs/informe.pdf', 'v2')
    await put('docs/2024/viejo.txt', 'x')
    await put('docs/nota.txt', 'n')
    const marker = (await h.ok('objects/delete', { profileId, bucket, keys: ['docs/nota.txt'], operationId: 'o1' })).markers[0]!

    const page = await h.ok('versions/listPage', { profileId, bucket, prefix: 'docs/', keyMarker: null, versionIdMarker: null })
    expect(page.folders).toEqual(['docs/2024/'])
    expect(page.next).toBeNull()
    expect(page.versions.map((v) => [v.key, v.versionId, v.isLatest, v.isDeleteMarker])).toEqual([
      ['docs/informe.pdf', second, true, false],
      ['docs/informe.pdf', first, false, false],
      ['docs/nota.txt', marker.versionId, true, true],
      ['docs/nota.txt', expect.any(String), false, false],
    ])
    expect(page.versions[0]).toMatchObject({ size: 2, storageClass: 'STANDARD' })
    expect(page.versions[2]).toMatchObject({ size: null })
  })
})

describe('restoring a version', () => {
  it('copies it over the current one, keeping its Content-Type, metadata and bytes, and keeps every version', async () => {
    const first = await put('logo.png', 'first png', { ContentType: 'image/png', Metadata: { autor: 'ana', origen: 'camara' }, CacheControl: 'max-age=60' })
    await put('logo.png', 'second', { ContentType: 'text/plain', Metadata: { autor: 'bob' } })
    const restored = await h.ok('versions/restore', { profileId, bucket, key: 'logo.png', versionId: first })
    expect(await text('logo.png')).toBe('first png')
    const now = await head('logo.png')
    expect(now.ContentType).toBe('image/png')
    expect(now.Metadata).toEqual({ autor: 'ana', origen: 'camara' })
    expect(now.CacheControl).toBe('max-age=60')
    expect(now.VersionId).toBe(restored.versionId)
    const all = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'logo.png' }))
    expect(all.Versions).toHaveLength(3)
  })

  it('keeps the metadata also when the version is copied in parts (over the single-copy limit)', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 7)
    const first = await put('video.mp4', big, { ContentType: 'video/mp4', Metadata: { toma: '1' } })
    await put('video.mp4', 'small now', { ContentType: 'text/plain' })
    const scope: BucketScope = { bucket, region, s3, transferS3: s3, connection: {} as BucketScope['connection'], fail: (error, action) => toAppError(error, { action }) }
    await restoreVersion(scope, 'video.mp4', first, { singleCopyLimit: 5 * 1024 * 1024, partSize: 5 * 1024 * 1024 })
    const now = await head('video.mp4')
    expect(now).toMatchObject({ ContentType: 'video/mp4', Metadata: { toma: '1' }, ContentLength: big.length })
  })

  it('refuses to restore a delete marker, which holds nothing', async () => {
    await put('a.txt', 'a')
    const { markers } = await h.ok('objects/delete', { profileId, bucket, keys: ['a.txt'], operationId: 'o2' })
    const refused = await h.call('versions/restore', { profileId, bucket, key: 'a.txt', versionId: markers[0]!.versionId })
    expect(refused.ok ? null : refused.error.code).toBe('version-is-marker')
  })
})

describe('undelete, Undo and delete for good', () => {
  it('deleting in a versioned bucket adds markers that Undo removes, bringing the files back', async () => {
    await put('fotos/a.jpg', 'a')
    await put('fotos/b.jpg', 'b')
    const deleted = await h.ok('objects/delete', { profileId, bucket, keys: ['fotos/'], operationId: 'o3' })
    expect(deleted.deleted).toBe(2)
    expect(deleted.markers.map((m) => m.key).sort()).toEqual(['fotos/a.jpg', 'fotos/b.jpg'])
    await expect(head('fotos/a.jpg')).rejects.toBeDefined()
    expect(await h.ok('versions/undelete', { profileId, bucket, markers: deleted.markers })).toEqual({ restored: 2, failed: [] })
    expect(await text('fotos/a.jpg')).toBe('a')
    expect(await text('fotos/b.jpg')).toBe('b')
  })

  it('undelete refuses a version id that is not a delete marker, and deletes nothing', async () => {
    const only = await put('unico.txt', 'keep me')
    const outcome = await h.ok('versions/undelete', { profileId, bucket, markers: [{ key: 'unico.txt', versionId: only }] })
    expect(outcome.restored).toBe(0)
    expect(outcome.failed[0]).toMatchObject({ key: 'unico.txt', error: { code: 'not-a-delete-marker' } })
    expect(await text('unico.txt', only)).toBe('keep me')
  })

  it('deletes one version for good, leaving the others', async () => {
    const first = await put('c.txt', 'one')
    const second = await put('c.txt', 'two')
    expect(await h.ok('versions/deletePermanently', { profileId, bucket, versions: [{ key: 'c.txt', versionId: second }] })).toEqual({ deleted: 1, failed: [] })
    const left = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'c.txt' }))
    expect(left.Versions?.map((v) => v.VersionId)).toEqual([first])
    expect(await text('c.txt')).toBe('one')
  })
})

describe('links to a version', () => {
  it('presigns a URL that serves exactly that version', async () => {
    const first = await put('p.txt', 'old words')
    await put('p.txt', 'new words')
    const { url } = await h.ok('versions/presign', { profileId, bucket, key: 'p.txt', versionId: first, expiresInSeconds: 600 })
    expect(url).toContain(`versionId=${first}`)
    expect(await (await fetch(url)).text()).toBe('old words')
  })

  it('downloads a version through a one-time link in browser mode', async () => {
    const first = await put('d.txt', 'the first')
    await put('d.txt', 'the second')
    const answer = await h.ok('versions/download', { profileId, bucket, key: 'd.txt', versionId: first })
    expect(answer.url).toMatch(/^\/api\/download\//)
    const opened = await h.backend.openDownload(answer.url!.split('/').pop()!)
    const chunks: Buffer[] = []
    for await (const chunk of opened!.body as Readable) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString()).toBe('the first')
    expect(opened!.fileName).toBe('d.txt')
  })
})
