import { z } from 'zod'
import type { BridgeError } from '../shared/bridgeError'
import { call } from '../shared/callSpec'
import { bucketName, id, objectKey } from '../shared/schemaParts'

/** Incomplete multipart uploads (issue 12): their parts are stored and billed, yet belong to no object. */

export interface IncompleteUpload {
  key: string
  uploadId: string
  /** ISO 8601. */
  initiated: string | null
  parts: number
  bytes: number
  /** Cubeta's own interrupted upload of this file, which can be resumed from the transfer queue. */
  transferId: string | null
}

const inBucket = { profileId: id, bucket: bucketName }

export const incompleteUploadCalls = {
  'uploads/listIncomplete': call<{ uploads: IncompleteUpload[]; truncated: boolean }>()(z.object(inBucket).strict()),
  /** Aborts the uploads; S3 then frees their parts. Cubeta's own are discarded from its queue too. */
  'uploads/abort': call<{ aborted: number; failed: { key: string; uploadId: string; error: BridgeError }[] }>()(
    z.object({ ...inBucket, uploads: z.array(z.object({ key: objectKey, uploadId: z.string().min(1).max(1024) }).strict()).min(1).max(10_000) }).strict(),
  ),
  /** Adds (or replaces) one lifecycle rule that aborts incomplete uploads after N days, keeping every other rule. */
  'uploads/addAbortRule': call<{ rules: Record<string, unknown>[] }>()(z.object({ ...inBucket, days: z.number().int().min(1).max(365) }).strict()),
}
