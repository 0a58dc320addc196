import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createProfileRepository } from '../../src-main/services/profiles/profileRepository'
import { profilesFileSchema } from '../../src-main/services/profiles/storedProfile'
import { createTransferJournal, journalEntrySchema } from '../../src-main/services/transfers/transferJournal'
import { createSetupJournal, setupRecordSchema, type SetupRecord } from '../../src-main/services/setupWizard/setupJournal'
import { z } from 'zod'

/**
 * Any damage to any data file, then a start, then two saves: the damaged file's original
 * bytes are still on disk (under a dated name), and the file itself is good again.
 */
type Corruption =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'replace-value'; path: number[]; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'huge' }
  | { kind: 'directory' }

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('replace-value' as const), path: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('whole' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.constant({ kind: 'huge' as const }),
  fc.constant({ kind: 'directory' as const }),
)

/** Replaces the value at a path of child indexes (object keys or array items, modulo their count). */
function replaceAt(root: unknown, path: number[], value: unknown): unknown {
  if (path.length === 0 || root === null || typeof root !== 'object') return value
  const [head, ...rest] = path
  if (Array.isArray(root)) {
    if (root.length === 0) return value
    const i = head! % root.length
    return root.map((item, j) => (j === i ? replaceAt(item, rest, value) : item))
  }
  const keys = Object.keys(root)
  if (keys.length === 0) return value
  const key = keys[head! % keys.length]!
  return { ...(root as Record<string, unknown>), [key]: replaceAt((root as Record<string, unknown>)[key], rest, value) }
}

function corrupt(original: Buffer, how: Corruption): Buffer | 'directory' {
  switch (how.kind) {
    case 'truncate':
      return original.subarray(0, how.at % original.length)
    case 'flip': {
      const copy = Buffer.from(original)
      const at = how.at % copy.length
      copy[at] = copy[at]! ^ (1 << how.bit)
      return copy
    }
    case 'replace-value':
      return Buffer.from(JSON.stringify(replaceAt(JSON.parse(original.toString('utf8')), how.path, how.value)))
    case 'whole':
      return Buffer.from(JSON.stringify(how.value) ?? 'undefined')
    case 'huge':
      return Buffer.concat([original.subarray(0, original.length - 2), Buffer.alloc(17 * 1024 * 1024, 0x20), Buffer.from('}\n')])
    case 'directory':
      return 'directory'
  }
}

/** Each data file: how to fill it, how a start reads it, and one save. */
const profile = (id: string) => ({ id, name: `P ${id}`, accessKeyId: 'AKIAEXAMPLE', region: 'us-east-1', endpoint: null, forcePathStyle: false, createdAt: '2026-01-01T00:00:00Z' })
const upload = (id: string) => ({ id, profileId: 'p', bucket: 'b', key: `k/${id}`, name: id, size: 20_000_000, partSize: 8_388_608, uploadId: `u-${id}`, contentType: 'text/plain', cacheControl: null, source: { kind: 'page' as const }, startedAt: '2026-01-01T00:00:00Z' })
const record = (n: number): SetupRecord => ({
  version: 1,
  accountId: '123456789012',
  plan: { userName: 'django-media', userMode: 'new', policy: 'least-privilege', bucket: 'mi-blog', region: 'eu-west-1', cors: false, keepTestObject: false, deleteAccessKeyRef: null },
  created: [{ kind: 'user', name: 'django-media' }, { kind: 'bucket', name: 'mi-blog', region: 'eu-west-1' }],
  steps: [{ id: 'user', status: 'done', detail: `step ${n}`, error: null }],
  newAccessKeyId: null,
  updatedAt: '2026-01-01T00:00:00Z',
})
const files = [
  {
    name: 'profiles.json',
    schema: profilesFileSchema as z.ZodType,
    fill: async (dir: string) => createProfileRepository(dir).save([profile('a'), profile('b')]),
    startAndSaveTwice: async (dir: string) => {
      const repo = createProfileRepository(dir)
      const loaded = await repo.load()
      await repo.save([...loaded, profile('c')])
      await repo.save([...loaded, profile('c'), profile('d')])
    },
  },
  {
    name: 'transfers-journal.json',
    schema: z.object({ version: z.literal(1), uploads: z.array(journalEntrySchema) }) as z.ZodType,
    fill: async (dir: string) => {
      const journal = createTransferJournal(dir)
      await journal.put(upload('a'))
      await journal.put(upload('b'))
    },
    startAndSaveTwice: async (dir: string) => {
      const journal = createTransferJournal(dir)
      await journal.load()
      await journal.put(upload('c'))
      await journal.put(upload('d'))
    },
  },
  {
    name: 'setup-journal.json',
    schema: setupRecordSchema.nullable() as z.ZodType,
    fill: async (dir: string) => createSetupJournal(dir).save(record(0)),
    startAndSaveTwice: async (dir: string) => {
      const journal = createSetupJournal(dir)
      await journal.load()
      await journal.save(record(1))
      await journal.save(record(2))
    },
  },
]

/** Whether the damaged text still validates whole (then nothing had to be kept). */
const stillValid = (bytes: Buffer, file: (typeof files)[number]) => {
  try {
    const value = JSON.parse(bytes.toString('utf8'))
    return file.schema.safeParse(value).success
  } catch {
    return false
  }
}

describe.each(files)('$name, damaged at random', (file) => {
  it('keeps the original bytes through a start and two saves', async () => {
    await fc.assert(
      fc.asyncProperty(corruption, async (how) => {
        const dir = await mkdtemp(join(tmpdir(), 'cubeta-corrupt-'))
        try {
          await file.fill(dir)
          const path = join(dir, file.name)
          const original = await readFile(path)
          const damaged = corrupt(original, how)
          if (damaged === 'directory') {
            await rm(path)
            await mkdir(path)
            await writeFile(join(path, 'marker'), 'original')
          } else await writeFile(path, damaged)

          await file.startAndSaveTwice(dir)

          const copies = (await readdir(dir)).filter((n) => n.startsWith(`${file.name}.corrupt-`))
          if (damaged === 'directory') {
            expect(copies).toHaveLength(1)
            expect(await readFile(join(dir, copies[0]!, 'marker'), 'utf8')).toBe('original')
          } else if (!stillValid(damaged, file)) {
            expect(copies.length).toBeGreaterThanOrEqual(1)
            const kept = await Promise.all(copies.map((n) => readFile(join(dir, n))))
            expect(kept.some((bytes) => bytes.equals(damaged))).toBe(true)
          }
          // And the file is good again, holding the last save.
          const now = JSON.parse(await readFile(path, 'utf8'))
          expect(JSON.stringify(now)).toMatch(/"(d|step 2)"/)
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      }),
      { numRuns: 40 },
    )
  }, 60_000)
})
