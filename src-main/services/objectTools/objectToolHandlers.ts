import { applyTagChange } from '../../contract/rules/objectTools/tagRules'
import type { EventHub } from '../../core/eventHub'
import type { Handlers } from '../../core/handlers'
import type { Operations } from '../bucketAdmin/operations'
import type { ObjectToolResult } from '../../contract/bridge'
import type { BucketScope, ScopeFor } from '../objects/bucketScope'
import type { CopyOptions } from '../objects/copyObject'
import { createProgressReporter } from '../objects/progressReporter'
import { runOverSelection } from './selectionRun'
import { changeStorageClass, requestRestore } from './storageClass'
import { readTags, writeTags } from './tagging'

type ObjectToolCalls = 'objects/tags' | 'objects/setTags' | 'objects/applyTag' | 'objects/setStorageClass' | 'objects/restore'

/** Tags, storage class and restore, for one object or a selection; the bulk ones can be stopped. */
export function createObjectToolHandlers(deps: { scopeFor: ScopeFor; events: EventHub; operations: Operations; copy?: CopyOptions }): Pick<Handlers, ObjectToolCalls> {
  const changed = (profileId: string, bucket: string, written: string[]) =>
    deps.events.emit('objects/changed', { profileId, bucket, written, deleted: [], prefixes: [] })
  /** Runs `perObject` over a selection under `operationId`, so progress reaches the window and operations/cancel can stop it. */
  const bulk = async (
    input: { profileId: string; bucket: string; keys: string[]; operationId: string },
    kind: 'tags' | 'storage-class' | 'restore',
    perObject: (scope: BucketScope, key: string) => Promise<ObjectToolResult['outcome']>,
  ) => {
    const signal = deps.operations.start(input.operationId)
    try {
      const scope = await deps.scopeFor(input.profileId, input.bucket)
      const progress = createProgressReporter((p) => deps.events.emit('objects/progress', p), { operationId: input.operationId, kind })
      return await runOverSelection(scope, input.keys, signal, progress, (key) => perObject(scope, key))
    } finally {
      deps.operations.finish(input.operationId)
    }
  }

  return {
    'objects/tags': async ({ profileId, bucket, key }) => ({ tags: await readTags(await deps.scopeFor(profileId, bucket), key) }),

    'objects/setTags': async ({ profileId, bucket, key, tags }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await writeTags(scope, key, tags)
      // Read back: what S3 keeps is what the window shows.
      return { tags: await readTags(scope, key) }
    },

    'objects/applyTag': async (input) =>
      bulk(input, 'tags', async (scope, key) => {
        const next = applyTagChange(await readTags(scope, key), input.change)
        if (next.effect === 'added' || next.effect === 'replaced' || next.effect === 'removed') await writeTags(scope, key, next.tags)
        return next.effect
      }),

    'objects/setStorageClass': async (input) => {
      const outcome = await bulk(input, 'storage-class', (scope, key) => changeStorageClass(scope, key, input.storageClass, deps.copy))
      changed(input.profileId, input.bucket, outcome.results.filter((r) => r.outcome === 'changed').map((r) => r.key))
      return outcome
    },

    'objects/restore': async (input) => bulk(input, 'restore', (scope, key) => requestRestore(scope, key, input.days, input.tier)),
  }
}
