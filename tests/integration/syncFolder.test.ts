import { mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, UploadPartCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SyncPair, SyncPreview } from '../../src-main/contract/bridge'
import { makeBackend } from '../support/backendHarness'
import { adminS3, resetMoto, seedAccount, useMoto, type Moto } from '../support/moto'
import { runSync } from '../support/syncHarness'
import { seededBytes } from '../support/seededBytes'

/**
 * Folder sync against moto: compare first, then act
 *
 * A real local folder in a temp dir and a real bucket. Multipart objects come both from
 * Cubeta's queue (8 MiB parts) and from another tool's 5 MiB parts, so the exact rule
 * has to recompute multipart ETags; one object has a part size nobody would guess.
 */
let moto: Moto
let h: Awaited<ReturnType<typeof makeBackend>>
let profileId: string
const bucket = 'sync-estaticos'
const MiB = 1024 * 1024
const s3 = () => adminS3(moto.endpoint)

beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto?.stop())
beforeEach(async () => {
  await h?.dispose()
  await resetMoto(moto.endpoint)
  const keys = await seedAccount(moto.endpoint, [{ name: bucket, region: 'us-east-1' }])
  h = await makeBackend(moto.endpoint, { shell: 'electron' })
  profileId = (await h.ok('profiles/add', { name: 'Blog', accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, region: 'us-east-1', endpoint: null, forcePathStyle: false, secretStorage: 'session' })).id
})

async function folderWith(files: Record<string, Buffer | string>) {
  const root = await mkdtemp(join(tmpdir(), 'cubeta-sync-'))
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), content)
  }
  return root
}
/** Another tool's multipart upload, with its own part size. */
async function multipartUpload(key: string, body: Buffer, partSize: number) {
  const { UploadId } = await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))
  const parts = []
  for (let start = 0, n = 1; start < body.length; start += partSize, n++) {
    const { ETag } = await s3().send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body.subarray(start, start + partSize) }))
    parts.push({ ETag, PartNumber: n })
  }
  await s3().send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }))
}
const pair = (folder: string, fields: Partial<SyncPair> = {}) =>
  h.ok('sync/savePair', { id: null, profileId, bucket, prefix: 'static/', folder, folderFromPage: false, direction: 'upload', rule: 'exact', cacheRules: [{ pattern: '*.{hash}.*', cacheControl: 'public, max-age=31536000, immutable' }], ...fields })
