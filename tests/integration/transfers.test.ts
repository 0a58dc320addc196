import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TransfersSnapshot } from '../../src-main/contract/bridge'
import { listSourceFiles } from '../../src-main/services/transfers/sourceFiles'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'
import { adminS3, resetMoto, useMoto, type Moto } from '../support/moto'
import { longKey, oddKeys } from '../support/oddKeys'

let moto: Moto
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())
const bucket = 'uploads-test'
beforeEach(async () => {
  await resetMoto(moto.endpoint)
  await adminS3(moto.endpoint).send(new CreateBucketCommand({ Bucket: bucket }))
})


/** An engine on the admin client, recording every snapshot it publishes. */
function engine(options: { partsPerFile?: number } = {}) {
  const snapshots: TransfersSnapshot[] = []
  const asked: string[] = []
  const e = createTransferEngine({
    s3For: async () => adminS3(moto.endpoint),
    onChange: (s) => snapshots.push(s),
    requestBytes: (id) => asked.push(id),
    maxConcurrentFiles: 4,
    ...options,
  })
  const settle = async () => {
    for (;;) {
      const s = e.snapshot()
      if (s.totals.active === 0 || s.conflict) return s
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  return { e, snapshots, asked, settle }
}

async function tree(files: Record<string, Buffer | string>) {
  const root = await mkdtemp(join(tmpdir(), 'cubeta-up-'))
  for (const [path, body] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), body)
  }
  return root
}

