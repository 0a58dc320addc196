import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import type { SyncPair, SyncPairDraft } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import { createJsonStore } from '../dataFiles/jsonStore'

const pairSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  bucket: z.string(),
  prefix: z.string(),
  folder: z.string(),
  folderFromPage: z.boolean(),
  direction: z.enum(['upload', 'download']),
  rule: z.enum(['quick', 'exact']),
  cacheRules: z.array(z.object({ pattern: z.string(), cacheControl: z.string() })),
  lastRun: z.object({ at: z.string(), uploaded: z.number(), downloaded: z.number(), deleted: z.number(), failed: z.number() }).nullable(),
})

const pairsFileSchema = z.object({ pairs: z.array(pairSchema) })

/**
 * Remembered sync pairs, in `sync-pairs.json` in the data folder
 *
 * A pair is a profile, a bucket folder, a local folder, a direction and its rules, so a
 * sync runs again in one click. No secret is stored. Like every data file it goes
 * through dataFiles/jsonStore: one write queue, a lock across processes, and a damaged
 * file kept as a dated copy (a bad pair is shown, never dropped).
 */
export function createSyncPairs(dataDir: string) {
  const store = createJsonStore(join(dataDir, 'sync-pairs.json'), pairsFileSchema, {
    kind: 'syncPairs',
    empty: () => ({ pairs: [] }),
    entries: { field: 'pairs', schema: pairSchema, label: (raw) => {
      const folder = (raw as { folder?: unknown } | null)?.folder
      return typeof folder === 'string' ? folder.slice(0, 200) : null
    } },
  })
  const change = (next: (pairs: SyncPair[]) => SyncPair[]) =>
    store.update((file) => file.write({ ...file.value, pairs: next(file.value.pairs) }))

  return {
    list: async (): Promise<SyncPair[]> => (await store.read()).pairs,
    async get(id: string): Promise<SyncPair> {
      const pair = (await store.read()).pairs.find((p) => p.id === id)
      if (!pair) throw new AppError('sync-pair-gone', 'That sync is no longer remembered.', 'Set it up again.')
      return pair
    },
    async put(draft: SyncPairDraft): Promise<SyncPair> {
      let saved: SyncPair | null = null
      await change((pairs) => {
        const existing = draft.id === null ? undefined : pairs.find((p) => p.id === draft.id)
        saved = { ...draft, id: existing?.id ?? randomUUID(), lastRun: existing?.lastRun ?? null }
        return [...pairs.filter((p) => p.id !== saved!.id), saved]
      })
      return saved!
    },
    async remove(id: string) {
      await change((pairs) => pairs.filter((p) => p.id !== id))
    },
    async recordRun(id: string, lastRun: NonNullable<SyncPair['lastRun']>) {
      await change((pairs) => pairs.map((p) => (p.id === id ? { ...p, lastRun } : p)))
    },
    report: () => store.report(),
  }
}

export type SyncPairs = ReturnType<typeof createSyncPairs>