const preview = (pairId: string) => h.ok('sync/preview', { pairId, files: null })
const paths = (category: SyncPreview['transfers']) => category.items.map((i) => i.path).sort()
const listed = async (prefix: string) => ((await s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort()
const remoteBytes = async (key: string) => Buffer.from(await (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())

describe('sync a folder up', () => {
  it('sends new files, then only what changed; deletes only when asked and confirmed', async () => {
    const big = seededBytes('video', 12 * MiB + 123)
    const root = await folderWith({ 'css/app.3f9a2c.css': 'body{}', 'img/logo.png': seededBytes('logo', 5000), 'video/intro.mp4': big, 'leeme.txt': 'hola' })
    const saved = await pair(root)

    const first = await preview(saved.id)
    expect(first.transfers.count).toBe(4)
    expect(first.transfers.bytes).toBe(6 + 5000 + big.length + 4)
    expect(first.transfers.items.every((i) => i.reason === 'new')).toBe(true)
    expect(first.deletions.count).toBe(0)
    const done = await runSync(h.backend, first)
    expect(done.phase).toBe('finished')
    expect(done.failed).toEqual([])
    expect(await listed('static/')).toEqual(['static/css/app.3f9a2c.css', 'static/img/logo.png', 'static/leeme.txt', 'static/video/intro.mp4'])
    const css = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'static/css/app.3f9a2c.css' }))
    expect(css.ContentType).toMatch(/^text\/css/)
    expect(css.CacheControl).toBe('public, max-age=31536000, immutable')
    const logo = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'static/img/logo.png' }))
    expect(logo.ContentType).toBe('image/png')
    expect(logo.CacheControl).toBeUndefined()
    const video = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'static/video/intro.mp4' }))
    expect(video.ETag).toMatch(/-2"$/)

    // Nothing changed: the exact rule recomputes the multipart ETag instead of resending.
    const again = await preview(saved.id)
    expect(again.transfers.count).toBe(0)
    expect(again.unchanged.count).toBe(4)
    expect(again.notExact.count).toBe(0)
    expect(again.unchanged.items.every((i) => i.reason === 'same-checksum')).toBe(true)

    // Two changed (one with the same size), one new, one gone locally.
    await writeFile(join(root, 'img/logo.png'), seededBytes('logo-v2', 5000))
    await writeFile(join(root, 'leeme.txt'), 'hola, mundo')
    await writeFile(join(root, 'nuevo.txt'), 'nuevo')
    await rm(join(root, 'css/app.3f9a2c.css'))
    const changed = await preview(saved.id)
    expect(paths(changed.transfers)).toEqual(['img/logo.png', 'leeme.txt', 'nuevo.txt'])
    expect(changed.transfers.items.find((i) => i.path === 'img/logo.png')!.reason).toBe('content-differs')
    expect(paths(changed.deletions)).toEqual(['css/app.3f9a2c.css'])
    await runSync(h.backend, changed)
    expect(await listed('static/')).toContain('static/css/app.3f9a2c.css')
    expect((await remoteBytes('static/img/logo.png')).equals(seededBytes('logo-v2', 5000))).toBe(true)

    // Deleting needs the very count the preview showed.
    const withDeletes = await preview(saved.id)
    expect(withDeletes.transfers.count).toBe(0)
    const refused = await h.call('sync/run', { previewId: withDeletes.previewId, deleteCount: 2, overwriteNewer: false })
    expect(refused.ok).toBe(false)
    const confirmed = await preview(saved.id)
    await runSync(h.backend, confirmed, { deleteCount: 1 })
    expect(await listed('static/')).toEqual(['static/img/logo.png', 'static/leeme.txt', 'static/nuevo.txt', 'static/video/intro.mp4'])
    const pairs = await h.ok('sync/pairs', {})
    expect(pairs[0]!.lastRun).toMatchObject({ deleted: 1, failed: 0 })
  })

  it("recognises other tools' multipart ETags, and says which files it could not compare exactly", async () => {
    const rcloneLike = seededBytes('rclone', 11 * MiB)
    const odd = seededBytes('odd', 14 * MiB)
    const root = await folderWith({ 'a.bin': rcloneLike, 'b.bin': odd })
    const old = new Date(Date.now() - 3600_000)
    await utimes(join(root, 'a.bin'), old, old)
    await utimes(join(root, 'b.bin'), old, old)
    await multipartUpload('static/a.bin', rcloneLike, 5 * MiB)
    // 6.5 MiB parts: no tool uses them and they are no whole MiB, so no guess reproduces the ETag.
    await multipartUpload('static/b.bin', odd, 6.5 * MiB)
    const saved = await pair(root)
    const seen = await preview(saved.id)
    expect(seen.transfers.count).toBe(0)
    expect(paths(seen.unchanged)).toEqual(['a.bin', 'b.bin'])
    expect(seen.unchanged.items.find((i) => i.path === 'a.bin')!.reason).toBe('same-checksum')
    expect(paths(seen.notExact)).toEqual(['b.bin'])
  })

  it('lists local names that cannot be keys as skipped, and sends the rest', async () => {
    const long = Array.from({ length: 5 }, (_, i) => `${String(i)}${'x'.repeat(240)}`).join('/')
    const root = await folderWith({ 'ok.txt': 'ok', [`${long}/f.txt`]: 'too deep' })
    const saved = await pair(root)
    const seen = await preview(saved.id)
    expect(paths(seen.transfers)).toEqual(['ok.txt'])
    expect(seen.skipped.items).toEqual([expect.objectContaining({ path: `${long}/f.txt`, reason: 'key-too-long' })])
  })

  it('a folder that is gone is reported as such, even while the bucket is being listed', async () => {
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'static/old.txt', Body: 'old' }))
    const root = await folderWith({ 'ok.txt': 'ok' })
    const saved = await pair(root)
    await rm(root, { recursive: true })
    expect(await h.call('sync/preview', { pairId: saved.id, files: null })).toMatchObject({ ok: false, error: { code: 'sync-folder-missing' } })
  })

  it('a cancelled run leaves whole objects only; the next run sends the rest', async () => {
    const files: Record<string, Buffer> = {}
    for (let i = 0; i < 40; i++) files[`f${String(i).padStart(2, '0')}.bin`] = seededBytes(`f${i}`, 256 * 1024)
    const root = await folderWith(files)
    const saved = await pair(root, { rule: 'quick' })
    const first = await preview(saved.id)
    const started = await h.ok('sync/run', { previewId: first.previewId, deleteCount: null, overwriteNewer: false })
    await h.ok('sync/cancel', { runId: started.runId })
    await h.ok('transfers/clearFinished', {})
    for (const key of await listed('static/')) expect((await remoteBytes(key)).equals(files[key.slice('static/'.length)]!)).toBe(true)
    const rest = await preview(saved.id)
    expect(rest.transfers.count + rest.unchanged.count).toBe(40)
    await runSync(h.backend, rest)
    expect((await listed('static/')).length).toBe(40)
    expect((await preview(saved.id)).transfers.count).toBe(0)
  })
})

