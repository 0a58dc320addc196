import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { crc32 } from 'node:zlib'
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAwsClientFactory } from '../../src-main/services/aws/awsClients'
import { partSizeFor } from '../../src-main/services/transfers/partSize'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'
import { startFaultProxy, uploadPart, type FaultProxy, type SeenRequest } from '../support/faultProxy'
import { adminS3, motoAdmin, resetMoto, useMoto, type Moto } from '../support/moto'
import { startTlsFront, testCertificate, trustForThisProcess } from '../support/tlsFront'
import { startVersitygw, type Versitygw } from '../support/versitygw'

/**
 * Uploads on the lean PUT, against moto and versitygw (which checks every signature),
 * over plain HTTP and over TLS: the fault proxy sits in front of each server, so a test
 * sees every request and can break any of them. The SDK's requests name their operation
 * in the query (`x-id=PutObject`); the lean PUT's don't, which is how a test tells them apart.
 */
let moto: Moto
let vgw: Versitygw
const servers: Record<'moto' | 'versitygw', { endpoint: string; keys: { accessKeyId: string; secretAccessKey: string }; admin: () => S3Client }> = {} as never
let untrust = () => undefined as void
const certificate = testCertificate()
beforeAll(async () => {
  untrust = trustForThisProcess(certificate.cert)
  moto = await useMoto()
  await resetMoto(moto.endpoint)
  vgw = await startVersitygw()
  const vgwKeys = { accessKeyId: vgw.accessKeyId, secretAccessKey: vgw.secretAccessKey }
  servers.moto = { endpoint: moto.endpoint, keys: motoAdmin, admin: () => adminS3(moto.endpoint) }
  servers.versitygw = { endpoint: vgw.endpoint, keys: vgwKeys, admin: () => new S3Client({ region: 'us-east-1', endpoint: vgw.endpoint, forcePathStyle: true, credentials: vgwKeys }) }
}, 60_000)
afterAll(async () => {
  untrust()
  await vgw?.stop()
  await moto?.stop()
})

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const crcOf = (b: Buffer) => {
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(b) >>> 0)
  return crc.toString('base64')
}
const puts = (seen: SeenRequest[]) => seen.filter((r) => r.method === 'PUT')
const isSdk = (r: SeenRequest) => r.query.has('x-id')

interface Front {
  proxy: FaultProxy
  endpoint: string
  close(): Promise<void>
}
async function frontOf(server: string, over: 'http' | 'https'): Promise<Front> {
  const proxy = await startFaultProxy(server)
  if (over === 'http') return { proxy, endpoint: proxy.endpoint, close: () => proxy.close() }
  const tls = await startTlsFront({ host: '127.0.0.1', port: Number(new URL(proxy.endpoint).port) }, certificate)
  return { proxy, endpoint: tls.endpoint, close: async () => (await tls.close(), await proxy.close()) }
}

