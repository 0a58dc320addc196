import { CopyObjectCommand, RestoreObjectCommand } from '@aws-sdk/client-s3'
import type { ObjectToolResult } from '../../contract/bridge'
import { archiveOf, parseRestoreHeader, restoreTakesDays, restoreTiersFor, type RestoreTier, type StorageClass } from '../../contract/rules/objectTools/storageClassRules'
import { AppError } from '../../core/appError'
import type { BucketScope } from '../objects/bucketScope'
import { copyObject, singleCopyLimit, type CopyOptions } from '../objects/copyObject'
import { copySourceFor } from '../objects/copySource'
import { headersFromHead } from '../objects/objectHeaders'
import { headObject } from '../objects/objectLookup'
import { objectErrors } from '../objects/objectErrors'
import { readTags, taggingQuery } from './tagging'

export const storageClassErrors = {
  archived: (key: string, storageClass: string) =>
    new AppError('object-archived', `“${key}” is in ${storageClass}: its bytes are offline, so it can't be copied to another class yet.`,
      'Request a restore first, and change the class once the restore is ready.', { key, storageClass }),
  restoring: (key: string) =>
    new AppError('object-restoring', `“${key}” is still being restored, so it can't be copied yet.`, 'Try again when its restore is ready.', { key }),
  tierNotAllowed: (key: string, storageClass: string, tier: string) =>
    new AppError('restore-tier-not-allowed', `${storageClass} can't be restored with the ${tier} tier (“${key}”).`,
      'Choose Standard or Bulk for Deep Archive and for the Deep Archive Access tier.', { key, storageClass, tier }),
}

/**
 * Copies an object onto itself in another class, keeping everything else
 *
 * Up to 5 GB one CopyObject with MetadataDirective and TaggingDirective COPY keeps the
 * headers, metadata and tags exactly. Above, the multipart copy is given the headers
 * (from HeadObject) and the tags (read first) again, since it starts empty. Tied to the
 * ETag that was read, so an upload meanwhile is not overwritten with stale bytes.
 */
export async function changeStorageClass(scope: BucketScope, key: string, target: StorageClass, options: CopyOptions = {}): Promise<ObjectToolResult['outcome']> {
  const head = await headObject(scope, key)
  const current = head.StorageClass ?? 'STANDARD'
  if (current === target) return 'unchanged'
  const archive = archiveOf(current, head.ArchiveStatus)
  if (archive) {
    const restore = parseRestoreHeader(head.Restore)
    if (!restore) throw storageClassErrors.archived(key, archive)
    if (restore.state === 'in-progress') throw storageClassErrors.restoring(key)
  }
  const size = head.ContentLength ?? 0
  if (size <= (options.singleCopyLimit ?? singleCopyLimit)) {
    await scope.s3
      .send(
        new CopyObjectCommand({
          Bucket: scope.bucket,
          Key: key,
          CopySource: copySourceFor(scope.bucket, key),
          ...(head.ETag ? { CopySourceIfMatch: head.ETag } : {}),
          MetadataDirective: 'COPY',
          TaggingDirective: 'COPY',
          StorageClass: target,
        }),
      )
      .catch((error) => {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
        if (e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412) throw objectErrors.objectChanged(key)
        throw scope.fail(error, `change the storage class of “${key}”`, 's3:GetObject and s3:PutObject')
      })
    return 'changed'
  }
  const tags = await readTags(scope, key)
  await copyObject(
    scope,
    { key, size, etag: head.ETag ?? null, storageClass: target, ...(tags.length > 0 ? { tagging: taggingQuery(tags) } : {}) },
    key,
    { ...headersFromHead(head), StorageClass: target },
    options,
  )
  return 'changed'
}

/**
 * Asks S3 to bring an archived object back; objects online need nothing
 *
 * From Glacier a restore is a copy kept for `days`; from an Intelligent-Tiering archive
 * tier it moves the object back to Frequent Access for good, and S3 refuses it with days.
 */
export async function requestRestore(scope: BucketScope, key: string, days: number, tier: RestoreTier): Promise<ObjectToolResult['outcome']> {
  const head = await headObject(scope, key)
  const current = head.StorageClass ?? 'STANDARD'
  const archive = archiveOf(current, head.ArchiveStatus)
  if (!archive) return 'not-archived'
  if (!restoreTiersFor(current, head.ArchiveStatus).includes(tier)) throw storageClassErrors.tierNotAllowed(key, archive, tier)
  if (parseRestoreHeader(head.Restore)?.state === 'in-progress') return 'already-restoring'
  const forDays = restoreTakesDays(current, head.ArchiveStatus) ? { Days: days } : {}
  try {
    await scope.s3.send(new RestoreObjectCommand({ Bucket: scope.bucket, Key: key, RestoreRequest: { ...forDays, GlacierJobParameters: { Tier: tier } } }))
  } catch (error) {
    if ((error as { name?: string })?.name === 'RestoreAlreadyInProgress') return 'already-restoring'
    throw scope.fail(error, `restore “${key}”`, 's3:RestoreObject')
  }
  return 'requested'
}
