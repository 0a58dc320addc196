import { GetObjectTaggingCommand, HeadObjectCommand, ListObjectVersionsCommand, PutBucketVersioningCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam'
import { beforeAll, describe, expect, it } from 'vitest'
import type { OperationProgress } from '../../src-main/contract/bridge'
import { toAppError } from '../../src-main/services/aws/awsErrors'
import type { BucketScope } from '../../src-main/services/objects/bucketScope'
import { changeStorageClass } from '../../src-main/services/objectTools/storageClass'
import { useSeededBackend } from '../support/backendHarness'
import { adminS3, motoAdmin, setIamEnforcement } from '../support/moto'

/**
 * Object tools against moto: tags (one object and a selection, with a cancel), user
 * metadata with the headers, storage class changes (also as a multipart copy) and
 * restores of archived objects, and keys that may not use them.
 */
const bucket = 'archivo'
const versioned = 'archivo-historial'
const world = useSeededBackend({ buckets: [{ name: bucket, region: 'us-east-1' }, { name: versioned, region: 'us-east-1' }] })
let s3: S3Client
beforeAll(async () => {
  s3 = adminS3(world.moto.endpoint)
  await s3.send(new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }))
})

const put = (Key: string, extra: Record<string, unknown> = {}, Bucket = bucket) => s3.send(new PutObjectCommand({ Bucket, Key, Body: `bytes of ${Key}`, ...extra }))
const head = (Key: string, Bucket = bucket) => s3.send(new HeadObjectCommand({ Bucket, Key }))
const tagsOf = async (Key: string, Bucket = bucket) => ((await s3.send(new GetObjectTaggingCommand({ Bucket, Key }))).TagSet ?? []).map((t) => `${t.Key}=${t.Value}`)
const at = (key: string) => ({ profileId: world.profileId, bucket, key })
const inBucket = () => ({ profileId: world.profileId, bucket })

describe('an object’s tags', () => {
  it('reads, replaces and clears the tag set, reading it back from S3', async () => {
    await put('fotos/playa.jpg', { Tagging: 'proyecto=blog' })
    expect(await world.h.ok('objects/tags', at('fotos/playa.jpg'))).toEqual({ tags: [{ key: 'proyecto', value: 'blog' }] })
    const written = await world.h.ok('objects/setTags', { ...at('fotos/playa.jpg'), tags: [{ key: 'proyecto', value: 'año 2024' }, { key: 'ruta', value: 'a/b:c' }] })
    expect(written.tags).toEqual([{ key: 'proyecto', value: 'año 2024' }, { key: 'ruta', value: 'a/b:c' }])
    expect(await tagsOf('fotos/playa.jpg')).toEqual(['proyecto=año 2024', 'ruta=a/b:c'])
    expect((await world.h.ok('objects/setTags', { ...at('fotos/playa.jpg'), tags: [] })).tags).toEqual([])
  })

  it('refuses what S3 would refuse before sending, and says a missing object is gone', async () => {
    await put('fotos/rio.jpg', { Tagging: 'keep=me' })
    for (const tags of [[{ key: 'aws:x', value: '' }], Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: '' })), [{ key: 'a', value: 'x*y' }]]) {
      const refused = await world.h.call('objects/setTags', { ...at('fotos/rio.jpg'), tags })
      expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid-input')
    }
    expect(await tagsOf('fotos/rio.jpg')).toEqual(['keep=me'])
    const gone = await world.h.call('objects/tags', at('fotos/nada.jpg'))
    expect(gone.ok ? 'ok' : gone.error.code).toBe('object-not-found')
  })
})

