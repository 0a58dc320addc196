import { ListObjectVersionsCommand, type ListObjectVersionsCommandOutput } from '@aws-sdk/client-s3'
import type { VersionEntry, VersionPage } from '../../contract/bridge'
import type { BucketScope } from '../objects/bucketScope'
import { decodeListedKey } from '../objects/listing'

/**
 * One page of a folder's versions (delimiter "/"): ListObjectVersions, never a HEAD
 *
 * S3 returns versions and delete markers in two lists; the folder view wants them
 * together, by key, newest first. The folder's own marker object ("photos/") is not a row.
 */
export async function listVersionPage(scope: BucketScope, prefix: string, keyMarker: string | null, versionIdMarker: string | null): Promise<VersionPage> {
  const answer = await scope.s3
    .send(
      new ListObjectVersionsCommand({
        Bucket: scope.bucket,
        Prefix: prefix,
        Delimiter: '/',
        MaxKeys: 1000,
        EncodingType: 'url',
        ...(keyMarker ? { KeyMarker: keyMarker } : {}),
        ...(keyMarker && versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
      }),
    )
    .catch((error) => {
      throw scope.fail(error, `list the versions in “${prefix || '/'}” (s3:ListBucketVersions)`)
    })
  return toVersionPage(prefix, answer)
}

/** Pure: one ListObjectVersions answer → the folder's rows, in the order the view shows them. */
export function toVersionPage(prefix: string, answer: Pick<ListObjectVersionsCommandOutput, 'CommonPrefixes' | 'Versions' | 'DeleteMarkers' | 'EncodingType' | 'IsTruncated' | 'NextKeyMarker' | 'NextVersionIdMarker'>): VersionPage {
  const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
  const versions: VersionEntry[] = []
  for (const v of answer.Versions ?? []) {
    if (v.Key === undefined || v.VersionId === undefined) continue
    versions.push({
      key: decode(v.Key),
      versionId: v.VersionId,
      isLatest: v.IsLatest ?? false,
      isDeleteMarker: false,
      size: v.Size ?? 0,
      lastModified: v.LastModified ? v.LastModified.toISOString() : null,
      storageClass: v.StorageClass ?? null,
      etag: v.ETag ?? null,
    })
  }
  for (const m of answer.DeleteMarkers ?? []) {
    if (m.Key === undefined || m.VersionId === undefined) continue
    versions.push({ key: decode(m.Key), versionId: m.VersionId, isLatest: m.IsLatest ?? false, isDeleteMarker: true, size: null, lastModified: m.LastModified ? m.LastModified.toISOString() : null, storageClass: null, etag: null })
  }
  const rows = versions.filter((v) => v.key !== prefix).sort(newestFirstByKey)
  const folders = (answer.CommonPrefixes ?? []).flatMap((p) => (p.Prefix === undefined ? [] : [decode(p.Prefix)]))
  const nextKey = answer.NextKeyMarker ? decode(answer.NextKeyMarker) : null
  return { folders, versions: rows, next: answer.IsTruncated && nextKey ? { keyMarker: nextKey, versionIdMarker: answer.NextVersionIdMarker ?? null } : null }
}

/** Keys in S3's order (UTF-8 bytes), then the current version first, then newest first. */
export function newestFirstByKey(a: VersionEntry, b: VersionEntry): number {
  if (a.key !== b.key) return Buffer.compare(Buffer.from(a.key), Buffer.from(b.key))
  if (a.isLatest !== b.isLatest) return a.isLatest ? -1 : 1
  return (b.lastModified ?? '').localeCompare(a.lastModified ?? '')
}
