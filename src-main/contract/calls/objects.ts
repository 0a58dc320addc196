import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { metadataProblemText, metadataProblems } from '../rules/objectTools/metadataRules'
import type { ArchiveTier, RestoreState } from '../rules/objectTools/storageClassRules'
import { bucketName, cacheControl, id, keyBytesMessage, objectKey, objectRef, objectRefFields, operationId, prefix, utf8Bytes } from '../shared/schemaParts'

/** One row of a folder listing: a "folder" is a common prefix, never a HEAD per object. */
export interface ObjectEntry {
  /** The full key; folders end with "/". */
  key: string
  /** The last path segment, without the trailing "/" of a folder. */
  name: string
  kind: 'folder' | 'object'
  size: number | null
  /** ISO 8601. */
  lastModified: string | null
  storageClass: string | null
}

export interface ListingPage {
  entries: ObjectEntry[]
  /** Opaque; null on the last page. */
  nextToken: string | null
}

export interface ObjectProperties {
  key: string
  size: number
  etag: string | null
  contentType: string | null
  cacheControl: string | null
  lastModified: string | null
  storageClass: string | null
  /** Intelligent-Tiering only: the archive tier its bytes are in, offline until restored; null when online. */
  archiveTier: ArchiveTier | null
  metadata: Record<string, string>
  /** An archived object's restore, from HeadObject's x-amz-restore; null when none was asked for. */
  restore: RestoreState | null
}

export interface OperationProgress {
  operationId: string
  kind: 'delete' | 'rename' | 'measure' | 'empty-bucket' | 'tags' | 'storage-class' | 'restore'
  done: number
  /** Null while still counting. */
  total: number | null
  finished: boolean
  /** Bytes counted so far, for a bucket's size (kind "measure"). */
  bytes?: number
}

export const urlForm = z.enum(['public', 'path-style', 'custom-base', 'presigned', 'html', 'markdown'])
export type UrlForm = z.infer<typeof urlForm>
export type ObjectRef = z.input<typeof objectRef>

const inBucket = { profileId: id, bucket: bucketName }
const folderName = z
  .string()
  .trim()
  .min(1, 'enter a folder name')
  .refine((n) => !n.includes('/'), 'a folder name cannot contain /')
  .refine((n) => n !== '.' && n !== '..', 'choose another folder name')
const contentType = z
  .string()
  .trim()
  .min(1, 'enter a content type')
  .max(255)
  .regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, 'a content type looks like image/png')

const userMetadata = z
  .array(z.object({ name: z.string().max(2048), value: z.string().max(2048) }).strict())
  .max(200)
  .superRefine((entries, ctx) => {
    const first = metadataProblems(entries)[0]
    if (first) ctx.addIssue({ code: 'custom', message: metadataProblemText(first), path: first.index >= 0 ? [first.index, first.field] : [] })
  })

export const objectCalls = {
  /** One page of a folder (delimiter "/"); the window pulls pages so first rows show at once. */
  'objects/listPage': call<ListingPage>()(z.object({ ...inBucket, prefix, token: z.string().max(4096).nullable() }).strict()),
  /** A zero-byte "prefix/name/" object. */
  'objects/createFolder': call<{ key: string }>()(
    z
      .object({ ...inBucket, prefix, name: folderName })
      .strict()
      .refine((f) => utf8Bytes(`${f.prefix}${f.name}/`) <= 1024, { message: keyBytesMessage, path: ['name'] }),
  ),
  /**
   * Keys ending in "/" delete the whole folder, in batches of 1,000, with progress events.
   * In a versioned bucket each delete adds a delete marker: `markers` lists them, for Undo.
   */
  'objects/delete': call<{ deleted: number; failed: { key: string; error: BridgeError }[]; markers: { key: string; versionId: string }[] }>()(
    z.object({ ...inBucket, keys: z.array(objectKey).min(1).max(100_000), operationId }).strict(),
  ),
  /** Copy, then delete; folders recursively. Refuses to overwrite an existing target. */
  'objects/rename': call<{ key: string; moved: number }>()(z.object({ ...inBucket, from: objectKey, to: objectKey, operationId }).strict()),
  'objects/properties': call<ObjectProperties>()(objectRef),
  /**
   * Copy in place with new headers; the other headers and the tags are kept. With
   * `metadata`, the user metadata (x-amz-meta-*) is replaced by it; without, it is kept.
   */
  'objects/setHeaders': call<ObjectProperties>()(
    z.object({ ...objectRefFields, contentType, cacheControl, metadata: userMetadata.optional() }).strict(),
  ),
  /** A data: URL of an image (at most 10 MB), for the preview panel under a strict CSP. */
  'objects/preview': call<{ dataUrl: string | null; reason: string | null }>()(objectRef),
  /** An anonymous ranged GET of the public URL: what a visitor's browser would get. */
  'objects/checkPublic': call<{ isPublic: boolean; status: number; url: string }>()(objectRef),
  /** The text to copy for some keys, one line each. Presigned URLs need the secret, so this runs in main. */
  'urls/build': call<{ text: string; urls: string[] }>()(
    z
      .object({
        ...inBucket,
        keys: z.array(objectKey).min(1).max(10_000),
        form: urlForm,
        // Presigned SigV4 URLs last at most 7 days.
        expiresInSeconds: z.number().int().min(60).max(604_800).nullable(),
      })
      .strict(),
  ),
  /** Electron: asks for a folder, then streams the objects there (never over an existing file). */
  'objects/download': call<{ folder: string | null; written: string[] }>()(
    z.object({ ...inBucket, keys: z.array(objectKey).min(1).max(10_000) }).strict(),
  ),
  /** Browser mode: a one-time link the browser downloads itself, streamed through the local server. */
  'objects/downloadLink': call<{ url: string }>()(objectRef),
}

export interface ObjectEvents {
  'objects/progress': OperationProgress
}
