import { randomBytes } from 'node:crypto'
import { access, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DeclaredLocalFile, SyncCategory, SyncPair, SyncPreview } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import type { BucketScope } from '../objects/bucketScope'
import { listRecursively } from '../bucketIndex/recursiveListing'
import { compareContent } from './contentCompare'
import { scanFolder } from './localScan'
import { localNameProblem } from './localNames'
import { planSync, type ContentVerdict, type PlanItem, type RemoteObject, type SyncPlan } from './syncPlan'

/** A compared sync, kept until it runs (or for half an hour), with what only main may hold. */
export interface PreparedSync {
  previewId: string
  pair: SyncPair
  plan: SyncPlan
  /** Path below the folder → absolute path on disk (desktop). */
  localPaths: Map<string, string>
  partials: string[]
  createdAt: number
}

const listedAtMost = 1000

/**
 * Compare first: both sides listed, the plan made, nothing moved
 *
 * The bucket side is one recursive listing of the prefix (no HEAD per object); the local
 * side a walk of the folder (desktop) or the files the page declared (browser mode,
 * where only size and date are known, so the quick rule applies). The exact rule hashes
 * only files whose size matches their object (a different size is a change already),
 * page by page as the listing arrives, while the folder walk is still going.
 */
export async function prepareSync(scope: BucketScope, pair: SyncPair, declared: DeclaredLocalFile[] | null, signal: AbortSignal): Promise<PreparedSync> {
  // The listing waits on the server, the folder walk on the disk: both at once, not one after the other.
  const scanning = declared ? null : scanLocal(pair.folder)
  scanning?.catch(() => undefined) // reported when it is awaited, after the listing
  const rule = declared ? 'quick' : pair.rule
  const remote: (RemoteObject & { key: string })[] = []
  const content = new Map<string, ContentVerdict>()
  const comparing: Promise<unknown>[] = []
  for await (const page of listRecursively(scope, pair.prefix, signal)) {
    const objects = page.map((o) => ({ key: o.key, path: o.key.slice(pair.prefix.length), size: o.size, etag: o.etag, modifiedMs: o.modified }))
    remote.push(...objects)
    if (rule !== 'exact' || !scanning) continue
    // The exact rule hashes each page's files while the next page is on its way, by the
    // listed path, without waiting for the folder walk: the pool hashes only a regular file
    // of the object's size there, and the plan takes a verdict only for a file the walk found
    // with that size (a file changed in between has no verdict: size and date decide, and it
    // is listed as not compared exactly).
    for (const object of objects) {
      if (!hashable(object.path)) continue
      const verdict = compareContent(scope, join(pair.folder, ...object.path.split('/')), object).then((v) => v && content.set(object.path, v))
      verdict.catch(() => undefined) // reported when all are awaited, after the listing
      comparing.push(verdict)
    }
  }
  await Promise.all(comparing)
  const localPaths = new Map<string, string>()
  let partials: string[] = []
  let notFiles: string[] = []
  let local
  if (!scanning) local = declared!
  else {
    const scanned = await scanning
    for (const f of scanned.files) localPaths.set(f.path, f.absolutePath)
    partials = scanned.partials
    notFiles = scanned.notFiles
    local = scanned.files.map(({ path, size, modifiedMs }) => ({ path, size, modifiedMs }))
  }
  const caseInsensitiveDisk = !declared && pair.direction === 'download' ? await ignoresCase(pair.folder) : false
  const plan = planSync({ direction: pair.direction, rule, prefix: pair.prefix, local, remote, content, caseInsensitiveDisk })
  for (const path of notFiles) plan.skipped.push({ path, size: 0, action: 'skipped', reason: 'not-a-file', sourceModifiedMs: null })
  return { previewId: randomBytes(12).toString('base64url'), pair: { ...pair, rule }, plan, localPaths, partials, createdAt: Date.now() }
}

export function previewOf(prepared: PreparedSync): SyncPreview {
  const category = (items: PlanItem[]): SyncCategory => ({
    count: items.length,
    bytes: items.reduce((sum, i) => sum + i.size, 0),
    items: items.slice(0, listedAtMost).map(({ path, size, action, reason }) => ({ path, size, action, reason })),
  })
  const { plan } = prepared
  return {
    previewId: prepared.previewId,
    pair: prepared.pair,
    rule: prepared.pair.rule,
    transfers: category(plan.transfers),
    deletions: category(plan.deletions),
    unchanged: category(plan.unchanged),
    newerAtDestination: category(plan.newerAtDestination),
    skipped: category(plan.skipped),
    notExact: category(plan.notExact),
  }
}

/** A listed path that names a file inside the folder: never ".." or an empty part, nor a Windows separator in a name. */
function hashable(path: string): boolean {
  const problem = localNameProblem(path)
  return problem !== 'dot-segment' && problem !== 'empty-segment' && !(process.platform === 'win32' && path.includes('\\'))
}

async function scanLocal(folder: string) {
  await stat(folder).catch(() => {
    throw new AppError('sync-folder-missing', `The folder ${folder} is not there.`, 'Plug in the disk or choose the folder again.', { folder })
  })
  return scanFolder(folder)
}

/** Does this folder's disk treat "A" and "a" as one name? Asked by writing a probe file. */
async function ignoresCase(folder: string): Promise<boolean> {
  const name = `.cubeta-case-${randomBytes(4).toString('hex')}`
  const probe = join(folder, name)
  try {
    await writeFile(probe, '', { flag: 'wx' })
    return await access(join(folder, name.toUpperCase())).then(
      () => true,
      () => false,
    )
  } catch {
    return process.platform === 'win32' || process.platform === 'darwin'
  } finally {
    await rm(probe, { force: true })
  }
}
