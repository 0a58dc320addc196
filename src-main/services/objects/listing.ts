import { ListObjectsV2Command, type ListObjectsV2CommandOutput } from '@aws-sdk/client-s3'
import type { ListingPage, ObjectEntry } from '../../contract/bridge'
import type { BucketScope } from './bucketScope'

/**
 * Folder listings: one ListObjectsV2 page per call, never a HEAD per object
 *
 * EncodingType=url keeps keys with characters XML cannot carry (control characters)
 * listable. S3 then form-encodes them (space as +, a literal + as %2B) and SDK v3 does
 * not decode them, so decodeListedKey does.
 */
export async function listPage(scope: BucketScope, prefix: string, token: string | null): Promise<ListingPage> {
  const answer = await scope.s3
    .send(
      new ListObjectsV2Command({
        Bucket: scope.bucket,
        Prefix: prefix,
        Delimiter: '/',
        MaxKeys: 1000,
        EncodingType: 'url',
        ...(token ? { ContinuationToken: token } : {}),
      }),
    )
    .catch((error) => {
      throw scope.fail(error, `list the folder “${prefix || '/'}”`, 's3:ListBucket')
    })
  return toListingPage(prefix, answer)
}

/** Pure: one ListObjectsV2 answer → rows; the folder's own marker object is not a row. */
export function toListingPage(prefix: string, answer: Pick<ListObjectsV2CommandOutput, 'CommonPrefixes' | 'Contents' | 'EncodingType' | 'NextContinuationToken' | 'IsTruncated'>): ListingPage {
  const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
  const folders: ObjectEntry[] = (answer.CommonPrefixes ?? [])
    .filter((p) => p.Prefix !== undefined)
    .map((p) => {
      const key = decode(p.Prefix as string)
      return { key, name: nameUnder(prefix, key), kind: 'folder', size: null, lastModified: null, storageClass: null }
    })
  const objects: ObjectEntry[] = (answer.Contents ?? [])
    .filter((o) => o.Key !== undefined)
    .map((o) => ({ ...o, Key: decode(o.Key as string) }))
    .filter((o) => o.Key !== prefix)
    .map((o) => ({
      key: o.Key,
      name: nameUnder(prefix, o.Key),
      kind: 'object',
      size: o.Size ?? null,
      lastModified: o.LastModified ? o.LastModified.toISOString() : null,
      storageClass: o.StorageClass ?? null,
    }))
  return { entries: [...folders, ...objects], nextToken: answer.IsTruncated === false ? null : (answer.NextContinuationToken ?? null) }
}

/** What the row shows: the key below the folder, without a folder's trailing "/". */
export function nameUnder(prefix: string, key: string): string {
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : key
  return rest.endsWith('/') ? rest.slice(0, -1) : rest
}

/** S3's url encoding is form encoding: + is a space, %2B a plus. */
export function decodeListedKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, '%20'))
  } catch {
    return key
  }
}

export interface ListedObject {
  key: string
  size: number
  etag: string | null
  storageClass: string | null
}

/** Every key under a prefix, all pages, no delimiter: what a folder delete or move touches. */
export async function listAllUnder(scope: BucketScope, prefix: string, limit = Infinity): Promise<ListedObject[]> {
  const found: ListedObject[] = []
  let token: string | undefined
  do {
    const answer = await scope.s3
      .send(
        new ListObjectsV2Command({
          Bucket: scope.bucket,
          Prefix: prefix,
          MaxKeys: Math.min(1000, limit - found.length),
          EncodingType: 'url',
          ...(token ? { ContinuationToken: token } : {}),
        }),
      )
      .catch((error) => {
        throw scope.fail(error, `list everything in “${prefix}”`, 's3:ListBucket')
      })
    const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
    for (const o of answer.Contents ?? []) {
      if (o.Key === undefined) continue
      found.push({ key: decode(o.Key), size: o.Size ?? 0, etag: o.ETag ?? null, storageClass: o.StorageClass ?? null })
    }
    token = answer.IsTruncated ? answer.NextContinuationToken : undefined
  } while (token && found.length < limit)
  return found
}
