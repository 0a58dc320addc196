import { mkdtemp, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Crc32, Crc64NvmeJs } from '@aws-sdk/checksums/crc'
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


type Algorithm = 'CRC64NVME' | 'CRC32' | 'SHA256'
const field = { CRC64NVME: 'ChecksumCRC64NVME', CRC32: 'ChecksumCRC32', SHA256: 'ChecksumSHA256' } as const

/**
 * A multipart upload in 6.5 MiB parts with a stored checksum: full-object for the CRCs,
 * composite for SHA-256 (S3 has no full-object SHA-256 for multipart uploads).
 */
async function uploadInOddParts(key: string, body: Buffer, algorithm: Algorithm) {
  const type = algorithm === 'SHA256' ? 'COMPOSITE' : 'FULL_OBJECT'
  const whole = algorithm === 'CRC64NVME' ? new Crc64NvmeJs() : new Crc32()
  whole.update(body)
  const wholeValue = Buffer.from(await whole.digest()).toString('base64')
  const { UploadId } = await admin.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ChecksumAlgorithm: algorithm, ChecksumType: type }))
  const parts = []
  for (let start = 0, n = 1; start < body.length; start += 6.5 * MiB, n++) {
    const answer = await admin.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body.subarray(start, start + 6.5 * MiB), ChecksumAlgorithm: algorithm }))
    parts.push({ ETag: answer.ETag, PartNumber: n, [field[algorithm]]: answer[field[algorithm]] })
  }
  await admin.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, ChecksumType: type, ...(type === 'FULL_OBJECT' ? { [field[algorithm]]: wholeValue } : {}), MultipartUpload: { Parts: parts } }))
  return wholeValue
}

/** Two local files beside two objects of the same bytes: one the same, one with a byte flipped. */
async function previewAgainst(prefix: string, algorithm: Algorithm) {
  const body = seededBytes(`${algorithm}-${prefix}`, 14 * MiB)
  const edited = Buffer.from(body)
  edited[7 * MiB] = edited[7 * MiB]! ^ 0xff
  const crc = await uploadInOddParts(`${prefix}same.bin`, body, algorithm)
  await uploadInOddParts(`${prefix}edited.bin`, body, algorithm)
  const root = await mkdtemp(join(tmpdir(), `cubeta-${algorithm.toLowerCase()}-`))
  await writeFile(join(root, 'same.bin'), body)
  await writeFile(join(root, 'edited.bin'), edited)
  // Older than the objects: the quick rule alone would call both unchanged.
  const old = new Date(Date.now() - 3600_000)
  for (const name of ['same.bin', 'edited.bin']) await utimes(join(root, name), old, old)
  const saved = await h.ok('sync/savePair', { id: null, profileId, bucket, prefix, folder: root, folderFromPage: false, direction: 'upload', rule: 'exact', cacheRules: [] })
  return { crc, seen: await h.ok('sync/preview', { pairId: saved.id, files: null }) }
}

describe('a stored checksum, where no ETag guess works', () => {
  it('a full-object CRC64NVME proves the same bytes unchanged and other bytes changed', async () => {
    const { crc, seen } = await previewAgainst('crc64/', 'CRC64NVME')
    const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'crc64/same.bin', ChecksumMode: 'ENABLED' }))
    expect(head.ETag).toMatch(/-3"$/)
    expect(head.ChecksumCRC64NVME).toBe(crc)
    expect(seen.unchanged.items.map((i) => [i.path, i.reason])).toEqual([['same.bin', 'same-checksum']])
    expect(seen.transfers.items.map((i) => [i.path, i.reason])).toEqual([['edited.bin', 'content-differs']])
    expect(seen.notExact.count).toBe(0)
  })

  it('a full-object CRC32 does the same (computed in the second read, for the files MD5 did not settle)', async () => {
    const { crc, seen } = await previewAgainst('crc32/', 'CRC32')
    const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'crc32/same.bin', ChecksumMode: 'ENABLED' }))
    expect(head.ETag).toMatch(/-3"$/)
    expect(head.ChecksumCRC32).toBe(crc)
    expect(seen.unchanged.items.map((i) => [i.path, i.reason])).toEqual([['same.bin', 'same-checksum']])
    expect(seen.transfers.items.map((i) => [i.path, i.reason])).toEqual([['edited.bin', 'content-differs']])
    expect(seen.notExact.count).toBe(0)
  })

  it('a composite SHA-256 of parts no guess finds proves nothing, and the preview says so', async () => {
    const { seen } = await previewAgainst('sha256/', 'SHA256')
    const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'sha256/same.bin', ChecksumMode: 'ENABLED' }))
    expect(head.ChecksumSHA256).toMatch(/-3$/)
    // Neither file is proven either way: size and date decide (both older, so left alone), and both are named.
    expect(seen.notExact.items.map((i) => i.path).sort()).toEqual(['edited.bin', 'same.bin'])
    expect(seen.transfers.count).toBe(0)
  })
})
