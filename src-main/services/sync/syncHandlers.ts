import type { Readable } from 'node:stream'
import type { Handlers } from '../../core/handlers'
import { AppError } from '../../core/appError'
import type { EventHub } from '../../core/eventHub'
import type { ScopeFor } from '../objects/bucketScope'
import type { TransferEngine } from '../transfers/transferEngine'
import { createFolderZips } from './folderZip'
import { createSyncPairs } from './syncPairs'
import { prepareSync, previewOf, type PreparedSync } from './syncPreview'
import { startSyncRun, type StartedRun } from './syncRun'

type SyncCalls = 'sync/pairs' | 'sync/savePair' | 'sync/deletePair' | 'sync/chooseFolder' | 'sync/preview' | 'sync/run' | 'sync/cancel' | 'sync/zipLink'

/** A preview is acted on soon after it is shown, or compared again. */
const previewLifetimeMs = 30 * 60_000

/** Folder sync: remembered pairs, compare, act; and browser mode's folder .zip. */
export function createSyncHandlers(deps: {
  dataDir: string
  scopeFor: ScopeFor
  events: EventHub
  engine: TransferEngine
  shell: 'electron' | 'browser'
  chooseFolder?: () => Promise<string | null>
}) {
  const pairs = createSyncPairs(deps.dataDir)
  const previews = new Map<string, PreparedSync>()
  const runs = new Map<string, StartedRun>()
  const zips = createFolderZips()

  const forgetOldPreviews = () => {
    for (const [id, p] of previews) if (Date.now() - p.createdAt > previewLifetimeMs) previews.delete(id)
  }

  const handlers: Pick<Handlers, SyncCalls> = {
    'sync/pairs': () => pairs.list(),
    'sync/savePair': async (draft) => {
      if (deps.shell === 'browser' && !draft.folderFromPage) throw new AppError('sync-folder-in-browser', 'In browser mode the folder comes from the page’s folder picker.', 'Choose the folder with “Choose folder”.')
      return pairs.put(draft.folderFromPage ? { ...draft, rule: 'quick' } : draft)
    },
    'sync/deletePair': async ({ id }) => {
      await pairs.remove(id)
      return { id }
    },
    'sync/chooseFolder': async () => {
      if (!deps.chooseFolder) throw new AppError('sync-folder-in-browser', 'In browser mode the folder comes from the page’s folder picker.', 'Choose the folder with “Choose folder”.')
      return { folder: await deps.chooseFolder() }
    },
    'sync/preview': async ({ pairId, files }) => {
      forgetOldPreviews()
      const pair = await pairs.get(pairId)
      if (pair.folderFromPage !== (files !== null)) {
        throw new AppError('sync-needs-folder', pair.folderFromPage ? 'Choose the folder again: the page can’t reopen it by itself.' : 'This sync reads its folder from disk.', 'Use “Choose folder”.')
      }
      if (pair.folderFromPage && pair.direction === 'download') throw new AppError('sync-download-in-browser', 'In browser mode a folder of the bucket comes down as one .zip.', 'Use “Download as .zip”.')
      const scope = await deps.scopeFor(pair.profileId, pair.bucket)
      const prepared = await prepareSync(scope, pair, files, new AbortController().signal)
      previews.set(prepared.previewId, prepared)
      return previewOf(prepared)
    },
    'sync/run': async ({ previewId, deleteCount, overwriteNewer }) => {
      const prepared = previews.get(previewId)
      if (!prepared) throw new AppError('sync-preview-gone', 'That comparison is too old to act on.', 'Compare again.')
      previews.delete(previewId)
      const scope = await deps.scopeFor(prepared.pair.profileId, prepared.pair.bucket)
      const count = (action: string) => [...prepared.plan.transfers, ...(overwriteNewer ? prepared.plan.newerAtDestination : [])].filter((i) => i.action === action).length
      const record = (outcome: { failed: unknown[] }) => {
        const failed = outcome.failed.length
        return pairs.recordRun(prepared.pair.id, {
          at: new Date().toISOString(),
          uploaded: count('upload') - (prepared.pair.direction === 'upload' ? failed : 0),
          downloaded: count('download') - (prepared.pair.direction === 'download' ? failed : 0),
          deleted: deleteCount ?? 0,
          failed,
        })
      }
      const run = startSyncRun({ scope, engine: deps.engine, events: deps.events, pageFiles: prepared.pair.folderFromPage, onFinished: record }, prepared, { deleteCount, overwriteNewer })
      runs.set(run.runId, run)
      void run.finished.then(() => runs.delete(run.runId))
      return { runId: run.runId, batchId: run.batchId, transferIds: run.transferIds }
    },
    'sync/cancel': async ({ runId }) => {
      const run = runs.get(runId)
      await run?.cancel()
      return { cancelled: run !== undefined }
    },
    'sync/zipLink': async ({ profileId, bucket, prefix }) => zips.create(await deps.scopeFor(profileId, bucket), prefix),
  }

  return {
    handlers,
    /** The remembered pairs' data file, for the damaged-file notice. */
    pairs,
    openZip: (token: string): { body: Readable; fileName: string } | null => zips.open(token),
    /** Waits for runs still writing files, so a test's data folder isn't removed under them. */
    async close() {
      await Promise.all([...runs.values()].map((r) => r.cancel().then(() => r.finished)))
    },
  }
}