describe('one tag over a selection', () => {
  it('adds, replaces or leaves each object’s tag, keeping its other tags, and says what it did to each', async () => {
    await put('lote/a.txt', { Tagging: 'otro=1' })
    await put('lote/b.txt', { Tagging: 'estado=borrador' })
    await put('lote/sub/c.txt', { Tagging: Array.from({ length: 10 }, (_, i) => `k${i}=v`).join('&') })
    await put('suelto.txt')
    const outcome = await world.h.ok('objects/applyTag', { ...inBucket(), keys: ['lote/', 'suelto.txt'], change: { action: 'set', key: 'estado', value: 'final' }, operationId: 'tag-1' })
    expect(outcome.stopped).toBeNull()
    expect(outcome.total).toBe(4)
    expect(outcome.results.map((r) => [r.key, r.outcome])).toEqual([
      ['suelto.txt', 'added'],
      ['lote/a.txt', 'added'],
      ['lote/b.txt', 'replaced'],
      ['lote/sub/c.txt', 'too-many'],
    ])
    expect(await tagsOf('lote/a.txt')).toEqual(['otro=1', 'estado=final'])
    expect(await tagsOf('lote/b.txt')).toEqual(['estado=final'])
    expect(await tagsOf('lote/sub/c.txt')).toHaveLength(10)

    const removed = await world.h.ok('objects/applyTag', { ...inBucket(), keys: ['lote/a.txt', 'lote/b.txt', 'suelto.txt', 'lote/sub/c.txt'], change: { action: 'remove', key: 'otro' }, operationId: 'tag-2' })
    expect(removed.results.map((r) => r.outcome)).toEqual(['removed', 'unchanged', 'unchanged', 'unchanged'])
    expect(await tagsOf('lote/a.txt')).toEqual(['estado=final'])
  })

  it('stops between objects when cancelled, leaving the rest untouched, with progress on the way', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `muchos/${String(i).padStart(2, '0')}.txt`)
    for (const key of keys) await put(key)
    const seen: OperationProgress[] = []
    const unsubscribe = world.h.backend.events.subscribe((event, payload) => {
      if (event !== 'objects/progress') return
      const progress = payload as OperationProgress
      if (progress.operationId !== 'tag-3') return
      seen.push(progress)
      if (progress.done > 0 && seen.filter((p) => p.done > 0).length === 1) void world.h.ok('operations/cancel', { operationId: 'tag-3' })
    })
    const outcome = await world.h.ok('objects/applyTag', { ...inBucket(), keys: ['muchos/'], change: { action: 'set', key: 'lote', value: 'x' }, operationId: 'tag-3' }).finally(unsubscribe)
    expect(outcome.stopped).toBe('cancelled')
    expect(outcome.total).toBe(40)
    expect(outcome.results.length).toBeLessThan(40)
    expect(seen.at(-1)).toMatchObject({ kind: 'tags', finished: true, total: 40 })
    const touched = new Set(outcome.results.map((r) => r.key))
    const untouched = keys.find((k) => !touched.has(k))!
    expect(await tagsOf(untouched)).toEqual([])
    expect(await tagsOf([...touched][0]!)).toEqual(['lote=x'])
  })
})

describe('user metadata with the headers', () => {
  const original = { ContentType: 'application/pdf', ContentDisposition: 'inline', ContentLanguage: 'es', CacheControl: 'max-age=60', Metadata: { autor: 'ana' }, Tagging: 'curso=django' }

  it('replaces x-amz-meta-* (names lowercased) and keeps the other headers and the tags', async () => {
    await put('docs/guia.pdf', original)
    const after = await world.h.ok('objects/setHeaders', { ...at('docs/guia.pdf'), contentType: 'application/pdf', cacheControl: 'max-age=60', metadata: [{ name: 'Revisado-Por', value: 'Luis' }, { name: 'x-amz-meta-origen', value: 'aula 3' }] })
    expect(after.metadata).toEqual({ 'revisado-por': 'Luis', origen: 'aula 3' })
    const now = await head('docs/guia.pdf')
    expect(now).toMatchObject({ ContentType: 'application/pdf', ContentDisposition: 'inline', ContentLanguage: 'es', CacheControl: 'max-age=60', Metadata: { 'revisado-por': 'Luis', origen: 'aula 3' } })
    expect(await tagsOf('docs/guia.pdf')).toEqual(['curso=django'])
    // Without `metadata`, the headers dialog's own edit keeps it as it is.
    await world.h.ok('objects/setHeaders', { ...at('docs/guia.pdf'), contentType: 'text/plain', cacheControl: null })
    expect((await head('docs/guia.pdf')).Metadata).toEqual({ 'revisado-por': 'Luis', origen: 'aula 3' })
  })

  it('refuses metadata S3 would refuse or mangle, before sending', async () => {
    for (const metadata of [[{ name: 'año', value: 'x' }], [{ name: 'autor', value: 'José' }], [{ name: 'a', value: 'v'.repeat(2048) }], [{ name: 'A', value: '1' }, { name: 'a', value: '2' }]]) {
      const refused = await world.h.call('objects/setHeaders', { ...at('docs/guia.pdf'), contentType: 'text/plain', cacheControl: null, metadata })
      expect(refused.ok ? 'ok' : refused.error.code, JSON.stringify(metadata).slice(0, 40)).toBe('invalid-input')
    }
  })

  it('in a versioned bucket makes a new version and keeps the old one', async () => {
    await put('guia.pdf', original, versioned)
    await world.h.ok('objects/setHeaders', { profileId: world.profileId, bucket: versioned, key: 'guia.pdf', contentType: 'application/pdf', cacheControl: null, metadata: [] })
    expect((await head('guia.pdf', versioned)).Metadata).toEqual({})
    expect(await tagsOf('guia.pdf', versioned)).toEqual(['curso=django'])
    const versions = await s3.send(new ListObjectVersionsCommand({ Bucket: versioned, Prefix: 'guia.pdf' }))
    expect(versions.Versions).toHaveLength(2)
  })
})

