import { mkdtemp, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Crc64NvmeJs } from '@aws-sdk/checksums/crc'
import { CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, HeadObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeBackend } from '../support/backendHarness'
import { resetMoto, useMoto, type Moto } from '../support/moto'
import { startVersitygw, type Versitygw } from '../support/versitygw'
import { seededBytes } from '../support/seededBytes'

/**
 * The exact rule with a stored CRC64NVME, against versitygw
 *
 * S3 gives new uploads a full-object CRC64NVME. Where an object's multipart ETag can't be
 * reproduced (6.5 MiB parts: no tool uses them, no guess finds them) that checksum is the
 * only proof either way. moto keeps a CRC32-sized value for it on multipart uploads, so
 * this runs on versitygw, which stores what the client sent.
 */
let moto: Moto
let vgw: Versitygw
let h: Awaited<ReturnType<typeof makeBackend>>
let admin: S3Client
let profileId: string
const bucket = 'sync-crc64'
const MiB = 1024 * 1024

beforeAll(async () => {
  moto = await useMoto()
  await resetMoto(moto.endpoint)
  vgw = await startVersitygw()
  admin = new S3Client({ region: 'us-east-1', endpoint: vgw.endpoint, forcePathStyle: true, credentials: { accessKeyId: vgw.accessKeyId, secretAccessKey: vgw.secretAccessKey } })
  await admin.send(new CreateBucketCommand({ Bucket: bucket }))
  h = await makeBackend(moto.endpoint, { shell: 'electron' })
  profileId = (await h.ok('profiles/add', { name: 'Gateway', accessKeyId: vgw.accessKeyId, secretAccessKey: vgw.secretAccessKey, region: 'us-east-1', endpoint: vgw.endpoint, forcePathStyle: true, secretStorage: 'session' })).id
})
afterAll(async () => {
  await h?.dispose()
  await vgw?.stop()
  await moto?.stop()
})


async function uploadWithCrc64(key: string, body: Buffer) {
  const whole = new Crc64NvmeJs()
  whole.update(body)
  const crc = Buffer.from(await whole.digest()).toString('base64')
  const { UploadId } = await admin.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm: 'CRC64NVME', ChecksumType: 'FULL_OBJECT' }))
  const parts = []
  for (let start = 0, n = 1; start < body.length; start += 6.5 * MiB, n++) {
    const { ETag, ChecksumCRC64NVME } = await admin.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body.subarray(start, start + 6.5 * MiB), ChecksumAlgorithm: 'CRC64NVME' }))
    parts.push({ ETag, PartNumber: n, ChecksumCRC64NVME })
  }
  await admin.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, ChecksumCRC64NVME: crc, ChecksumType: 'FULL_OBJECT', MultipartUpload: { Parts: parts } }))
  return crc
}

describe('a stored CRC64NVME', () => {
  it('proves the same bytes unchanged and other bytes changed, where no ETag guess works', async () => {
    const body = seededBytes('crc64', 14 * MiB)
    const edited = Buffer.from(body)
    edited[7 * MiB] = edited[7 * MiB]! ^ 0xff
    const crc = await uploadWithCrc64('static/same.bin', body)
    await uploadWithCrc64('static/edited.bin', body)
    const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'static/same.bin', ChecksumMode: 'ENABLED' }))
    expect(head.ETag).toMatch(/-3"$/)
    expect(head.ChecksumCRC64NVME).toBe(crc)

    const root = await mkdtemp(join(tmpdir(), 'cubeta-crc64-'))
    await writeFile(join(root, 'same.bin'), body)
    await writeFile(join(root, 'edited.bin'), edited)
    // Older than the objects: the quick rule alone would call both unchanged.
    const old = new Date(Date.now() - 3600_000)
    for (const name of ['same.bin', 'edited.bin']) await utimes(join(root, name), old, old)
    const saved = await h.ok('sync/savePair', { id: null, profileId, bucket, prefix: 'static/', folder: root, folderFromPage: false, direction: 'upload', rule: 'exact', cacheRules: [] })
    const seen = await h.ok('sync/preview', { pairId: saved.id, files: null })
    expect(seen.unchanged.items.map((i) => [i.path, i.reason])).toEqual([['same.bin', 'same-checksum']])
    expect(seen.transfers.items.map((i) => [i.path, i.reason])).toEqual([['edited.bin', 'content-differs']])
    expect(seen.notExact.count).toBe(0)
  })
})
