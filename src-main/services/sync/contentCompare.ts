import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { crc32 } from 'node:zlib'
import { HeadObjectCommand } from '@aws-sdk/client-s3'
import { Crc32c, Crc64NvmeJs } from '@aws-sdk/checksums/crc'
import { createSlots } from '../../core/async/requestSlots'
import type { BucketScope } from '../objects/bucketScope'
import { md5Pool } from './md5Pool'
import { partSizeCandidates } from './partSizeGuess'
import type { ContentVerdict } from './syncPlan'

/**
 * The exact rule: is a local file's content the object's?
 *
 * - A plain ETag (no "-") is the MD5 of the bytes: compare it.
 * - A multipart ETag "…-N" is md5(md5(part 1) … md5(part N))-N: recompute it for each
 *   part size that could give N parts (partSizeGuess.ts), all in one read of the file.
 * - When neither settles it (a part size nobody guesses, SSE-KMS, whose ETag is no MD5)
 *   and the object carries a stored checksum, one HEAD with ChecksumMode=ENABLED reads
 *   it: full-object CRC32, SHA-1 and SHA-256, and composite ones ("…-N") for the same
 *   part sizes. A full-object CRC32C or CRC64NVME (S3's default for new uploads since
 *   2025) is computed in a second read, only for the files whose object has one, with
 *   the AWS SDK's own implementations (@aws-sdk/checksums); a composite CRC32C: "unknown".
 * "unknown" is a real answer: the caller falls back to size and date, and says so.
 */
