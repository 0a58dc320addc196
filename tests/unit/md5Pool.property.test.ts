import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createMd5Pool } from '../../src-main/services/sync/md5Pool'

const dir = mkdtempSync(join(tmpdir(), 'cubeta-md5pool-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The multipart ETag by its definition: md5 of the parts' binary MD5s, "-" and the count. */
function multipartEtag(bytes: Buffer, partSize: number) {
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length || parts.length === 0; at += partSize) parts.push(createHash('md5').update(bytes.subarray(at, at + partSize)).digest())
  return `${createHash('md5').update(Buffer.concat(parts)).digest('hex')}-${parts.length}`
}

describe('the MD5 pool', () => {
  it('gives each file its MD5 and the multipart ETag of every part size, on worker threads', async () => {
    const pool = createMd5Pool(2)
    try {
      let n = 0
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.uint8Array({ maxLength: 3 * 1024 * 1024 + 7, size: 'large' }), fc.uniqueArray(fc.integer({ min: 1, max: 2 * 1024 * 1024 }), { maxLength: 3 })), { minLength: 1, maxLength: 40 }), async (files) => {
          const paths = files.map(([bytes]) => {
            const path = join(dir, `f${n++}`)
            writeFileSync(path, bytes)
            return path
          })
          const got = await Promise.all(files.map(([, sizes], i) => pool.md5(paths[i]!, sizes)))
          files.forEach(([bytes, sizes], i) => {
            const buffer = Buffer.from(bytes)
            expect(got[i]!.md5).toBe(createHash('md5').update(buffer).digest('hex'))
            expect(got[i]!.multipartEtags).toEqual(sizes.map((size) => multipartEtag(buffer, size)))
          })
        }),
        // Files past the 1 MiB read, whose parts straddle reads, every time.
        { numRuns: 25, examples: [[[[new Uint8Array(2.5 * 1024 * 1024).map((_, i) => i * 7), [700_000, 1024 * 1024]], [new Uint8Array(0), [5]]]]] },
      )
      expect(pool.threads).toBeGreaterThan(0)
    } finally {
      pool.close()
    }
  })

  it('hashes by a listed path only a regular file of the listed size', async () => {
    const pool = createMd5Pool(1)
    try {
      const file = join(dir, 'sized')
      writeFileSync(file, 'abcd')
      symlinkSync(file, join(dir, 'sized-link'))
      mkdirSync(join(dir, 'a-folder'))
      const [right, otherSize, missing, underAFile, link, folder] = await Promise.all([
        pool.md5IfSize(file, [], 4),
        pool.md5IfSize(file, [], 5),
        pool.md5IfSize(join(dir, 'not-there'), [], 4),
        pool.md5IfSize(join(file, 'below'), [], 4),
        pool.md5IfSize(join(dir, 'sized-link'), [], 4),
        pool.md5IfSize(join(dir, 'a-folder'), [], 0),
      ])
      expect(right?.md5).toBe(createHash('md5').update('abcd').digest('hex'))
      expect([otherSize, missing, underAFile, folder]).toEqual([null, null, null, null])
      // A link is not followed where the system can refuse to (the folder walk skips links).
      if (process.platform !== 'win32') expect(link).toBeNull()
    } finally {
      pool.close()
    }
  })

  it('fails a missing file with the error code, and goes on with the rest', async () => {
    const pool = createMd5Pool(1)
    try {
      const there = join(dir, 'there')
      writeFileSync(there, 'abc')
      const [missing, present] = await Promise.allSettled([pool.md5(join(dir, 'not-there'), []), pool.md5(there, [])])
      expect(missing.status === 'rejected' && (missing.reason as NodeJS.ErrnoException).code).toBe('ENOENT')
      expect(present.status === 'fulfilled' && present.value.md5).toBe(createHash('md5').update('abc').digest('hex'))
    } finally {
      pool.close()
    }
  })
})
