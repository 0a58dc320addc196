import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, GetObjectCommand, ListMultipartUploadsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { downloadToFolder } from '../../src-main/services/downloads/downloadToFolder'
import { createAwsClientFactory } from '../../src-main/services/aws/awsClients'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'
import { partSizeFor } from '../../src-main/services/transfers/partSize'
import { makeBackend } from '../support/backendHarness'
import { partAttempts, startFaultProxy, uploadPart, type FaultProxy } from '../support/faultProxy'
import { adminS3, motoAdmin, resetMoto, useMoto, type Moto } from '../support/moto'

/**
 * Servers that go quiet instead of failing: one that accepts the connection and never
 * answers, one that answers 200 and stops in the middle of the body, and one whose clock
 * is 17 minutes from ours. Before, the first two hung the queue for ever (the SDK has no
 * timeout of its own); the third said only that the clock was "too far".
 */
let moto: Moto
let proxy: FaultProxy
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())
const bucket = 'quiet-test'
beforeEach(async () => {
  await resetMoto(moto.endpoint)
  await adminS3(moto.endpoint).send(new CreateBucketCommand({ Bucket: bucket }))
  proxy = await startFaultProxy(moto.endpoint)
})
afterEach(async () => proxy.close())

/** The app's own S3 client (its retries, its timeouts), with a short idle timeout so the test is quick. */
const appS3 = (idleTimeoutMs = 1_500): S3Client =>
  createAwsClientFactory(null, { idleTimeoutMs }).s3({ ...motoAdmin, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true })
/** A client with no retries of its own, so the error the queue sees is the server's. */
const bareS3 = () => new S3Client({ region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, credentials: motoAdmin, maxAttempts: 1 })
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const stored = async (key: string) => Buffer.from(await (await adminS3(moto.endpoint).send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())

function engine(s3: () => S3Client) {
  return createTransferEngine({ s3For: async () => s3(), onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 4 })
}
async function settled(e: ReturnType<typeof engine>) {
  for (;;) {
    const snapshot = e.snapshot()
    if (snapshot.totals.active === 0) return snapshot
    await new Promise((r) => setTimeout(r, 50))
  }
}
async function fileOf(bytes: number) {
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-quiet-'))
  const path = join(dir, 'file.bin')
  const content = randomBytes(bytes)
  await writeFile(path, content)
  return { path, content }
}

describe('a server that accepts the connection and never answers', () => {
  it('a part that gets no answer times out and is sent again; the upload ends byte-exact', async () => {
    const partSize = partSizeFor(1)
    const { path, content } = await fileOf(partSize * 2 + 999)
    proxy.add({ match: uploadPart(2), fault: { kind: 'silent' }, times: 1 })
    const e = engine(() => appS3())
    e.enqueue('p', bucket, '', [{ relativePath: 'video.bin', size: content.length, source: { kind: 'path', path } }], null)
    const done = await settled(e)
    expect(done.transfers[0]).toMatchObject({ status: 'done', error: null })
    expect(sha(await stored('video.bin'))).toBe(sha(content))
    expect([1, 2, 3].map((n) => partAttempts(proxy.seen, n))).toEqual([1, 2, 1])
    expect((await adminS3(moto.endpoint).send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
  }, 60_000)

  it('a small file whose PUT gets no answer is sent again', async () => {
    const { path, content } = await fileOf(200_000)
    const isPut = (r: { method: string; url: URL }) => r.method === 'PUT' && !r.url.searchParams.has('uploadId')
    proxy.add({ match: isPut, fault: { kind: 'silent' }, times: 1 })
    const e = engine(() => appS3())
    e.enqueue('p', bucket, '', [{ relativePath: 'small.bin', size: content.length, source: { kind: 'path', path } }], null)
    expect((await settled(e)).transfers[0]?.status).toBe('done')
    expect(sha(await stored('small.bin'))).toBe(sha(content))
    expect(proxy.seen.filter((r) => r.method === 'PUT').length).toBe(2)
  }, 60_000)

  it('a bridge call against it answers, after its retries, instead of hanging', async () => {
    const h = await makeBackend(moto.endpoint, { idleTimeoutMs: 1_000 })
    proxy.add({ match: () => true, fault: { kind: 'silent' }, times: 100 })
    const result = await h.call('profiles/add', { name: 'Quiet', accessKeyId: motoAdmin.accessKeyId, secretAccessKey: motoAdmin.secretAccessKey, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, secretStorage: 'session' })
    expect(result).toMatchObject({ ok: false, error: { code: 'endpoint-unreachable' } })
    // The SDK's own three attempts, each given up after the idle timeout.
    expect(proxy.seen.length).toBe(3)
    await h.dispose()
  }, 60_000)
})

describe('a server that answers 200 and stops in the middle of the body', () => {
  it('a download is continued from where the body stopped, byte-exact', async () => {
    const content = randomBytes(3 * 1024 * 1024 + 7)
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'photo.bin', Body: content }))
    proxy.add({ match: (r) => r.method === 'GET' && r.url.pathname.endsWith('/photo.bin'), fault: { kind: 'short-body', keepBytes: 1_000_000 }, times: 1 })
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-quiet-dl-'))
    const [written] = await downloadToFolder(appS3(), bucket, ['photo.bin'], folder)
    expect(sha(await readFile(written!))).toBe(sha(content))
    expect(proxy.seen.filter((r) => r.method === 'GET').length).toBe(2)
  }, 60_000)

  it('a listing whose XML stops half-way is asked again, and lists everything', async () => {
    for (let i = 0; i < 30; i++) await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: `fotos/foto-${i}.jpg`, Body: 'x' }))
    const h = await makeBackend(moto.endpoint, { idleTimeoutMs: 1_000 })
    const profile = await h.ok('profiles/add', { name: 'Local', accessKeyId: motoAdmin.accessKeyId, secretAccessKey: motoAdmin.secretAccessKey, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, secretStorage: 'session' })
    proxy.add({ match: (r) => r.method === 'GET' && r.url.searchParams.get('list-type') === '2', fault: { kind: 'short-body', keepBytes: 400 }, times: 1 })
    const page = await h.ok('objects/listPage', { profileId: profile.id, bucket, prefix: 'fotos/', token: null })
    expect(page.entries.filter((entry) => entry.kind === 'object')).toHaveLength(30)
    await h.dispose()
  }, 60_000)
})

