import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { AppError } from '../../core/appError'
import type { BucketScope } from '../objects/bucketScope'
import { copyObject, type CopyOptions } from '../objects/copyObject'
import { deleteVersions } from '../objects/deleteObjects'
import { headObject } from '../objects/objectLookup'
import { existingMarkers, refId } from './markerCheck'

/**
 * Restore: the chosen version copied over the current one
 *
 * CopyObject with `?versionId=` and MetadataDirective COPY keeps that version's
 * Content-Type, user metadata and the rest of its headers (and its tags); over 5 GB the
 * multipart copy resends the headers read from the version itself. The older versions
 * all stay: a restore is a new current version, so it too can be undone.
 */
export async function restoreVersion(scope: BucketScope, key: string, versionId: string, options: CopyOptions = {}): Promise<{ versionId: string | null }> {
  const head = await scope.s3.send(new HeadObjectCommand({ Bucket: scope.bucket, Key: key, VersionId: versionId })).catch((error) => {
    if (isDeleteMarkerError(error)) throw versionErrors.markerNotRestorable(key)
    if ((error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404) throw versionErrors.versionGone(key)
    throw scope.fail(error, `read the version to restore of “${key}” (s3:GetObjectVersion)`)
  })
  await copyObject(scope, { key, versionId, size: head.ContentLength ?? 0, etag: head.ETag ?? null, storageClass: head.StorageClass ?? null }, key, null, options)
  const now = await headObject(scope, key)
  return { versionId: now.VersionId ?? null }
}

/** Undelete: the delete markers removed, once each is known to be a marker. */
export async function undelete(scope: BucketScope, markers: readonly { key: string; versionId: string }[]) {
  const real = await existingMarkers(scope, markers)
  const notMarkers = markers.filter((m) => !real.has(refId(m)))
  const outcome = await deleteVersions(scope, markers.filter((m) => real.has(refId(m))))
  return {
    restored: outcome.deleted,
    failed: [...notMarkers.map((m) => ({ key: m.key, error: versionErrors.notAMarker(m.key).toBridge() })), ...outcome.failed.map(({ key, error }) => ({ key, error }))],
  }
}

export async function presignVersion(scope: BucketScope, key: string, versionId: string, expiresIn: number): Promise<{ url: string }> {
  const url = await getSignedUrl(scope.s3, new GetObjectCommand({ Bucket: scope.bucket, Key: key, VersionId: versionId }), { expiresIn }).catch((error) => {
    throw scope.fail(error, `sign a link to a version of “${key}”`)
  })
  return { url }
}

/** A HEAD of a delete marker's id answers 405 with x-amz-delete-marker. */
function isDeleteMarkerError(error: unknown): boolean {
  const e = error as { $metadata?: { httpStatusCode?: number }; $response?: { headers?: Record<string, string> } }
  return e?.$metadata?.httpStatusCode === 405 || e?.$response?.headers?.['x-amz-delete-marker'] === 'true'
}

export const versionErrors = {
  markerNotRestorable: (key: string) =>
    new AppError('version-is-marker', `That version of “${key}” is a delete marker: it holds no content to restore.`, 'Use Undelete to remove the marker instead.', { key }),
  versionGone: (key: string) =>
    new AppError('version-gone', `That version of “${key}” no longer exists.`, 'Refresh the versions: it may have been deleted for good, or expired by a lifecycle rule.', { key }),
  notAMarker: (key: string) =>
    new AppError('not-a-delete-marker', `Cubeta found no such delete marker for “${key}”.`, 'Refresh the versions: someone may have removed it already.', { key }),
}