const body = async (key: string) => Buffer.from(await (await adminS3(moto.endpoint).send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())
const head = (key: string) => adminS3(moto.endpoint).send(new HeadObjectCommand({ Bucket: bucket, Key: key }))

describe('uploads against moto', () => {
  it('has a 1,000-byte key among the odd ones', () => {
    expect(new TextEncoder().encode(longKey).length).toBe(1000)
  })

  it('uploads a folder tree with odd keys, keeping relative paths, with Content-Type from the name', async () => {
    const files = Object.fromEntries([...oddKeys, 'site/app.css', 'site/app.js', 'site/logo.svg', 'site/font.woff2', 'site/photo.webp', 'site/photo.avif'].map((k, i) => [`web/${k}`, `file ${i}`]))
    const root = await tree(files)
    const sources = await listSourceFiles([{ path: join(root, 'web'), relativePath: 'web' }])
    const { e, settle } = engine()
    e.enqueue('p', bucket, 'media/', sources.map((s) => ({ relativePath: s.relativePath, size: s.size, source: { kind: 'path', path: s.absolutePath } })), 'public, max-age=86400')
    const done = await settle()
    expect(done.totals).toMatchObject({ done: 10, failed: 0, active: 0 })
    for (const [i, key] of [...oddKeys].entries()) expect((await body(`media/web/${key}`)).toString()).toBe(`file ${i}`)
    const types = await Promise.all(['app.css', 'app.js', 'logo.svg', 'font.woff2', 'photo.webp', 'photo.avif'].map(async (n) => (await head(`media/web/site/${n}`)).ContentType))
    expect(types).toEqual(['text/css; charset=utf-8', 'text/javascript; charset=utf-8', 'image/svg+xml', 'font/woff2', 'image/webp', 'image/avif'])
    expect((await head('media/web/año 2024/foto niño+1 #2.png')).ContentType).toBe('image/png')
    expect((await head('media/web/site/app.css')).CacheControl).toBe('public, max-age=86400')
  })

  it('uses multipart above the part size, byte-exact, and reports progress', async () => {
    const big = randomBytes(20 * 1024 * 1024 + 123)
    const root = await tree({ 'video.mp4': big })
    const { e, snapshots, settle } = engine()
    e.enqueue('p', bucket, '', [{ relativePath: 'video.mp4', size: big.length, source: { kind: 'path', path: join(root, 'video.mp4') } }], null)
    expect((await settle()).totals.done).toBe(1)
    expect((await body('video.mp4')).equals(big)).toBe(true)
    expect((await head('video.mp4')).ETag).toMatch(/-3"$/) // 8 MiB + 8 MiB + the rest
    // The panel is told the end too (snapshots are batched), and progress never goes back.
    await vi.waitFor(() => expect(snapshots.at(-1)?.transfers[0]).toMatchObject({ status: 'done', transferred: big.length }))
    const seen = snapshots.map((s) => s.transfers[0]?.transferred ?? 0)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('never overwrites silently: asks, then skip, overwrite or keep both, with apply-to-all', async () => {
    const s3 = adminS3(moto.endpoint)
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `docs/${name}`, Body: 'old' }))
    const root = await tree({ 'docs/a.txt': 'new-a', 'docs/b.txt': 'new-b', 'docs/c.txt': 'new-c', 'docs/d.txt': 'new-d' })
    const sources = await listSourceFiles([{ path: join(root, 'docs'), relativePath: 'docs' }])
    const { e, settle } = engine()
    const { batchId } = e.enqueue('p', bucket, '', sources.sort((x, y) => x.relativePath.localeCompare(y.relativePath)).map((s) => ({ relativePath: s.relativePath, size: s.size, source: { kind: 'path', path: s.absolutePath } })), null)

    let s = await settle()
    expect(s.conflict?.key).toMatch(/^docs\/[abc]\.txt$/)
    // The first question can come before the other two HEADs have answered: wait for all three.
    const waitingNow = () => e.snapshot().transfers.filter((t) => t.status === 'waiting-conflict')
    await vi.waitFor(() => expect(waitingNow()).toHaveLength(3), { timeout: 15_000 })
    // An answer goes to the file it names, even when it is not the one asked about first.
    const waiting = waitingNow()
    const asked = s.conflict!.key
    const answered = waiting.find((t) => t.key !== asked)!
    e.resolveConflict(batchId, answered.id, 'skip', false)
    await vi.waitFor(() => expect(e.snapshot().transfers.find((t) => t.id === answered.id)?.status).toBe('skipped'))
    s = await settle()
    expect(s.conflict?.key).toBe(asked)
    const first = answered.key
    const second = s.conflict!.key
    expect(second).not.toBe(first)
    e.resolveConflict(batchId, s.conflict!.transferId, 'keep-both', false)
    s = await settle()
    const third = s.conflict!.key
    e.resolveConflict(batchId, s.conflict!.transferId, 'overwrite', true)
    s = await settle()
    expect(s.conflict).toBeNull()
    expect(s.totals.active).toBe(0)

    expect((await body(first)).toString()).toBe('old')
    expect((await body(second)).toString()).toBe('old')
    expect((await body(second.replace('.txt', ' (1).txt'))).toString()).toBe(`new-${second.slice(5, 6)}`)
    expect((await body(third)).toString()).toBe(`new-${third.slice(5, 6)}`)
    expect((await body('docs/d.txt')).toString()).toBe('new-d')
    expect(s.transfers.map((t) => t.status).sort()).toEqual(['done', 'done', 'done', 'skipped'])
  })

  it('cancelling a multipart upload aborts it: no parts left, no object', async () => {
    const big = randomBytes(96 * 1024 * 1024)
    const root = await tree({ 'big.bin': big })
    const { e, settle } = engine({ partsPerFile: 1 })
    e.enqueue('p', bucket, '', [{ relativePath: 'big.bin', size: big.length, source: { kind: 'path', path: join(root, 'big.bin') } }], null)
    for (;;) {
      const t = e.snapshot().transfers[0]!
      if (t.status === 'running' && t.transferred > 0) break
      expect(t.status).not.toBe('done')
      await new Promise((r) => setTimeout(r, 5))
    }
    await e.cancel(null)
    const s = await settle()
    expect(s.transfers[0]?.status).toBe('cancelled')
    const s3 = adminS3(moto.endpoint)
    await expect.poll(async () => (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
    expect((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount ?? 0).toBe(0)
  })

  it('streams bytes the page sends (browser mode), and fails plainly if they never come', async () => {
    const { e, asked, settle } = engine()
    const { transferIds } = e.enqueue('p', bucket, 'in/', [{ relativePath: 'from page.txt', size: 10, source: { kind: 'page' } }], null)
    await expect.poll(() => asked, { timeout: 30_000 }).toEqual(transferIds)
    expect(e.provideBytes(transferIds[0]!, Readable.from([Buffer.from('hello '), Buffer.from('page')]))).toBe(true)
    expect((await settle()).totals.done).toBe(1)
    expect((await body('in/from page.txt')).toString()).toBe('hello page')

    const slow = createTransferEngine({ s3For: async () => adminS3(moto.endpoint), onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 1, pageTimeoutMs: 100 })
    slow.enqueue('p', bucket, '', [{ relativePath: 'never.txt', size: 3, source: { kind: 'page' } }], null)
    await expect.poll(() => slow.snapshot().transfers[0]?.status).toBe('failed')
    expect(slow.snapshot().transfers[0]?.error?.code).toBe('page-gone')
    expect(slow.provideBytes('unknown-id', Readable.from(['x']))).toBe(false)
  })
})
