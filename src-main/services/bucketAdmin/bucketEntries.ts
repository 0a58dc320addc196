import { ListObjectVersionsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import type { VersioningState } from '../../contract/bridge'
import { awsErrorName, awsHttpStatus } from '../../core/awsErrorShape'
import type { BucketScope } from '../objects/bucketScope'
import { decodeListedKey } from '../objects/listing'

/** One thing stored in a bucket: a version of an object, or a delete marker. */
export interface BucketEntry {
  key: string
  /** Null in a bucket that was never versioned (and for stores without versions). */
  versionId: string | null
  isLatest: boolean
  isDeleteMarker: boolean
  size: number
}

/**
 * Everything in a bucket, one listing page (up to 1,000 entries) at a time
 *
 * A versioned (or suspended) bucket is walked with ListObjectVersions, which returns
 * every version and delete marker; a bucket never versioned with ListObjectsV2. When the
 * state is unknown, versions are asked for, and a store that has no such call
 * (NotImplemented) is walked as unversioned.
 */
export async function* bucketEntryPages(scope: BucketScope, versioning: VersioningState | 'unknown', signal?: AbortSignal): AsyncGenerator<BucketEntry[]> {
  if (versioning === 'off') {
    yield* objectPages(scope, signal)
    return
  }
  let keyMarker: string | undefined
  let versionIdMarker: string | undefined
  for (let first = true; ; first = false) {
    let answer
    try {
      answer = await scope.s3.send(
        new ListObjectVersionsCommand({
          Bucket: scope.bucket,
          EncodingType: 'url',
          MaxKeys: 1000,
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
        }),
        signal ? { abortSignal: signal } : {},
      )
    } catch (error) {
      if (first && versioning === 'unknown' && isNotImplemented(error)) {
        yield* objectPages(scope, signal)
        return
      }
      throw scope.fail(error, 'list the versions in the bucket (s3:ListBucketVersions)')
    }
    const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
    const page: BucketEntry[] = []
    for (const v of answer.Versions ?? []) {
      if (v.Key === undefined) continue
      page.push({ key: decode(v.Key), versionId: v.VersionId ?? null, isLatest: v.IsLatest ?? false, isDeleteMarker: false, size: v.Size ?? 0 })
    }
    for (const m of answer.DeleteMarkers ?? []) {
      if (m.Key === undefined) continue
      page.push({ key: decode(m.Key), versionId: m.VersionId ?? null, isLatest: m.IsLatest ?? false, isDeleteMarker: true, size: 0 })
    }
    yield page
    if (!answer.IsTruncated) return
    keyMarker = answer.NextKeyMarker ? decode(answer.NextKeyMarker) : undefined
    versionIdMarker = answer.NextVersionIdMarker
    if (!keyMarker) return
  }
}

async function* objectPages(scope: BucketScope, signal?: AbortSignal): AsyncGenerator<BucketEntry[]> {
  let token: string | undefined
  do {
    const answer = await scope.s3
      .send(
        new ListObjectsV2Command({ Bucket: scope.bucket, MaxKeys: 1000, EncodingType: 'url', ...(token ? { ContinuationToken: token } : {}) }),
        signal ? { abortSignal: signal } : {},
      )
      .catch((error) => {
        throw scope.fail(error, 'list the objects in the bucket (s3:ListBucket)')
      })
    const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
    yield (answer.Contents ?? [])
      .filter((o) => o.Key !== undefined)
      .map((o) => ({ key: decode(o.Key as string), versionId: null, isLatest: true, isDeleteMarker: false, size: o.Size ?? 0 }))
    token = answer.IsTruncated ? answer.NextContinuationToken : undefined
  } while (token)
}

function isNotImplemented(error: unknown): boolean {
  const name = awsErrorName(error)
  return name === 'NotImplemented' || name === 'MethodNotAllowed' || awsHttpStatus(error) === 501
}
