import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateBucketCommand, GetObjectCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'
import { createTransferJournal, type JournalEntry, type TransferJournal } from '../../src-main/services/transfers/transferJournal'
import { partSizeFor } from '../../src-main/services/transfers/partSize'
import { startVersitygw, type Versitygw } from '../support/versitygw'

/**
 * Cubeta killed between CreateMultipartUpload and the journal's write of the upload id
 *
 * The "kill" is a journal whose next write never returns and is never made: the first
 * process stops exactly there, as it would under SIGKILL, and a second engine starts on
 * the same data folder. Nothing may be left on the server that the second can't see.
 * versitygw, not moto: moto's ListMultipartUploads gives every upload the same fixed
 * "Initiated" date (2010-11-10), and the match is by key and time.
 */
let gw: Versitygw
beforeAll(async () => {
  gw = await startVersitygw()
})
afterAll(async () => gw.stop())
let bucket = ''
let run = 0
beforeEach(async () => {
  bucket = `killed-start-${++run}`
  await s3().send(new CreateBucketCommand({ Bucket: bucket }))
})

const s3 = () => new S3Client({ region: 'us-east-1', endpoint: gw.endpoint, forcePathStyle: true, credentials: { accessKeyId: gw.accessKeyId, secretAccessKey: gw.secretAccessKey } })
const partSize = partSizeFor(1)
const openUploads = async () => (await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []
const journalFile = async (dir: string) => JSON.parse(await readFile(join(dir, 'transfers-journal.json'), 'utf8').catch(() => '{"uploads":[]}')) as { uploads: JournalEntry[] }
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex')

/** The data folder's journal, until `dies` says a write is the one the process dies at (before it, or just after). */
function journalKilledAt(dir: string, dies: (entry: JournalEntry) => boolean, { afterWrite = false } = {}) {
  const real = createTransferJournal(dir)
  let killed!: () => void
  const reached = new Promise<void>((resolve) => (killed = resolve))
  const journal: TransferJournal = {
    load: () => real.load(),
    remove: (id) => real.remove(id),
    put(entry) {
      if (!dies(entry)) return real.put(entry)
      const never = () => {
        killed()
        return new Promise<void>(() => undefined)
      }
      return afterWrite ? real.put(entry).then(never) : never()
    },
  }
  return { journal, reached }
}

function engine(journal: TransferJournal) {
  return createTransferEngine({ s3For: async () => s3(), onChange: () => undefined, requestBytes: () => undefined, maxConcurrentFiles: 2, journal })
}

async function startAndKill(dies: (entry: JournalEntry) => boolean, options: { afterWrite?: boolean } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'cubeta-killed-'))
  const path = join(dir, 'video.bin')
  const content = randomBytes(partSize * 2 + 321)
  await writeFile(path, content)
  const { journal, reached } = journalKilledAt(dir, dies, options)
  engine(journal).enqueue('p', bucket, 'big/', [{ relativePath: 'video.bin', size: content.length, source: { kind: 'path', path } }], null)
  await reached
  return { dir, content }
}

async function restarted(dir: string) {
  const second = engine(createTransferJournal(dir))
  await second.restoreInterrupted()
  return second
}

async function settled(e: ReturnType<typeof engine>) {
  for (;;) {
    const snapshot = e.snapshot()
    if (snapshot.totals.active === 0) return snapshot
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('a multipart upload killed between CreateMultipartUpload and the journal write of its id', () => {
  it('is offered on restart, and Discard aborts the upload S3 made: no parts left', async () => {
    const { dir } = await startAndKill((entry) => entry.uploadId !== null)
    expect(await openUploads()).toHaveLength(1)

    const second = await restarted(dir)
    const shown = second.snapshot()
    expect(shown.transfers).toMatchObject([{ key: 'big/video.bin', status: 'interrupted', resume: 'disk' }])
    const after = await second.cancel([shown.transfers[0]!.id])
    expect(after.transfers[0]).toMatchObject({ status: 'cancelled', error: null })
    expect(await openUploads()).toEqual([])
    expect((await journalFile(dir)).uploads).toEqual([])
  })

  it('Resume continues that very upload: one object, byte-exact, no upload left open', async () => {
    const { dir, content } = await startAndKill((entry) => entry.uploadId !== null)
    const ours = (await openUploads())[0]?.UploadId
    expect(ours).toBeTruthy()
    const second = await restarted(dir)
    second.resume([second.snapshot().transfers[0]!.id])
    const done = await settled(second)
    expect(done.transfers[0]?.status).toBe('done')
    const stored = await (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'big/video.bin' }))).Body!.transformToByteArray()
    expect(sha(stored)).toBe(sha(content))
    // Had Resume begun a second upload, the first would still be open here.
    expect(await openUploads()).toEqual([])
    expect((await journalFile(dir)).uploads).toEqual([])
  })

  it('killed just after the intent was kept, before the request left: offered, and Resume starts afresh with nothing left over', async () => {
    const { dir, content } = await startAndKill((entry) => entry.uploadId === null, { afterWrite: true })
    expect(await openUploads()).toEqual([])
    const second = await restarted(dir)
    expect(second.snapshot().transfers).toMatchObject([{ key: 'big/video.bin', status: 'interrupted' }])
    second.resume([second.snapshot().transfers[0]!.id])
    const done = await settled(second)
    expect(done.transfers[0]?.status).toBe('done')
    const stored = await (await s3().send(new GetObjectCommand({ Bucket: bucket, Key: 'big/video.bin' }))).Body!.transformToByteArray()
    expect(sha(stored)).toBe(sha(content))
    expect(await openUploads()).toEqual([])
    expect((await journalFile(dir)).uploads).toEqual([])
  })
})
