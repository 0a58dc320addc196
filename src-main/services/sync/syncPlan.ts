import type { SyncAction, SyncDirection, SyncItem, SyncRule } from '../../contract/bridge'
import { collisions, keyProblem, localNameProblem } from './localNames'

export interface LocalFile {
  path: string
  size: number
  modifiedMs: number
}

export interface RemoteObject {
  path: string
  size: number
  etag: string | null
  modifiedMs: number | null
}

/** What the exact rule found out about a pair of equal size (contentCompare.ts). */
export type ContentVerdict = 'same' | 'different' | 'unknown'

export interface PlanInput {
  direction: SyncDirection
  rule: SyncRule
  prefix: string
  local: readonly LocalFile[]
  remote: readonly RemoteObject[]
  /** Exact rule only: verdicts for paths on both sides with equal sizes. */
  content: ReadonlyMap<string, ContentVerdict>
  /** Download direction: the local disk ignores case (Windows, macOS by default). */
  caseInsensitiveDisk: boolean
}

export interface PlanItem extends SyncItem {
  /** The source's date, for a download to stamp on the file it writes. */
  sourceModifiedMs: number | null
}

export interface SyncPlan {
  transfers: PlanItem[]
  deletions: PlanItem[]
  unchanged: PlanItem[]
  newerAtDestination: PlanItem[]
  skipped: PlanItem[]
  notExact: PlanItem[]
}

/**
 * The sync decision, as one pure function of both sides
 *
 * Pairs are matched by path below the folder. A path only at the source is sent
 * ("new"); only at the destination it is offered for deletion ("only-there"), which
 * happens only when the user ticks it. On both sides:
 * - quick rule: the same size, and the source not modified after the destination's copy
 *   (compared to the second, as S3 keeps dates), means unchanged;
 * - exact rule: a different size is a change; for equal sizes the content verdict
 *   decides (MD5 or a recomputed multipart ETag, or a stored checksum); where no
 *   checksum could be compared, the quick rule decides and the file is listed as
 *   "not compared exactly". A multipart ETag alone therefore never makes a file "changed".
 * Downloading over a local file that is newer than the object is never automatic: it is
 * listed apart ("newer here"), and overwritten only when the user says so.
 * Names that can't exist on the destination are skipped with the reason.
 */
export function planSync(input: PlanInput): SyncPlan {
  const plan: SyncPlan = { transfers: [], deletions: [], unchanged: [], newerAtDestination: [], skipped: [], notExact: [] }
  const upload = input.direction === 'upload'
  const localByPath = new Map(input.local.map((f) => [f.path, f]))
  // Folder markers ("fotos/") are folders, not files, on either side.
  const remote = input.remote.filter((o) => !o.path.endsWith('/') && o.path !== '')
  const remoteByPath = new Map(remote.map((o) => [o.path, o]))

  const sources = upload ? input.local.map((f) => ({ path: f.path, size: f.size, modifiedMs: f.modifiedMs as number | null })) : remote.map((o) => ({ path: o.path, size: o.size, modifiedMs: o.modifiedMs }))
  const blocked = new Map<string, string>()
  if (upload) {
    for (const f of input.local) {
      const problem = keyProblem(input.prefix, f.path)
      if (problem) blocked.set(f.path, problem)
    }
  } else {
    for (const o of remote) {
      const problem = localNameProblem(o.path)
      if (problem) blocked.set(o.path, problem)
    }
    const clashes = collisions(remote.map((o) => o.path).filter((p) => !blocked.has(p)).sort(byBytes), input.caseInsensitiveDisk)
    for (const [path, clash] of clashes) blocked.set(path, `${clash.reason}:${clash.with}`)
  }

  const item = (path: string, size: number, action: PlanItem['action'], reason: string, sourceModifiedMs: number | null): PlanItem => ({ path, size, action, reason, sourceModifiedMs })
  const transferAction: SyncAction = upload ? 'upload' : 'download'
  const seconds = (ms: number | null) => (ms === null ? null : Math.floor(ms / 1000))

  for (const source of sources) {
    const reason = blocked.get(source.path)
    if (reason) {
      plan.skipped.push(item(source.path, source.size, 'skipped', reason, source.modifiedMs))
      continue
    }
    const local = localByPath.get(source.path)
    const object = remoteByPath.get(source.path)
    const destination = upload ? object : local
    if (!destination) {
      plan.transfers.push(item(source.path, source.size, transferAction, 'new', source.modifiedMs))
      continue
    }
    const destinationModified = upload ? (object?.modifiedMs ?? null) : (local?.modifiedMs ?? null)
    const sourceSec = seconds(source.modifiedMs)
    const destinationSec = seconds(destinationModified)
    const sourceNotNewer = sourceSec !== null && destinationSec !== null && sourceSec <= destinationSec
    const destinationNewer = sourceSec !== null && destinationSec !== null && destinationSec > sourceSec
    const quickSame = source.size === destination.size && sourceNotNewer

    let same: boolean
    let why: string
    if (input.rule === 'exact' && source.size !== destination.size) {
      same = false
      why = 'size-differs'
    } else if (input.rule === 'exact') {
      const verdict = input.content.get(source.path) ?? 'unknown'
      if (verdict === 'unknown') {
        plan.notExact.push(item(source.path, source.size, 'same', 'no-comparable-checksum', source.modifiedMs))
        same = quickSame
        why = same ? 'same-size-date' : 'newer-source'
      } else {
        same = verdict === 'same'
        why = same ? 'same-checksum' : 'content-differs'
      }
    } else {
      same = quickSame
      why = same ? 'same-size-date' : source.size !== destination.size ? 'size-differs' : 'newer-source'
    }

    if (same) plan.unchanged.push(item(source.path, source.size, 'same', why, source.modifiedMs))
    else if (!upload && destinationNewer) plan.newerAtDestination.push(item(source.path, source.size, 'newer-here', why, source.modifiedMs))
    else plan.transfers.push(item(source.path, source.size, transferAction, why, source.modifiedMs))
  }

  const sourcePaths = new Set(sources.map((s) => s.path))
  if (upload) {
    for (const o of remote) if (!sourcePaths.has(o.path)) plan.deletions.push(item(o.path, o.size, 'delete-remote', 'only-there', o.modifiedMs))
  } else {
    for (const f of input.local) if (!sourcePaths.has(f.path)) plan.deletions.push(item(f.path, f.size, 'delete-local', 'only-there', f.modifiedMs))
  }
  return plan
}

/** S3 lists keys in UTF-8 byte order; the first of two clashing names is the one it lists first. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}
