import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, GetObjectCommand, ListMultipartUploadsCommand, ListPartsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TransfersSnapshot } from '../../src-main/contract/bridge'
import { createAwsClientFactory } from '../../src-main/services/aws/awsClients'
import { downloadToFolder } from '../../src-main/services/downloads/downloadToFolder'
import { openResumable } from '../../src-main/services/downloads/resumableObjectStream'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'
import { createTransferJournal } from '../../src-main/services/transfers/transferJournal'
import { partSizeFor } from '../../src-main/services/transfers/partSize'
import { partAttempts, startFaultProxy, uploadPart, type FaultProxy } from '../support/faultProxy'
import { adminS3, motoAdmin, resetMoto, useMoto, type Moto } from '../support/moto'

/**
 * The queue between Cubeta and a misbehaving server: every fault goes through a real
 * HTTP proxy in front of moto, and every result is checked byte for byte.
 */
let moto: Moto
let proxy: FaultProxy
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())
const bucket = 'faults-test'
beforeEach(async () => {
  await resetMoto(moto.endpoint)
  await adminS3(moto.endpoint).send(new CreateBucketCommand({ Bucket: bucket }))
  proxy = await startFaultProxy(moto.endpoint)
})
afterEach(async () => proxy.close())

// The SDK's own retries would hide the faults from the engine; one attempt each shows
// that the engine's retries are the ones doing the work.
// Built as the app builds its transfer clients, so the retries counted are the ones that ship.
const transferClient = (endpoint: string) => createAwsClientFactory().s3Transfers({ ...motoAdmin, region: 'us-east-1', endpoint, forcePathStyle: true })
const throughProxy = () => transferClient(proxy.endpoint)
const partSize = partSizeFor(1)

function engine(s3: () => S3Client, dataDir?: string) {
  const seen: TransfersSnapshot[] = []
  const e = createTransferEngine({
    s3For: async () => s3(),
    onChange: (s) => seen.push(s),
    requestBytes: () => undefined,
    maxConcurrentFiles: 4,
    ...(dataDir ? { journal: createTransferJournal(dataDir) } : {}),
  })
  return { e, seen }
}

