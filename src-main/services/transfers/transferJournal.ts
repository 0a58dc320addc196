import { join } from 'node:path'
import { z } from 'zod'
import { readJsonWithFallback, writeJsonAtomic } from '../dataFiles/atomicJsonFile'

/**
 * The transfer journal: multipart uploads that have started and not yet ended
 *
 * An entry is written as soon as S3 gives the upload id, before any part is sent, and
 * removed when the upload completes or is aborted. If Cubeta is killed in between, the
 * next start finds the entry and offers to resume (ListParts tells which parts arrived)
 * or discard (AbortMultipartUpload), so parts are never left on the bill unseen.
 * It holds paths and ids, never a secret.
 */
export const journalEntrySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  key: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  partSize: z.number().int().positive(),
  uploadId: z.string(),
  contentType: z.string(),
  cacheControl: z.string().nullable(),
  /** A file on disk (desktop) or one the page must send again (browser mode). */
  source: z.union([z.object({ kind: z.literal('path'), path: z.string(), modifiedMs: z.number() }), z.object({ kind: z.literal('page') })]),
  startedAt: z.string(),
})
export type JournalEntry = z.infer<typeof journalEntrySchema>

export interface TransferJournal {
  load(): Promise<JournalEntry[]>
  put(entry: JournalEntry): Promise<void>
  remove(id: string): Promise<void>
}

export function createTransferJournal(dataDir: string): TransferJournal {
  const path = join(dataDir, 'transfers-journal.json')
  let entries: Map<string, JournalEntry> | null = null
  // Writes are chained so two parts finishing together can't interleave their renames.
  let writing: Promise<unknown> = Promise.resolve()
  const current = async () => (entries ??= new Map((await readEntries(path)).map((e) => [e.id, e])))
  const save = () => {
    const next = writing.then(() => writeJsonAtomic(path, { version: 1, uploads: [...(entries ?? new Map()).values()] }))
    writing = next.catch(() => undefined)
    return next
  }
  return {
    load: async () => [...(await current()).values()],
    async put(entry) {
      ;(await current()).set(entry.id, entry)
      await save()
    },
    async remove(id) {
      if ((await current()).delete(id)) await save()
    },
  }
}

async function readEntries(path: string): Promise<JournalEntry[]> {
  const file = await readJsonWithFallback(path, { uploads: [] })
  const uploads = (file?.value as { uploads?: unknown[] } | undefined)?.uploads ?? []
  return uploads.flatMap((entry) => {
    const parsed = journalEntrySchema.safeParse(entry)
    return parsed.success ? [parsed.data] : []
  })
}

/** For tests and browser mode without a data folder: the same contract, in memory. */
export function createMemoryJournal(): TransferJournal {
  const entries = new Map<string, JournalEntry>()
  return {
    load: async () => [...entries.values()],
    put: async (entry) => void entries.set(entry.id, entry),
    remove: async (id) => void entries.delete(id),
  }
}