export async function compareContent(scope: BucketScope, localPath: string, remote: { key: string; size: number; etag: string | null }): Promise<ContentVerdict | null> {
  const etag = remote.etag?.replace(/"/g, '') ?? null
  const multipart = etag ? /^([0-9a-f]{32})-(\d+)$/i.exec(etag) : null
  const plainMd5 = etag && /^[0-9a-f]{32}$/i.test(etag) ? etag.toLowerCase() : null
  const parts = multipart ? Number(multipart[2]) : 1
  const sizes = multipart ? partSizeCandidates(remote.size, parts) : []
  // MD5 alone settles most files (an unchanged single-part object): the other hashes are
  // read only for the few that it doesn't (5,000 files: 4 hashes each cost seconds).
  // Calls may come all at once: the pool queues them, and the HEADs below take a slot.
  const md5s = await md5Pool().md5IfSize(localPath, sizes, remote.size)
  if (!md5s) return null
  if (plainMd5 && md5s.md5 === plainMd5) return 'same'
  if (multipart && sizes.some((_, i) => md5s.multipartEtags[i] === etag!.toLowerCase())) return 'same'
  return checksumSlots.run(async () => {
    const checksum = await storedChecksum(scope, remote.key).catch(() => null)
    if (checksum) {
      const verdict = checksum.algorithm === 'crc32c' || checksum.algorithm === 'crc64nvme' ? await compareCrc(localPath, checksum, multipart !== null) : compareChecksum(checksum, await hashFile(localPath, sizes, remote.size), multipart !== null)
      if (verdict !== 'unknown') return verdict
    }
    // A plain MD5 that differs is a different file (unless the object is SSE-KMS, which a
    // stored checksum above would have shown); a multipart ETag that no guess reproduces proves nothing.
    return plainMd5 ? 'different' : 'unknown'
  })
}

/** HEADs and second reads for the files MD5 did not settle, a few at a time. */
const checksumSlots = createSlots(8)

/** What the second read gives: the whole file's checksums, and per candidate part size the composite ones. */
export interface Digests {
  sha1: string
  sha256: string
  crc32: string
  composite: { sha256: string; sha1: string; crc32: string }[]
}

/**
 * The checksums a stored `x-amz-checksum-*` may be, from one read of the file. The MD5s
 * came from the first read (md5Pool): this runs only for the few files those didn't settle.
 * Reads are at most 1 MiB, and no bigger than the file: a 1 MiB buffer for each 50 KiB file
 * kept the garbage collector busy for a third of a 500-file compare.
 */
export async function hashFile(path: string, partSizes: readonly number[], size: number): Promise<Digests> {
  const whole = { sha1: createHash('sha1'), sha256: createHash('sha256') }
  let wholeCrc = 0
  const perSize = partSizes.map((size) => ({ size, filled: 0, sha1: createHash('sha1'), sha256: createHash('sha256'), crc: 0, parts: [] as { sha1: Buffer; sha256: Buffer; crc: number }[] }))
  const closePart = (p: (typeof perSize)[number]) => {
    p.parts.push({ sha1: p.sha1.digest(), sha256: p.sha256.digest(), crc: p.crc })
    p.sha1 = createHash('sha1')
    p.sha256 = createHash('sha256')
    p.crc = 0
    p.filled = 0
  }
  for await (const chunk of createReadStream(path, { highWaterMark: Math.max(64 * 1024, Math.min(1024 * 1024, size + 1)) })) {
    const bytes = chunk as Buffer
    whole.sha1.update(bytes)
    whole.sha256.update(bytes)
    wholeCrc = crc32(bytes, wholeCrc)
    for (const p of perSize) {
      let offset = 0
      while (offset < bytes.length) {
        const take = Math.min(p.size - p.filled, bytes.length - offset)
        const piece = bytes.subarray(offset, offset + take)
        p.sha1.update(piece)
        p.sha256.update(piece)
        p.crc = crc32(piece, p.crc)
        p.filled += take
        offset += take
        if (p.filled === p.size) closePart(p)
      }
    }
  }
  for (const p of perSize) if (p.filled > 0 || p.parts.length === 0) closePart(p)
  const ofParts = (algorithm: string, pick: (part: (typeof perSize)[number]['parts'][number]) => Buffer) => (p: (typeof perSize)[number]) => {
    const hash: Hash = createHash(algorithm)
    for (const part of p.parts) hash.update(pick(part))
    return hash.digest()
  }
  const crcBytes = (crc: number) => Buffer.from([crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255])
  return {
    sha1: whole.sha1.digest('base64'),
    sha256: whole.sha256.digest('base64'),
    crc32: crcBytes(wholeCrc).toString('base64'),
    composite: perSize.map((p) => ({
      sha256: `${ofParts('sha256', (part) => part.sha256)(p).toString('base64')}-${p.parts.length}`,
      sha1: `${ofParts('sha1', (part) => part.sha1)(p).toString('base64')}-${p.parts.length}`,
      crc32: `${crcBytes(p.parts.reduce((crc, part) => crc32(crcBytes(part.crc), crc), 0)).toString('base64')}-${p.parts.length}`,
    })),
  }
}

export interface StoredChecksum {
  algorithm: 'crc32' | 'sha1' | 'sha256' | 'crc32c' | 'crc64nvme'
  value: string
  /** FULL_OBJECT or COMPOSITE when the store says; older stores (and moto) don't. */
  type: string | null
}

async function storedChecksum(scope: BucketScope, key: string): Promise<StoredChecksum | null> {
  const head = await scope.s3.send(new HeadObjectCommand({ Bucket: scope.bucket, Key: key, ChecksumMode: 'ENABLED' }))
  const type = head.ChecksumType ?? null
  if (head.ChecksumSHA256) return { algorithm: 'sha256', value: head.ChecksumSHA256, type }
  if (head.ChecksumSHA1) return { algorithm: 'sha1', value: head.ChecksumSHA1, type }
  if (head.ChecksumCRC32) return { algorithm: 'crc32', value: head.ChecksumCRC32, type }
  if (head.ChecksumCRC64NVME) return { algorithm: 'crc64nvme', value: head.ChecksumCRC64NVME, type }
  if (head.ChecksumCRC32C) return { algorithm: 'crc32c', value: head.ChecksumCRC32C, type }
  return null
}

/**
 * A match is proof either way; a mismatch proves a change only for a checksum known to
 * cover the whole object (a single-part object's, or one marked FULL_OBJECT): a
 * multipart object's unmarked checksum may be a composite whose part size we lack.
 */
export function compareChecksum(stored: StoredChecksum, digests: Digests, multipart: boolean): ContentVerdict {
  const algorithm = stored.algorithm
  // Not computed in the first read: compareCrc's.
  if (algorithm === 'crc32c' || algorithm === 'crc64nvme') return 'unknown'
  if (stored.value === digests[algorithm]) return 'same'
  const bare = stored.value.replace(/-\d+$/, '')
  if (digests.composite.some((c) => c[algorithm] === stored.value || c[algorithm].replace(/-\d+$/, '') === bare)) return 'same'
  const wholeObject = !stored.value.includes('-') && (!multipart || stored.type === 'FULL_OBJECT')
  return wholeObject ? 'different' : 'unknown'
}

/** A full-object CRC32C or CRC64NVME, computed over the file; a composite one ("…-N") can't be told from here. */
async function compareCrc(path: string, stored: StoredChecksum, multipart: boolean): Promise<ContentVerdict> {
  if (stored.value.includes('-')) return 'unknown'
  const checksum = stored.algorithm === 'crc64nvme' ? new Crc64NvmeJs() : new Crc32c()
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) checksum.update(chunk as Buffer)
  if (Buffer.from(await checksum.digest()).toString('base64') === stored.value) return 'same'
  // CRC64NVME exists only as a full-object checksum; a CRC32C on a multipart object only when marked so.
  return stored.algorithm === 'crc64nvme' || !multipart || stored.type === 'FULL_OBJECT' ? 'different' : 'unknown'
}
