import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, id, objectKey, objectRefFields, prefix } from '../shared/schemaParts'
import type { VersioningState } from './bucketAdmin'

/** Versions (issue 12): every version and delete marker of a key, restore, undelete, delete for good. */

/** One version of an object, or a delete marker. */
export interface VersionEntry {
  key: string
  versionId: string
  /** The current version (or the delete marker that hides the object). */
  isLatest: boolean
  isDeleteMarker: boolean
  /** Null for a delete marker. */
  size: number | null
  /** ISO 8601. */
  lastModified: string | null
  storageClass: string | null
  etag: string | null
}

/** One page of a folder's versions: its subfolders, then every version of the keys in it, newest first per key. */
export interface VersionPage {
  folders: string[]
  versions: VersionEntry[]
  /** Where the next page starts; null on the last one. */
  next: { keyMarker: string; versionIdMarker: string | null } | null
}

// S3 version ids are opaque strings (up to 1,024 bytes); "null" names the pre-versioning one.
export const versionId = z.string().min(1).max(1024)
const inBucket = { profileId: id, bucket: bucketName }
const versionRef = z.object({ key: objectKey, versionId }).strict()

export const versionCalls = {
  /** Off, on or suspended; unknown when the key may not read it. */
  'versions/status': call<{ status: VersioningState | 'unknown' }>()(z.object(inBucket).strict()),
  'versions/listPage': call<VersionPage>()(
    z.object({ ...inBucket, prefix, keyMarker: objectKey.nullable(), versionIdMarker: versionId.nullable() }).strict(),
  ),
  /** Copies a version over the current one (keeping its Content-Type and metadata): a new current version. */
  'versions/restore': call<{ versionId: string | null }>()(z.object({ ...objectRefFields, versionId }).strict()),
  /** Removes delete markers, so what they hid is current again. Only markers are accepted. */
  'versions/undelete': call<{ restored: number; failed: { key: string; error: BridgeError }[] }>()(
    z.object({ ...inBucket, markers: z.array(versionRef).min(1).max(100_000) }).strict(),
  ),
  /** Deletes versions (or markers) for good: nothing brings them back. */
  'versions/deletePermanently': call<{ deleted: number; failed: { key: string; versionId: string | null; error: BridgeError }[] }>()(
    z.object({ ...inBucket, versions: z.array(versionRef).min(1).max(10_000) }).strict(),
  ),
  /** A presigned URL to exactly this version. */
  'versions/presign': call<{ url: string }>()(
    // Presigned SigV4 URLs last at most 7 days.
    z.object({ ...objectRefFields, versionId, expiresInSeconds: z.number().int().min(60).max(604_800) }).strict(),
  ),
  /** Electron: asks for a folder and saves this version there. Browser mode: a one-time link (`url`). */
  'versions/download': call<{ url: string | null; folder: string | null; written: string[] }>()(z.object({ ...objectRefFields, versionId }).strict()),
}