describe('storage class', () => {
  it('copies a selection in place to another class and back, keeping headers, metadata and tags', async () => {
    await put('clase/a.css', { ContentType: 'text/css', CacheControl: 'no-cache', Metadata: { hash: 'abc' }, Tagging: 'tipo=estatico' })
    await put('clase/b.js', { ContentType: 'text/javascript', StorageClass: 'STANDARD_IA' })
    const outcome = await world.h.ok('objects/setStorageClass', { ...inBucket(), keys: ['clase/'], storageClass: 'STANDARD_IA', operationId: 'sc-1' })
    expect(outcome.results.map((r) => [r.key, r.outcome])).toEqual([['clase/a.css', 'changed'], ['clase/b.js', 'unchanged']])
    expect(await head('clase/a.css')).toMatchObject({ StorageClass: 'STANDARD_IA', ContentType: 'text/css', CacheControl: 'no-cache', Metadata: { hash: 'abc' } })
    expect(await tagsOf('clase/a.css')).toEqual(['tipo=estatico'])
    const page = await world.h.ok('objects/listPage', { ...inBucket(), prefix: 'clase/', token: null })
    expect(page.entries.map((e) => e.storageClass)).toEqual(['STANDARD_IA', 'STANDARD_IA'])

    // Back to STANDARD must name the class: a copy onto itself that names none is refused by S3.
    await world.h.ok('objects/setStorageClass', { ...inBucket(), keys: ['clase/a.css'], storageClass: 'STANDARD', operationId: 'sc-2' })
    const back = await head('clase/a.css')
    expect(back.StorageClass ?? 'STANDARD').toBe('STANDARD')
    expect(back).toMatchObject({ ContentType: 'text/css', CacheControl: 'no-cache', Metadata: { hash: 'abc' } })
    expect(await tagsOf('clase/a.css')).toEqual(['tipo=estatico'])
  })

  it('over the single-copy limit, copies in parts and still keeps headers, metadata and tags', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 7)
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'video.mp4', Body: big, ContentType: 'video/mp4', Metadata: { toma: '3' }, Tagging: 'curso=django&parte=2' }))
    const scope: BucketScope = { bucket, region: 'us-east-1', s3, transferS3: s3, connection: {} as BucketScope['connection'], fail: (error, action, permission) => toAppError(error, { action, ...(permission ? { permission } : {}) }) }
    expect(await changeStorageClass(scope, 'video.mp4', 'ONEZONE_IA', { singleCopyLimit: 5 * 1024 * 1024, partSize: 5 * 1024 * 1024 })).toBe('changed')
    const now = await head('video.mp4')
    expect(now).toMatchObject({ StorageClass: 'ONEZONE_IA', ContentType: 'video/mp4', Metadata: { toma: '3' }, ContentLength: big.length })
    expect(now.ETag).toMatch(/-3"$/)
    expect(await tagsOf('video.mp4')).toEqual(['curso=django', 'parte=2'])
  })
})