async function upload(endpoint: string, keys: { accessKeyId: string; secretAccessKey: string }, bucket: string, files: { relativePath: string; path: string; size: number }[], idleTimeoutMs?: number) {
  const s3 = () => createAwsClientFactory(null, idleTimeoutMs ? { idleTimeoutMs } : {}).s3Transfers({ ...keys, region: 'us-east-1', endpoint, forcePathStyle: true })
  const e = createTransferEngine({ s3For: async () => s3(), onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 4 })
  e.enqueue('p', bucket, 'up/', files.map((f) => ({ relativePath: f.relativePath, size: f.size, source: { kind: 'path', path: f.path } })), 'max-age=60')
  for (;;) {
    const snapshot = e.snapshot()
    if (snapshot.totals.active === 0) return snapshot
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Keys the SDK encodes with care: a space, a plus, accents, S3's extra reserved signs. */
const names = ['photo one.png', 'a+b/c (1)!.css', 'ñandú/index.html', "it's*.txt", 'big/video.mp4']
async function filesOnDisk() {
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-lean-up-'))
  return Promise.all(
    names.map(async (name) => {
      const content = randomBytes(name.startsWith('big/') ? partSizeFor(1) * 2 + 777 : 10_000 + name.length)
      const path = join(dir, name)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, content)
      return { relativePath: name, path, size: content.length, content }
    }),
  )
}

let bucketCount = 0
describe.each(['moto', 'versitygw'] as const)('uploads on the lean PUT to %s', (name) => {
  it.each(['http', 'https'] as const)('over %s are byte-exact, with the SDK’s Content-Type, Cache-Control and CRC32', async (over) => {
    const server = servers[name]
    const bucket = `lean-up-${name}-${over}-${bucketCount++}`
    await server.admin().send(new CreateBucketCommand({ Bucket: bucket }))
    const front = await frontOf(server.endpoint, over)
    try {
      const files = await filesOnDisk()
      const done = await upload(front.endpoint, server.keys, bucket, files)
      expect(done.transfers.map((t) => t.status)).toEqual(names.map(() => 'done'))
      for (const file of files) {
        const key = `up/${file.relativePath}`
        const got = await server.admin().send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        expect(sha(Buffer.from(await got.Body!.transformToByteArray()))).toBe(sha(file.content))
        expect({ type: got.ContentType, cache: got.CacheControl }).toEqual({
          type: { 'photo one.png': 'image/png', 'a+b/c (1)!.css': 'text/css; charset=utf-8', 'ñandú/index.html': 'text/html; charset=utf-8', "it's*.txt": 'text/plain; charset=utf-8', 'big/video.mp4': 'video/mp4' }[file.relativePath],
          cache: 'max-age=60',
        })
        if (!file.relativePath.startsWith('big/')) {
          const head = await server.admin().send(new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }))
          expect(head.ChecksumCRC32).toBe(crcOf(file.content))
        }
      }
      // Four small files and three parts, every one a lean PUT; nothing went through the SDK.
      expect(puts(front.proxy.seen).length).toBe(7)
      expect(puts(front.proxy.seen).filter(isSdk)).toEqual([])
      expect((await server.admin().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([])
    } finally {
      await front.close()
    }
  }, 60_000)
})

describe('the lean PUT through a faulty network', () => {
  it('retries a 503, a 500, a cut connection, a slow and a silent server in the one retry layer, byte-exact', async () => {
    const bucket = `lean-faults-${bucketCount++}`
    await servers.versitygw.admin().send(new CreateBucketCommand({ Bucket: bucket }))
    const front = await frontOf(servers.versitygw.endpoint, 'http')
    try {
      const files = (await filesOnDisk()).filter((f) => f.relativePath === 'big/video.mp4' || f.relativePath === 'photo one.png')
      const small = (r: { method: string; url: URL }) => r.method === 'PUT' && !r.url.searchParams.has('uploadId') && !r.url.searchParams.has('x-id')
      front.proxy.add({ match: small, fault: { kind: 'status', status: 503, code: 'SlowDown' }, times: 1 })
      front.proxy.add({ match: small, fault: { kind: 'silent' }, times: 1 })
      front.proxy.add({ match: uploadPart(1), fault: { kind: 'status', status: 500, code: 'InternalError' }, times: 1 })
      front.proxy.add({ match: uploadPart(1), fault: { kind: 'latency', ms: 500 }, times: 1 })
      front.proxy.add({ match: uploadPart(2), fault: { kind: 'drop-request' }, times: 1 })
      const done = await upload(front.endpoint, servers.versitygw.keys, bucket, files, 1_500)
      expect(done.transfers.map((t) => [t.status, t.error])).toEqual([
        ['done', null],
        ['done', null],
      ])
      for (const file of files) {
        const got = await servers.versitygw.admin().send(new GetObjectCommand({ Bucket: bucket, Key: `up/${file.relativePath}` }))
        expect(sha(Buffer.from(await got.Body!.transformToByteArray()))).toBe(sha(file.content))
      }
      const seen = puts(front.proxy.seen)
      // Each fault cost one more try of that request, on the lean path: the 503 and the
      // silence for the small file, the 500 and the cut for the parts (latency is no fault).
      expect(seen.filter((r) => !r.query.has('uploadId')).length).toBe(3)
      expect(seen.filter((r) => r.query.get('partNumber') === '1').length).toBe(2)
      expect(seen.filter((r) => r.query.get('partNumber') === '2').length).toBe(2)
      expect(seen.filter(isSdk)).toEqual([])
    } finally {
      await front.close()
    }
  }, 60_000)
})