async function until<T>(what: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const value = await what()
    if (value) return value
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function fileOf(bytes: number) {
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-faults-'))
  const path = join(dir, 'video.bin')
  const content = randomBytes(bytes)
  await writeFile(path, content)
  return { path, content, dir }
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const stored = async (key: string) => Buffer.from(await (await adminS3(moto.endpoint).send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())
/** The upload ids the journal holds (null for an intent whose CreateMultipartUpload has not answered yet). */
const journaledUploadIds = async (dir: string): Promise<(string | null)[]> =>
  ((JSON.parse(await readFile(join(dir, 'transfers-journal.json'), 'utf8').catch(() => '{}')) as { uploads?: { uploadId: string | null }[] }).uploads ?? []).map((u) => u.uploadId)
const openUploads = async () => (await adminS3(moto.endpoint).send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []

describe('uploads through a faulty network', () => {
  it('retries only the failed parts (503 SlowDown, 500, a connection cut mid-body, latency) and ends byte-exact', async () => {
    const { path, content } = await fileOf(partSize * 4 + 12_345)
    proxy.add({ match: uploadPart(2), fault: { kind: 'status', status: 503, code: 'SlowDown' }, times: 2 })
    proxy.add({ match: uploadPart(3), fault: { kind: 'status', status: 500, code: 'InternalError' }, times: 1 })
    proxy.add({ match: uploadPart(4), fault: { kind: 'drop-request' }, times: 1 })
    proxy.add({ match: uploadPart(5), fault: { kind: 'latency', ms: 1_500 }, times: 1 })
    const { e } = engine(throughProxy)
    e.enqueue('p', bucket, 'clips/', [{ relativePath: 'video.bin', size: content.length, source: { kind: 'path', path } }], null)
    const done = await until(() => (e.snapshot().totals.active === 0 ? e.snapshot() : false))

    expect(done.transfers[0]).toMatchObject({ status: 'done', error: null })
    expect(sha(await stored('clips/video.bin'))).toBe(sha(content))
    expect([1, 2, 3, 4, 5].map((n) => partAttempts(proxy.seen, n))).toEqual([1, 3, 2, 2, 1])
    expect(await openUploads()).toEqual([])
  })

  it('retries a small file’s single PUT after a cut connection and a SlowDown', async () => {
    const { path, content } = await fileOf(300_000)
    const isPut = (r: { method: string; url: URL }) => r.method === 'PUT' && !r.url.searchParams.has('uploadId')
    proxy.add({ match: isPut, fault: { kind: 'drop-request' }, times: 1 })
    proxy.add({ match: isPut, fault: { kind: 'status', status: 503, code: 'SlowDown' }, times: 1 })
    const { e } = engine(throughProxy)
    e.enqueue('p', bucket, '', [{ relativePath: 'small.bin', size: content.length, source: { kind: 'path', path } }], null)
    const done = await until(() => (e.snapshot().totals.active === 0 ? e.snapshot() : false))
    expect(done.transfers[0]?.status).toBe('done')
    expect(sha(await stored('small.bin'))).toBe(sha(content))
    expect(proxy.seen.filter((r) => isPut({ method: r.method, url: new URL(`http://x${r.path}?${r.query}`) })).length).toBe(3)
  })

  it('fails plainly after too many server errors, and leaves no parts behind', async () => {
    const { path, content } = await fileOf(partSize * 2 + 1)
    proxy.add({ match: uploadPart(2), fault: { kind: 'status', status: 500, code: 'InternalError' }, times: 100 })
    const { e } = engine(throughProxy)
    e.enqueue('p', bucket, '', [{ relativePath: 'doomed.bin', size: content.length, source: { kind: 'path', path } }], null)
    const done = await until(() => (e.snapshot().totals.active === 0 ? e.snapshot() : false))
    expect(done.transfers[0]?.status).toBe('failed')
    expect(done.transfers[0]?.error?.message).not.toMatch(/at \w+ \(|node_modules/)
    expect(await openUploads()).toEqual([])
  }, 60_000)

  it('says “waiting for network” while the server is gone for 30 s, then finishes by itself', async () => {
    const { path, content } = await fileOf(partSize * 3)
    // Slow parts keep the upload in the middle when the server vanishes.
    proxy.add({ match: uploadPart(), fault: { kind: 'latency', ms: 400 }, times: 3 })
    const { e, seen } = engine(throughProxy)
    e.enqueue('p', bucket, '', [{ relativePath: 'trip.bin', size: content.length, source: { kind: 'path', path } }], null)
    await until(() => proxy.seen.some((r) => r.query.has('uploadId')))
    await proxy.down()
    await until(() => e.snapshot().transfers[0]?.status === 'waiting-network')
    await new Promise((r) => setTimeout(r, 30_000))
    expect(e.snapshot().transfers[0]?.status).toBe('waiting-network')
    await proxy.up()
    const done = await until(() => (e.snapshot().totals.active === 0 ? e.snapshot() : false))
    expect(done.transfers[0]?.status).toBe('done')
    expect(seen.some((s) => s.transfers[0]?.status === 'waiting-network')).toBe(true)
    expect(sha(await stored('trip.bin'))).toBe(sha(content))
    expect(await openUploads()).toEqual([])
  }, 90_000)
})

describe('resuming after Cubeta stopped in the middle', () => {
  it('shows the interrupted upload from the journal and resumes from the parts on the server', async () => {
    const { path, content, dir } = await fileOf(partSize * 5 + 777)
    // Parts 1-3 arrive; 4-6 hang until the network dies under them: the process is as
    // good as killed, and those three never reach the server.
    for (const n of [4, 5, 6]) proxy.add({ match: uploadPart(n), fault: { kind: 'latency', ms: 20_000 }, times: 1 })
    const first = engine(throughProxy, dir)
    first.e.enqueue('p', bucket, 'big/', [{ relativePath: 'video.bin', size: content.length, source: { kind: 'path', path } }], null)
    const uploadId = await until(async () => (await openUploads())[0]?.UploadId)
    await until(async () => ((await adminS3(moto.endpoint).send(new ListPartsCommand({ Bucket: bucket, Key: 'big/video.bin', UploadId: uploadId }))).Parts?.length ?? 0) >= 3)
    await proxy.down()
    const journal = JSON.parse(await readFile(join(dir, 'transfers-journal.json'), 'utf8'))
    expect(journal.uploads).toMatchObject([{ key: 'big/video.bin', uploadId, source: { kind: 'path', path } }])
    expect(JSON.stringify(journal)).not.toContain(motoAdmin.secretAccessKey)

    const partsBefore = (await adminS3(moto.endpoint).send(new ListPartsCommand({ Bucket: bucket, Key: 'big/video.bin', UploadId: uploadId }))).Parts!.length
    const counted = await startFaultProxy(moto.endpoint)
    try {
      const second = engine(() => transferClient(counted.endpoint), dir)
      await second.e.restoreInterrupted()
      const shown = second.e.snapshot()
      expect(shown.transfers).toMatchObject([{ key: 'big/video.bin', status: 'interrupted', resume: 'disk' }])
      expect(shown.totals).toMatchObject({ active: 0, interrupted: 1 })
      second.e.resume([shown.transfers[0]!.id])
      const done = await until(() => (second.e.snapshot().totals.active === 0 ? second.e.snapshot() : false))
      expect(done.transfers[0]?.status).toBe('done')
      expect(sha(await stored('big/video.bin'))).toBe(sha(content))
      const sent = counted.seen.filter((r) => r.method === 'PUT' && r.query.has('partNumber')).length
      expect(partsBefore).toBe(3)
      expect(sent).toBe(3)
      expect(JSON.parse(await readFile(join(dir, 'transfers-journal.json'), 'utf8')).uploads).toEqual([])
    } finally {
      await counted.close()
    }
  }, 60_000)

  it('discarding an interrupted upload aborts it on the server and forgets it', async () => {
    const { path, content, dir } = await fileOf(partSize * 3)
    proxy.add({ match: uploadPart(), fault: { kind: 'latency', ms: 5_000 }, times: 100 })
    const first = engine(throughProxy, dir)
    first.e.enqueue('p', bucket, '', [{ relativePath: 'gone.bin', size: content.length, source: { kind: 'path', path } }], null)
    await until(async () => (await openUploads()).length === 1)
    // The intent is journaled before CreateMultipartUpload and its id just after S3 names the
    // upload: wait for the id, since moto's fixed Initiated date can't match an intent alone.
    await until(async () => journaledUploadIds(dir).then((ids) => ids.length === 1 && ids[0] !== null))
    await proxy.down()

    const second = engine(() => adminS3(moto.endpoint), dir)
    await second.e.restoreInterrupted()
    const id = second.e.snapshot().transfers[0]!.id
    const after = await second.e.cancel([id])
    expect(after.transfers[0]?.status).toBe('cancelled')
    expect(await openUploads()).toEqual([])
    expect(JSON.parse(await readFile(join(dir, 'transfers-journal.json'), 'utf8')).uploads).toEqual([])
  })

  it('refuses to resume from a file that changed meanwhile, and removes the partial upload', async () => {
    const { path, content, dir } = await fileOf(partSize * 2 + 5)
    proxy.add({ match: uploadPart(), fault: { kind: 'latency', ms: 5_000 }, times: 100 })
    const first = engine(throughProxy, dir)
    first.e.enqueue('p', bucket, '', [{ relativePath: 'edited.bin', size: content.length, source: { kind: 'path', path } }], null)
    await until(async () => (await openUploads()).length === 1)
    await until(async () => journaledUploadIds(dir).then((ids) => ids.length === 1 && ids[0] !== null))
    await proxy.down()
    await writeFile(path, randomBytes(content.length + 10))

    const second = engine(() => adminS3(moto.endpoint), dir)
    await second.e.restoreInterrupted()
    second.e.resume([second.e.snapshot().transfers[0]!.id])
    const done = await until(() => (second.e.snapshot().totals.active === 0 ? second.e.snapshot() : false))
    expect(done.transfers[0]).toMatchObject({ status: 'failed', error: { code: 'source-changed' } })
    expect(await openUploads()).toEqual([])
  })
})

describe('downloads through a faulty network', () => {
  it('continues a body cut in the middle with a Range request, byte-exact, after a SlowDown', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 17)
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'fotos/cut.bin', Body: content }))
    const isGet = (r: { method: string; url: URL }) => r.method === 'GET' && r.url.pathname.endsWith('/cut.bin')
    proxy.add({ match: isGet, fault: { kind: 'status', status: 503, code: 'SlowDown' }, times: 1 })
    proxy.add({ match: isGet, fault: { kind: 'drop-response', afterBytes: 1_000_000 }, times: 1 })
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-dl-faults-'))
    const [written] = await downloadToFolder(throughProxy(), bucket, ['fotos/cut.bin'], folder)
    expect(sha(await readFile(written!))).toBe(sha(content))
    expect(proxy.seen.filter((r) => r.method === 'GET').length).toBe(3)
  })

  it('fetches a large object in ranges, re-fetching only the range that broke, and an empty one too', async () => {
    const content = randomBytes(20 * 1024 * 1024 + 5)
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: content }))
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'empty.txt', Body: '' }))
    proxy.add({ match: (r) => r.method === 'GET' && r.url.pathname.endsWith('/big.bin'), fault: { kind: 'drop-response', afterBytes: 100_000 }, times: 1 })
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-dl-ranges-'))
    const [big, empty] = await downloadToFolder(throughProxy(), bucket, ['big.bin', 'empty.txt'], folder)
    expect(sha(await readFile(big!))).toBe(sha(content))
    expect((await readFile(empty!)).length).toBe(0)
    // Three ranges, plus the one that broke.
    expect(proxy.seen.filter((r) => r.method === 'GET' && r.path.endsWith('/big.bin')).length).toBe(4)
  })

  it('browser mode’s download stream continues a cut body with Range, byte-exact', async () => {
    const content = randomBytes(2 * 1024 * 1024 + 3)
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'link.bin', Body: content }))
    proxy.add({ match: (r) => r.method === 'GET' && r.url.pathname.endsWith('/link.bin'), fault: { kind: 'drop-response', afterBytes: 700_000 }, times: 1 })
    const opened = await openResumable(throughProxy(), bucket, 'link.bin')
    const chunks: Buffer[] = []
    for await (const chunk of opened.body) chunks.push(chunk as Buffer)
    expect(sha(Buffer.concat(chunks))).toBe(sha(content))
    expect(proxy.seen.filter((r) => r.method === 'GET').length).toBe(2)
  })
})