describe('a server whose clock is 17 minutes from ours', () => {
  it('says in plain words how far off the computer’s clock is, and does not retry in vain', async () => {
    const { path, content } = await fileOf(100_000)
    proxy.add({ match: () => true, fault: { kind: 'clock-skew', skewMs: 17 * 60_000 }, times: 100 })
    const e = engine(bareS3)
    e.enqueue('p', bucket, '', [{ relativePath: 'late.bin', size: content.length, source: { kind: 'path', path } }], null)
    const done = await settled(e)
    expect(done.transfers[0]?.status).toBe('failed')
    expect(done.transfers[0]?.error).toMatchObject({ code: 'clock-skew-minutes', params: { minutes: 17 } })
    expect(done.transfers[0]?.error?.message).toBe("Your computer's clock is 17 minutes off, so the server refuses its requests.")
    expect(proxy.seen.length).toBeLessThanOrEqual(2)
  }, 60_000)

  it('with the app’s own clients, Cubeta corrects for the server’s time and the calls work', async () => {
    const h = await makeBackend(moto.endpoint)
    proxy.add({ match: () => true, fault: { kind: 'clock-skew', skewMs: 17 * 60_000 }, times: 100 })
    const profile = await h.ok('profiles/add', { name: 'Skewed', accessKeyId: motoAdmin.accessKeyId, secretAccessKey: motoAdmin.secretAccessKey, region: 'us-east-1', endpoint: proxy.endpoint, forcePathStyle: true, secretStorage: 'session' })
    expect((await h.ok('buckets/list', { profileId: profile.id })).map((b) => b.name)).toContain(bucket)
    await h.dispose()
  }, 60_000)
})
