import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, id, objectKey, objectRefFields, operationId } from '../shared/schemaParts'
import { tagProblemText, tagProblems, type ObjectTag } from '../rules/objectTools/tagRules'
import { maxRestoreDays, restoreTiers, storageClasses, type RestoreState } from '../rules/objectTools/storageClassRules'

/** Object tools (issue 12, "Objects"): tags, storage class and restore, for one object or a selection. */

export type { ObjectTag, RestoreState }

/** What a change did to one object of a selection. */
export interface ObjectToolResult {
  key: string
  outcome: 'added' | 'replaced' | 'removed' | 'unchanged' | 'too-many' | 'changed' | 'requested' | 'already-restoring' | 'not-archived' | 'failed'
  error?: BridgeError
}

export interface ObjectToolOutcome {
  results: ObjectToolResult[]
  /** Objects the selection held (folders expanded); fewer results than this when stopped. */
  total: number
  stopped: 'cancelled' | null
}

/** An object's tags, in S3's order. */
export interface ObjectTagging {
  tags: ObjectTag[]
}

const inBucket = { profileId: id, bucket: bucketName }
const tagText = z.string().max(1024)
const tag = z.object({ key: tagText, value: tagText }).strict()
export const tagSet = z
  .array(tag)
  .max(50)
  .superRefine((tags, ctx) => {
    const first = tagProblems(tags)[0]
    if (first) ctx.addIssue({ code: 'custom', message: tagProblemText(first), path: first.index >= 0 ? [first.index, first.field] : [] })
  })
const tagChange = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set'), key: tagText, value: tagText }).strict(),
  z.object({ action: z.literal('remove'), key: tagText }).strict(),
])
const selection = z.array(objectKey).min(1).max(10_000)

export const objectToolCalls = {
  /** An object's tags (GetObjectTagging). */
  'objects/tags': call<ObjectTagging>()(z.object(objectRefFields).strict()),
  /** Replaces an object's whole tag set (PutObjectTagging); an empty set removes every tag. */
  'objects/setTags': call<ObjectTagging>()(z.object({ ...objectRefFields, tags: tagSet }).strict()),
  /**
   * Sets or removes one tag on every object of a selection (folders stand for what is under
   * them), keeping each object's other tags. Progress as objects/progress (kind "tags");
   * `operations/cancel` stops it between objects.
   */
  'objects/applyTag': call<ObjectToolOutcome>()(
    z
      .object({ ...inBucket, keys: selection, change: tagChange, operationId })
      .strict()
      .superRefine((input, ctx) => {
        const probe = [{ key: input.change.key, value: input.change.action === 'set' ? input.change.value : '' }]
        const first = tagProblems(probe)[0]
        if (first) ctx.addIssue({ code: 'custom', message: tagProblemText({ ...first, index: -1 }), path: ['change', first.field] })
      }),
  ),
  /**
   * Copies each object of a selection onto itself in another storage class, keeping its
   * headers, metadata and tags (over 5 GB as a multipart copy). Archived objects need a
   * restore first and are refused one by one. Progress as objects/progress (kind "storage-class").
   */
  'objects/setStorageClass': call<ObjectToolOutcome>()(
    z.object({ ...inBucket, keys: selection, storageClass: z.enum(storageClasses), operationId }).strict(),
  ),
  /** Asks S3 to bring archived objects back for `days` days (RestoreObject). Progress as objects/progress (kind "restore"). */
  'objects/restore': call<ObjectToolOutcome>()(
    z.object({ ...inBucket, keys: selection, days: z.number().int().min(1).max(maxRestoreDays), tier: z.enum(restoreTiers), operationId }).strict(),
  ),
}