describe('archived objects and restores', () => {
  it('refuses to change the class of an archived object until it is restored, then restores it and shows the state', async () => {
    await put('frio/acta.pdf', { StorageClass: 'GLACIER', ContentType: 'application/pdf', Tagging: 'anio=2019' })
    await put('frio/hondo.pdf', { StorageClass: 'DEEP_ARCHIVE' })
    await put('frio/tibio.pdf', { StorageClass: 'GLACIER_IR' })
    const before = await world.h.ok('objects/properties', at('frio/acta.pdf'))
    expect(before).toMatchObject({ storageClass: 'GLACIER', restore: null })
    const refused = await world.h.ok('objects/setStorageClass', { ...inBucket(), keys: ['frio/acta.pdf'], storageClass: 'STANDARD', operationId: 'sc-3' })
    expect(refused.results[0]).toMatchObject({ outcome: 'failed', error: { code: 'object-archived' } })

    const restore = await world.h.ok('objects/restore', { ...inBucket(), keys: ['frio/'], days: 2, tier: 'Expedited', operationId: 'rs-1' })
    expect(restore.results.map((r) => [r.key, r.outcome, r.error?.code ?? null])).toEqual([
      ['frio/acta.pdf', 'requested', null],
      // Deep Archive has no Expedited tier: refused before sending, with the tiers it has.
      ['frio/hondo.pdf', 'failed', 'restore-tier-not-allowed'],
      ['frio/tibio.pdf', 'not-archived', null],
    ])
    const deep = await world.h.ok('objects/restore', { ...inBucket(), keys: ['frio/hondo.pdf'], days: 1, tier: 'Bulk', operationId: 'rs-2' })
    expect(deep.results[0]?.outcome).toBe('requested')

    // moto finishes a restore at once (it may report "in progress" first); real S3 takes minutes to hours.
    let state = (await world.h.ok('objects/properties', at('frio/acta.pdf'))).restore
    for (let i = 0; i < 5 && state?.state !== 'ready'; i++) state = (await world.h.ok('objects/properties', at('frio/acta.pdf'))).restore
    expect(state).toMatchObject({ state: 'ready' })
    const until = state?.state === 'ready' ? state.until : null
    expect(Date.parse(until ?? '') - Date.now()).toBeGreaterThan(24 * 3600_000)

    const moved = await world.h.ok('objects/setStorageClass', { ...inBucket(), keys: ['frio/acta.pdf'], storageClass: 'STANDARD_IA', operationId: 'sc-4' })
    expect(moved.results[0]?.outcome).toBe('changed')
    expect(await head('frio/acta.pdf')).toMatchObject({ StorageClass: 'STANDARD_IA', ContentType: 'application/pdf' })
    expect(await tagsOf('frio/acta.pdf')).toEqual(['anio=2019'])
  })
})

describe('a key that may not use the object tools', () => {
  it('names the missing permission for reading tags, writing them and restoring', async () => {
    await put('cerrado/x.txt', { StorageClass: 'GLACIER' })
    const iam = new IAMClient({ region: 'us-east-1', endpoint: world.moto.endpoint, credentials: motoAdmin })
    await iam.send(new PutUserPolicyCommand({
      UserName: world.keys.userName,
      PolicyName: 'no-object-tools',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['s3:GetObjectTagging', 's3:PutObjectTagging', 's3:RestoreObject'], Resource: '*' }] }),
    }))
    await setIamEnforcement(world.moto.endpoint, true)
    try {
      const read = await world.h.call('objects/tags', at('cerrado/x.txt'))
      expect(read.ok ? null : read.error).toMatchObject({ code: 'access-denied', params: { permission: 's3:GetObjectTagging' } })
      const write = await world.h.call('objects/setTags', { ...at('cerrado/x.txt'), tags: [{ key: 'a', value: 'b' }] })
      expect(write.ok ? null : write.error).toMatchObject({ code: 'access-denied', params: { permission: 's3:PutObjectTagging' } })
      const restore = await world.h.ok('objects/restore', { ...inBucket(), keys: ['cerrado/x.txt'], days: 1, tier: 'Standard', operationId: 'rs-3' })
      expect(restore.results[0]).toMatchObject({ outcome: 'failed', error: { code: 'access-denied', params: { permission: 's3:RestoreObject' } } })
      expect(restore.results[0]?.error?.message).toMatch(/s3:RestoreObject/)
    } finally {
      await setIamEnforcement(world.moto.endpoint, false)
    }
  })
})
