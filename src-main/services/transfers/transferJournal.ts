import { join } from 'node:path'
import { z } from 'zod'
import type { DataFileReport } from '../../contract/bridge'
import { createJsonStore } from '../dataFiles/jsonStore'

/**
 * The transfer journal: multipart uploads that have started and not yet ended
 *
 * An entry is written just before CreateMultipartUpload is sent (the intent: key and
 * time, no id yet), given the id as soon as S3 answers, before any part is sent, and
 * removed when the upload completes or is aborted. If Cubeta is killed in between, the
 * next start finds the entry and offers to resume (ListParts tells which parts arrived)
 * or discard (AbortMultipartUpload), so parts are never left on the bill unseen. An
 * entry killed before its id was written is matched to its upload by key and time
 * (multipartIntent.ts) when the user resumes or discards it.
 * It holds paths and ids, never a secret. Each change is a read-change-write of the file
 * (see jsonStore), so two Cubeta processes on one data folder keep each other's entries.
 */
export const journalEntrySchema = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  key: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  partSize: z.number().int().positive(),
  /** Null: CreateMultipartUpload was sent (or about to be) and its answer not yet kept. */
  uploadId: z.string().nullable(),
  contentType: z.string(),
  cacheControl: z.string().nullable(),
  /** A file on disk (desktop) or one the page must send again (browser mode). */
  source: z.union([z.object({ kind: z.literal('path'), path: z.string(), modifiedMs: z.number() }), z.object({ kind: z.literal('page') })]),
  startedAt: z.string(),
  /** The process uploading it: another live Cubeta's upload is not "interrupted". */
  ownerPid: z.number().int().optional(),
})
export type JournalEntry = z.infer<typeof journalEntrySchema>

const journalFileSchema = z.object({ version: z.literal(1), uploads: z.array(journalEntrySchema) })

export interface TransferJournal {
  /** Uploads no running process owns any more: the ones to offer to resume. */
  load(): Promise<JournalEntry[]>
  put(entry: JournalEntry): Promise<void>
  remove(id: string): Promise<void>
  report?(): DataFileReport | null
}

export function createTransferJournal(dataDir: string, isAlive: (pid: number) => boolean = processIsAlive): TransferJournal {
  const store = createJsonStore(join(dataDir, 'transfers-journal.json'), journalFileSchema, {
    kind: 'transfers',
    empty: () => ({ version: 1 as const, uploads: [] }),
    entries: { field: 'uploads', schema: journalEntrySchema, label: (raw) => {
      const name = (raw as { name?: unknown } | null)?.name
      return typeof name === 'string' ? name.slice(0, 200) : null
    } },
  })
  // Only ids this process wrote or restored can be in the file: the 5,000 small files
  // of a folder upload finish without touching it.
  const mine = new Set<string>()
  return {
    async load() {
      const { uploads } = await store.read()
      const entries = uploads.filter((e) => e.ownerPid === undefined || e.ownerPid === process.pid || !isAlive(e.ownerPid))
      for (const entry of entries) mine.add(entry.id)
      return entries
    },
    async put(entry) {
      mine.add(entry.id)
      const owned = { ...entry, ownerPid: process.pid }
      await store.update((file) => file.write({ ...file.value, uploads: [...file.value.uploads.filter((e) => e.id !== entry.id), owned] }))
    },
    async remove(id) {
      if (!mine.delete(id)) return
      await store.update(async (file) => {
        if (file.value.uploads.some((e) => e.id === id)) await file.write({ ...file.value, uploads: file.value.uploads.filter((e) => e.id !== id) })
      })
    },
    report: () => store.report(),
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
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
