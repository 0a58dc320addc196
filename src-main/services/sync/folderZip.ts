import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { SyncItem } from '../../contract/bridge'
import type { BucketScope } from '../objects/bucketScope'
import { listRecursively } from '../bucketIndex/recursiveListing'
import { openResumable } from '../downloads/resumableObjectStream'
import { collisions, localNameProblem } from './localNames'
import { zipStream } from './zipStream'

interface ZipPlan {
  scope: BucketScope
  prefix: string
  entries: { key: string; path: string; size: number; modifiedMs: number | null }[]
  expires: number
}

/**
 * Browser mode's "download this folder": one .zip, streamed as the objects are read
 *
 * The page can't write a folder, so the local server sends one archive through a
 * one-time link. Names that can't be file names (the same rules as a download sync,
 * case clashes included, since the zip may be opened anywhere) are left out and listed.
 */
export function createFolderZips(lifetimeMs = 60_000) {
  const plans = new Map<string, ZipPlan>()
  return {
    async create(scope: BucketScope, prefix: string): Promise<{ url: string; skipped: SyncItem[] }> {
      const listed: ZipPlan['entries'] = []
      for await (const page of listRecursively(scope, prefix, new AbortController().signal)) {
        for (const o of page) if (!o.key.endsWith('/')) listed.push({ key: o.key, path: o.key.slice(prefix.length), size: o.size, modifiedMs: o.modified })
      }
      const skipped: SyncItem[] = []
      const fine = listed.filter((e) => {
        const problem = localNameProblem(e.path)
        if (problem) skipped.push({ path: e.path, size: e.size, action: 'skipped', reason: problem })
        return problem === null
      })
      const clashes = collisions(fine.map((e) => e.path), true)
      const entries = fine.filter((e) => {
        const clash = clashes.get(e.path)
        if (clash) skipped.push({ path: e.path, size: e.size, action: 'skipped', reason: `${clash.reason}:${clash.with}` })
        return !clash
      })
      const token = randomBytes(18).toString('base64url')
      plans.set(token, { scope, prefix, entries, expires: Date.now() + lifetimeMs })
      return { url: `/api/zip/${token}`, skipped }
    },

    /** Exchanges a link's token for the archive's stream, once. */
    open(token: string): { body: Readable; fileName: string } | null {
      const plan = plans.get(token)
      plans.delete(token)
      if (!plan || plan.expires < Date.now()) return null
      const folderName = plan.prefix.replace(/\/$/, '').split('/').pop() || plan.scope.bucket
      const body = zipStream(
        plan.entries.map((e) => ({
          name: e.path,
          size: e.size,
          modifiedMs: e.modifiedMs,
          open: async () => (await openResumable(plan.scope.s3, plan.scope.bucket, e.key)).body as AsyncIterable<Buffer>,
        })),
      )
      return { body, fileName: `${folderName}.zip` }
    },
  }
}
