import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Crc32 } from '@aws-sdk/checksums/crc'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { compareChecksum, hashFile, type Digests } from '../../src-main/services/sync/contentCompare'

/**
 * The exact rule's second read: the checksums a stored `x-amz-checksum-*` may hold
 *
 * The references below follow S3's definitions on whole buffers (a composite checksum is
 * the checksum of the parts' binary checksums, "-" and the part count), with the SDK's own
 * CRC32, so a mistake in the streaming part-splitting shows up as a mismatch.
 */
const dir = mkdtempSync(join(tmpdir(), 'cubeta-checksums-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function crc32Of(bytes: Buffer): Promise<Buffer> {
  const crc = new Crc32()
  crc.update(bytes)
  return Buffer.from(await crc.digest())
}

function partsOf(bytes: Buffer, partSize: number): Buffer[] {
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length || parts.length === 0; at += partSize) parts.push(bytes.subarray(at, at + partSize))
  return parts
}

async function reference(bytes: Buffer, partSizes: readonly number[]): Promise<Digests> {
  const hash = (algorithm: string, data: Buffer) => createHash(algorithm).update(data).digest()
  const composite = async (partSize: number) => {
    const parts = partsOf(bytes, partSize)
    const ofParts = (algorithm: string) => `${hash(algorithm, Buffer.concat(parts.map((p) => hash(algorithm, p)))).toString('base64')}-${parts.length}`
    const crcs = await Promise.all(parts.map(crc32Of))
    return { sha256: ofParts('sha256'), sha1: ofParts('sha1'), crc32: `${(await crc32Of(Buffer.concat(crcs))).toString('base64')}-${parts.length}` }
  }
  return {
    sha1: hash('sha1', bytes).toString('base64'),
    sha256: hash('sha256', bytes).toString('base64'),
    crc32: (await crc32Of(bytes)).toString('base64'),
    composite: await Promise.all(partSizes.map(composite)),
  }
}

let n = 0
describe('the checksums of a file for a stored x-amz-checksum-*', () => {
  it('are S3’s full-object and composite SHA-1, SHA-256 and CRC32, for any part size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2.5 * 1024 * 1024, size: 'large' }), fc.uniqueArray(fc.integer({ min: 1, max: 1536 * 1024 }), { maxLength: 3 }), async (data, partSizes) => {
        const bytes = Buffer.from(data)
        const path = join(dir, `f${n++}`)
        writeFileSync(path, bytes)
        expect(await hashFile(path, partSizes, bytes.length)).toEqual(await reference(bytes, partSizes))
      }),
      // Parts that straddle the 1 MiB reads, and an empty file (one empty part).
      { numRuns: 30, examples: [[new Uint8Array(2.25 * 1024 * 1024).map((_, i) => i * 13), [700_000, 1024 * 1024]], [new Uint8Array(0), [5]]] },
    )
  })
})

describe('a stored checksum against the file’s', () => {
  const digests: Digests = { sha1: 'S1', sha256: 'S256', crc32: 'C32', composite: [{ sha256: 'P256-3', sha1: 'P1-3', crc32: 'PC-3' }] }
  const stored = (algorithm: 'crc32' | 'sha1' | 'sha256', value: string, type: string | null = null) => ({ algorithm, value, type })

  it('a match of the whole file or of a composite is the same content', () => {
    expect(compareChecksum(stored('sha256', 'S256'), digests, false)).toBe('same')
    expect(compareChecksum(stored('crc32', 'PC-3'), digests, true)).toBe('same')
    // Some stores give a composite without its "-N".
    expect(compareChecksum(stored('sha1', 'P1'), digests, true)).toBe('same')
  })

  it('a mismatch proves a change only for a checksum known to cover the whole object', () => {
    expect(compareChecksum(stored('sha256', 'other'), digests, false)).toBe('different')
    expect(compareChecksum(stored('crc32', 'other', 'FULL_OBJECT'), digests, true)).toBe('different')
    // A multipart object's unmarked or composite checksum may be of parts we didn't guess.
    expect(compareChecksum(stored('crc32', 'other'), digests, true)).toBe('unknown')
    expect(compareChecksum(stored('sha256', 'other-3', 'COMPOSITE'), digests, true)).toBe('unknown')
  })
})
