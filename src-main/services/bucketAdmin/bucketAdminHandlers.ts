import type { EventHub } from '../../core/eventHub'
import type { Handlers } from '../../core/handlers'
import type { AwsClientFactory } from '../aws/awsClients'
import type { ScopeFor } from '../objects/bucketScope'
import { createProgressReporter } from '../objects/progressReporter'
import type { ProfileService } from '../profiles/profileService'
import { bucketErrors, createBucket } from './createBucket'
import { emptyAndDeleteBucket } from './deleteBucket'
import { bytesIn, entriesIn, measureBucket } from './measureBucket'
import type { Operations } from './operations'

type BucketAdminCalls = 'buckets/create' | 'buckets/measure' | 'buckets/delete' | 'operations/cancel'

/** Create, count, empty and delete buckets; counting and emptying can be stopped. */
export function createBucketAdminHandlers(deps: {
  profiles: ProfileService
  clients: AwsClientFactory
  events: EventHub
  scopeFor: ScopeFor
  operations: Operations
  /** Called when the set of buckets changed, so cached per-bucket state is dropped. */
  onBucketsChanged?: () => void
}): Pick<Handlers, BucketAdminCalls> {
  const reporter = (operationId: string, kind: 'measure' | 'empty-bucket') =>
    createProgressReporter((progress) => deps.events.emit('objects/progress', progress), { operationId, kind })

  return {
    'buckets/create': async (input) => {
      const created = await createBucket(deps, input)
      deps.onBucketsChanged?.()
      return created
    },

    'buckets/measure': async ({ profileId, bucket, operationId }) => {
      const signal = deps.operations.start(operationId)
      const progress = reporter(operationId, 'measure')
      let last = { done: 0, bytes: 0 }
      try {
        progress.report(0, null, { bytes: 0 })
        const scope = await deps.scopeFor(profileId, bucket)
        return await measureBucket(scope, signal, (tally) => {
          last = { done: entriesIn(tally) + tally.incompleteUploads, bytes: bytesIn(tally) }
          progress.report(last.done, null, { bytes: last.bytes })
        })
      } finally {
        deps.operations.finish(operationId)
        progress.finish(last.done, last.done, { bytes: last.bytes })
      }
    },

    'buckets/delete': async ({ profileId, bucket, confirmName, operationId }) => {
      if (confirmName !== bucket) throw bucketErrors.confirmMismatch(bucket)
      const signal = deps.operations.start(operationId)
      const progress = reporter(operationId, 'empty-bucket')
      let removed = 0
      try {
        progress.report(0, null)
        const scope = await deps.scopeFor(profileId, bucket)
        const outcome = await emptyAndDeleteBucket(scope, signal, (n) => {
          removed = n
          progress.report(n, null)
        })
        if (outcome.deleted) deps.onBucketsChanged?.()
        return outcome
      } finally {
        deps.operations.finish(operationId)
        progress.finish(removed, null)
      }
    },

    'operations/cancel': async ({ operationId }) => ({ cancelled: deps.operations.cancel(operationId) }),
  }
}