describe('sync a folder down', () => {
  it('skips names a disk cannot hold, never overwrites a newer local file, and stamps dates so the next compare is quiet', async () => {
    for (const [Key, Body] of [
      ['media/fotos/gato.png', 'gato'],
      ['media/notas.txt', 'notas'],
      ['media/a/../fuera.txt', 'x'],
      ['media/con.txt', 'x'],
      ['media/¿qué?.txt', 'x'],
      ['media/docs', 'file named like a folder'],
      ['media/docs/readme.md', 'readme'],
      ['media/vacía/', ''],
    ] as const) await s3().send(new PutObjectCommand({ Bucket: bucket, Key, Body }))
    const root = await mkdtemp(join(tmpdir(), 'cubeta-down-'))
    await writeFile(join(root, 'sobra.txt'), 'only here')
    const saved = await pair(root, { prefix: 'media/', direction: 'download', rule: 'quick' })

    const seen = await preview(saved.id)
    expect(paths(seen.transfers)).toEqual(['docs/readme.md', 'fotos/gato.png', 'notas.txt'])
    const reasons = Object.fromEntries(seen.skipped.items.map((i) => [i.path, i.reason]))
    expect(reasons).toEqual({ 'a/../fuera.txt': 'dot-segment', 'con.txt': 'reserved-name', '¿qué?.txt': 'forbidden-character', docs: 'file-and-folder:docs/readme.md' })
    expect(paths(seen.deletions)).toEqual(['sobra.txt'])
    const done = await runSync(h.backend, seen)
    expect(done.failed).toEqual([])
    expect(await readFile(join(root, 'fotos/gato.png'), 'utf8')).toBe('gato')
    expect(await readFile(join(root, 'sobra.txt'), 'utf8')).toBe('only here')
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: 'media/notas.txt' }))
    expect(Math.floor((await stat(join(root, 'notas.txt'))).mtimeMs / 1000)).toBe(Math.floor(head.LastModified!.getTime() / 1000))
    expect((await readdir(root, { recursive: true })).some((name) => name.includes('cubeta-partial'))).toBe(false)

    const quiet = await preview(saved.id)
    expect(quiet.transfers.count).toBe(0)
    expect(quiet.unchanged.count).toBe(3)

    // Edited here after the download, and changed in the bucket too: asked, not overwritten.
    await s3().send(new PutObjectCommand({ Bucket: bucket, Key: 'media/notas.txt', Body: 'notas v2 from the bucket' }))
    const later = new Date(Date.now() + 60_000)
    await writeFile(join(root, 'notas.txt'), 'my local edit')
    await utimes(join(root, 'notas.txt'), later, later)
    const conflict = await preview(saved.id)
    expect(paths(conflict.newerAtDestination)).toEqual(['notas.txt'])
    expect(conflict.transfers.count).toBe(0)
    await runSync(h.backend, conflict)
    expect(await readFile(join(root, 'notas.txt'), 'utf8')).toBe('my local edit')
    await runSync(h.backend, await preview(saved.id), { overwriteNewer: true })
    expect(await readFile(join(root, 'notas.txt'), 'utf8')).toBe('notas v2 from the bucket')
  })

  it('an interrupted download leaves no half-written file under a real name; the next run finishes and cleans up', async () => {
    const files: Record<string, Buffer> = {}
    for (let i = 0; i < 30; i++) files[`f${String(i).padStart(2, '0')}.bin`] = seededBytes(`d${i}`, 512 * 1024)
    for (const [name, body] of Object.entries(files)) await s3().send(new PutObjectCommand({ Bucket: bucket, Key: `media/${name}`, Body: body }))
    const root = await mkdtemp(join(tmpdir(), 'cubeta-down-'))
    // What a crash in the middle of writing leaves behind.
    await writeFile(join(root, 'f00.bin.cubeta-partial-deadbeef'), seededBytes('d0', 1000))
    const saved = await pair(root, { prefix: 'media/', direction: 'download', rule: 'exact' })
    const first = await preview(saved.id)
    expect(first.transfers.count).toBe(30)
    const started = await h.ok('sync/run', { previewId: first.previewId, deleteCount: null, overwriteNewer: false })
    await new Promise((r) => setTimeout(r, 150))
    await h.ok('sync/cancel', { runId: started.runId })
    for (const name of await readdir(root)) {
      if (name.includes('cubeta-partial')) continue
      expect((await readFile(join(root, name))).equals(files[name]!)).toBe(true)
    }
    const rest = await preview(saved.id)
    await runSync(h.backend, rest)
    const names = (await readdir(root)).sort()
    expect(names).toEqual(Object.keys(files).sort())
    for (const name of names) expect((await readFile(join(root, name))).equals(files[name]!)).toBe(true)
  })
})
