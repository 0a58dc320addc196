import { GetObjectCommand } from '@aws-sdk/client-s3'
import type { BucketScope } from './bucketScope'
import { typeByName } from '../../core/contentTypes'
import { objectErrors } from './objectErrors'

export const previewLimitBytes = 10 * 1024 * 1024
export type PreviewResult = { dataUrl: string | null; reason: string | null }

/**
 * An image as a data: URL, for the preview panel under a strict CSP
 *
 * The window may not load from S3 itself, so main fetches the bytes. Only images, and
 * only up to 10 MB: anything else is refused after reading its headers, before its body.
 * An SVG is sent as image/svg+xml: shown through <img>, a data: URL can't run scripts.
 */
export async function previewObject(scope: BucketScope, key: string, limit = previewLimitBytes): Promise<PreviewResult> {
  const answer = await scope.s3.send(new GetObjectCommand({ Bucket: scope.bucket, Key: key })).catch((error) => {
    const e = error as { name?: string }
    throw e?.name === 'NoSuchKey' ? objectErrors.objectNotFound(key) : scope.fail(error, `read “${key}”`, 's3:GetObject')
  })
  const body = answer.Body as (AsyncIterable<Uint8Array> & { destroy?: () => void }) | undefined
  const type = previewTypeFor(answer.ContentType ?? null, key)
  if (type === null) {
    body?.destroy?.()
    return { dataUrl: null, reason: 'not an image' }
  }
  if ((answer.ContentLength ?? 0) > limit) {
    body?.destroy?.()
    return { dataUrl: null, reason: 'larger than 10 MB' }
  }
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for await (const chunk of body ?? []) {
      size += chunk.length
      // A chunked answer has no length to check up front.
      if (size > limit) {
        body?.destroy?.()
        return { dataUrl: null, reason: 'larger than 10 MB' }
      }
      chunks.push(chunk)
    }
  } catch (error) {
    throw scope.fail(error, `read “${key}”`, 's3:GetObject')
  }
  return { dataUrl: `data:${type};base64,${Buffer.concat(chunks).toString('base64')}`, reason: null }
}

const imageType = /^image\/[a-z0-9][a-z0-9.+-]*$/

/**
 * Pure: the type to put in the data: URL, or null when this isn't an image
 *
 * The stored Content-Type wins when it says image/*; otherwise the extension decides,
 * since uploads made without a type are stored as binary/octet-stream.
 */
export function previewTypeFor(contentType: string | null, key: string): string | null {
  const stored = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const byName = typeByName(key) ?? ''
  const chosen = imageType.test(stored) ? stored : imageType.test(byName) ? byName : null
  if (chosen === null) return null
  return chosen.includes('svg') ? 'image/svg+xml' : chosen
}
