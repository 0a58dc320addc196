import { GetBucketLifecycleConfigurationCommand, type LifecycleRule } from '@aws-sdk/client-s3'
import type { Handlers } from '../../core/handlers'
import { readLifecycle, writeLifecycle } from '../bucketSettings/lifecycleWrite'
import type { ScopeFor } from '../objects/bucketScope'
import { abortUploads } from './abortUploads'
import { incompleteUploadPages, withParts } from './listIncomplete'

type UploadCalls = 'uploads/listIncomplete' | 'uploads/abort' | 'uploads/addAbortRule'

/** Shown at most; the answer says when there were more. */
const listLimit = 5_000
export const abortRuleId = 'cubeta-abort-incomplete-uploads'

/**
 * The bucket's incomplete uploads: listed with their parts and bytes, aborted on request,
 * or left to a lifecycle rule
 *
 * Cubeta's own interrupted uploads (in its transfer queue) are marked, so the user can
 * resume them instead; aborting one goes through the queue, so its journal entry goes too.
 */
export function createIncompleteUploadHandlers(deps: {
  scopeFor: ScopeFor
  transfers: { interruptedIn(bucket: string): { id: string; key: string }[]; cancel(ids: string[] | null): Promise<unknown> }
}): Pick<Handlers, UploadCalls> {
  const ownInterrupted = (bucket: string) => deps.transfers.interruptedIn(bucket)
  return {
    'uploads/listIncomplete': async ({ profileId, bucket }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      const own = ownInterrupted(bucket)
      const uploads = []
      let truncated = false
      for await (const page of incompleteUploadPages(scope)) {
        uploads.push(...(await withParts(scope, page)).map((u) => ({ ...u, transferId: own.find((t) => t.key === u.key)?.id ?? null })))
        if (uploads.length >= listLimit) {
          truncated = true
          break
        }
      }
      return { uploads, truncated }
    },

    'uploads/abort': async ({ profileId, bucket, uploads }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      const own = ownInterrupted(bucket)
      const ours = own.filter((t) => uploads.some((u) => u.key === t.key))
      // The queue aborts its own uploads and forgets them; the rest are aborted here.
      if (ours.length > 0) await deps.transfers.cancel(ours.map((t) => t.id))
      return abortUploads(scope, uploads)
    },

    'uploads/addAbortRule': async ({ profileId, bucket, days }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      const current = await readLifecycle(scope)
      // Every rule already there is kept as S3 gave it; only a rule of ours is replaced.
      const rules: LifecycleRule[] = [
        ...current.rules.filter((rule) => rule.ID !== abortRuleId),
        { ID: abortRuleId, Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: days } },
      ]
      await writeLifecycle(scope, rules, current.minimumSize)
      const readBack = await scope.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))
      return { rules: JSON.parse(JSON.stringify(readBack.Rules ?? [])) as Record<string, unknown>[] }
    },
  }
}
