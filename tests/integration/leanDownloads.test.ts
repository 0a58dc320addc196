import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAwsClientFactory } from '../../src-main/services/aws/awsClients'
import { downloadToFolder } from '../../src-main/services/downloads/downloadToFolder'
import { startFaultProxy, type FaultProxy, type SeenRequest } from '../support/faultProxy'
import { adminS3, motoAdmin, resetMoto, useMoto, type Moto } from '../support/moto'
import { startTlsFront, testCertificate, trustForThisProcess } from '../support/tlsFront'

/**
 * Large downloads take every range after the first through the lean GET (a presigned URL
 * over a bare socket): the fault proxy in front of moto breaks those requests, and the
 * result must still be byte-exact, with each fault retried in the one retry layer.
 */
let moto: Moto
let proxy: FaultProxy
beforeAll(async () => {
  moto = await useMoto()
})
afterAll(async () => moto.stop())
const bucket = 'lean-downloads'
beforeEach(async () => {
  await resetMoto(moto.endpoint)
  await adminS3(moto.endpoint).send(new CreateBucketCommand({ Bucket: bucket }))
  proxy = await startFaultProxy(moto.endpoint)
})
afterEach(async () => proxy.close())

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const appS3 = (endpoint = proxy.endpoint) => createAwsClientFactory(null, { idleTimeoutMs: 1_500 }).s3Transfers({ ...motoAdmin, region: 'us-east-1', endpoint, forcePathStyle: true })
/** The lean path's requests carry their signature in the query; the SDK's in a header. */
const isLean = (query: URLSearchParams) => query.has('X-Amz-Signature')
const leanGets = (seen: SeenRequest[], name: string) => seen.filter((r) => r.method === 'GET' && r.path.endsWith(name) && isLean(r.query)).length
const sdkGets = (seen: SeenRequest[], name: string) => seen.filter((r) => r.method === 'GET' && r.path.endsWith(name) && !isLean(r.query)).length

describe('large downloads on the lean path', () => {
  it('are byte-exact, with a 503, a cut body and a silent server on later ranges retried', async () => {
    const content = randomBytes(20 * 1024 * 1024 + 5)
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'videos/big file.bin', Body: content }))
    const lean = (r: { method: string; url: URL }) => r.method === 'GET' && isLean(r.url.searchParams)
    proxy.add({ match: lean, fault: { kind: 'status', status: 503, code: 'SlowDown' }, times: 1 })
    proxy.add({ match: lean, fault: { kind: 'drop-response', afterBytes: 500_000 }, times: 1 })
    proxy.add({ match: lean, fault: { kind: 'silent' }, times: 1 })
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-lean-dl-'))
    const [written] = await downloadToFolder(appS3(), bucket, ['videos/big file.bin'], folder)
    expect(sha(await readFile(written!))).toBe(sha(content))
    // Two ranges after the first. The 503 is handed to the SDK, which gets that range;
    // the cut and the silence are tried again on the lean path, which then gets the other.
    expect(leanGets(proxy.seen, '/big%20file.bin') + leanGets(proxy.seen, '/big file.bin')).toBe(4)
    expect(sdkGets(proxy.seen, '/big%20file.bin') + sdkGets(proxy.seen, '/big file.bin')).toBe(2)
  }, 60_000)

  it('start the later ranges while the body of the first is still arriving', async () => {
    const content = randomBytes(17 * 1024 * 1024)
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'early.bin', Body: content }))
    // The first range's body waits for a later range to be asked for: waiting for the whole
    // first body before asking would leave it held until the client gave up on it.
    let released = false
    const first = (r: { method: string; url: URL }) => r.method === 'GET' && r.url.pathname.endsWith('/early.bin') && !isLean(r.url.searchParams)
    proxy.add({ match: first, fault: { kind: 'hold-body', until: (seen) => leanGets(seen as SeenRequest[], '/early.bin') > 0, onRelease: () => (released = true) }, times: 1 })
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-lean-early-'))
    const [written] = await downloadToFolder(appS3(), bucket, ['early.bin'], folder)
    expect(sha(await readFile(written!))).toBe(sha(content))
    expect(released).toBe(true)
    expect(sdkGets(proxy.seen, '/early.bin')).toBe(1)
  }, 60_000)

  it('refuse an object replaced in the middle (If-Match on every range)', async () => {
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'changing.bin', Body: randomBytes(17 * 1024 * 1024) }))
    const lean = (r: { method: string; url: URL }) => r.method === 'GET' && isLean(r.url.searchParams)
    // The later ranges reach the server only after the object was replaced.
    proxy.add({ match: lean, fault: { kind: 'latency', ms: 1_500 }, times: 2 })
    const folder = await mkdtemp(join(tmpdir(), 'cubeta-lean-changed-'))
    const download = downloadToFolder(appS3(), bucket, ['changing.bin'], folder)
    for (let i = 0; i < 200 && leanGets(proxy.seen, '/changing.bin') === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25))
    await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'changing.bin', Body: randomBytes(17 * 1024 * 1024) }))
    await expect(download).rejects.toMatchObject({ code: 'object-changed' })
  }, 60_000)

  it('over TLS (as real S3 speaks) are byte-exact, with a cut body retried', async () => {
    const certificate = testCertificate()
    const untrust = trustForThisProcess(certificate.cert)
    const front = await startTlsFront({ host: '127.0.0.1', port: Number(new URL(proxy.endpoint).port) }, certificate)
    try {
      const content = randomBytes(18 * 1024 * 1024 + 3)
      await adminS3(moto.endpoint).send(new PutObjectCommand({ Bucket: bucket, Key: 'secure.bin', Body: content }))
      proxy.add({ match: (r) => r.method === 'GET' && isLean(r.url.searchParams), fault: { kind: 'drop-response', afterBytes: 300_000 }, times: 1 })
      const folder = await mkdtemp(join(tmpdir(), 'cubeta-lean-tls-'))
      const [written] = await downloadToFolder(appS3(front.endpoint), bucket, ['secure.bin'], folder)
      expect(sha(await readFile(written!))).toBe(sha(content))
      // Two ranges after the first, one of them twice; only the first went through the SDK.
      expect(leanGets(proxy.seen, '/secure.bin')).toBe(3)
      expect(sdkGets(proxy.seen, '/secure.bin')).toBe(1)
    } finally {
      untrust()
      await front.close()
    }
  }, 60_000)
})
