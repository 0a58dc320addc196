import { ListObjectVersionsCommand } from '@aws-sdk/client-s3'
import { mapWithConcurrency } from '../../core/async/workerPool'
import type { BucketScope } from '../objects/bucketScope'
import { decodeListedKey } from '../objects/listing'

/** Under a common prefix, at most this many listing pages before asking key by key. */
const prefixPageBudget = 50

/**
 * Which of these (key, version id) pairs really are delete markers
 *
 * Undelete deletes a version id; if that id were an object version it would be gone for
 * good. So the ids are checked against a listing first: the keys' common prefix once
 * (the markers an Undo of a folder delete brings share it), then key by key for any the
 * budget did not reach.
 */
export async function existingMarkers(scope: BucketScope, refs: readonly { key: string; versionId: string }[]): Promise<Set<string>> {
  const wanted = new Set(refs.map(refId))
  const found = new Set<string>()
  const keys = [...new Set(refs.map((r) => r.key))]
  const complete = await collectMarkers(scope, commonPrefix(keys), wanted, found, prefixPageBudget)
  if (!complete) {
    const missing = keys.filter((key) => refs.some((r) => r.key === key && !found.has(refId(r))))
    await mapWithConcurrency(missing, 8, (key) => collectMarkers(scope, key, wanted, found, Infinity, key))
  }
  return found
}

export const refId = (r: { key: string; versionId: string }) => `${r.key}\u0000${r.versionId}`

/** Lists versions under a prefix, noting wanted markers; false when the page budget ran out first. */
async function collectMarkers(scope: BucketScope, prefix: string, wanted: Set<string>, found: Set<string>, pages: number, onlyKey?: string): Promise<boolean> {
  let keyMarker: string | undefined
  let versionIdMarker: string | undefined
  for (let page = 0; page < pages; page++) {
    const answer = await scope.s3
      .send(
        new ListObjectVersionsCommand({
          Bucket: scope.bucket,
          Prefix: prefix,
          EncodingType: 'url',
          ...(keyMarker ? { KeyMarker: keyMarker } : {}),
          ...(versionIdMarker ? { VersionIdMarker: versionIdMarker } : {}),
        }),
      )
      .catch((error) => {
        throw scope.fail(error, 'list the versions to find the delete markers (s3:ListBucketVersions)')
      })
    const decode = answer.EncodingType === 'url' ? decodeListedKey : (key: string) => key
    for (const m of answer.DeleteMarkers ?? []) {
      if (m.Key === undefined || m.VersionId === undefined) continue
      const id = refId({ key: decode(m.Key), versionId: m.VersionId })
      if (wanted.has(id)) found.add(id)
    }
    if (found.size === wanted.size) return true
    const next = answer.NextKeyMarker ? decode(answer.NextKeyMarker) : undefined
    // Listing one key: once the listing has moved past it, there is nothing more to see.
    if (!answer.IsTruncated || !next || (onlyKey !== undefined && next !== onlyKey)) return true
    keyMarker = next
    versionIdMarker = answer.NextVersionIdMarker
  }
  return false
}

/** The longest prefix every key starts with. */
export function commonPrefix(keys: readonly string[]): string {
  if (keys.length === 0) return ''
  let prefix = keys[0] as string
  for (const key of keys) {
    while (!key.startsWith(prefix)) prefix = prefix.slice(0, -1)
  }
  // Never split a surrogate pair: S3 would refuse the malformed prefix.
  return /[\uD800-\uDBFF]$/.test(prefix) ? prefix.slice(0, -1) : prefix
}
