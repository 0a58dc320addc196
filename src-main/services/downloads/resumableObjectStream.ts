import { Readable } from 'node:stream'
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3'
import { AppError } from '../../core/appError'
import { retrying } from '../../core/async/retrying'

export interface OpenedObject {
  body: Readable
  length: number | null
}

/**
 * An object's bytes as one stream that survives a broken connection
 *
 * If the body breaks off, the rest is asked for again with `Range: bytes=<received>-`
 * and `If-Match: <ETag>`, so the bytes delivered are exactly the object's, never a mix
 * of two versions. Transient faults and a lost network are retried as uploads are
 * (core/async/retrying); the stream fails only on a real error, or when the object changed.
 */
export async function openResumable(s3: S3Client, bucket: string, key: string, signal: AbortSignal = new AbortController().signal, versionId?: string): Promise<OpenedObject> {
  const version = versionId ? { VersionId: versionId } : {}
  const retry = { signal, onNetworkWait: () => undefined }
  const first = await retrying((abortSignal) => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...version }), { abortSignal }), retry)
  const length = first.ContentLength ?? null
  const etag = first.ETag

  async function* bytes(): AsyncGenerator<Buffer> {
    let received = 0
    let answer: GetObjectCommandOutput | null = first
    for (;;) {
      try {
        if (!answer) {
          answer = await retrying(
            (abortSignal) => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...version, Range: `bytes=${received}-`, ...(etag ? { IfMatch: etag } : {}) }), { abortSignal }),
            retry,
          )
        }
        for await (const chunk of answer.Body as Readable) {
          received += chunk.length
          yield chunk as Buffer
        }
        if (length !== null && received !== length) throw Object.assign(new Error('The body ended early'), { code: 'ECONNRESET' })
        return
      } catch (error) {
        const name = (error as { name?: string }).name
        if (name === 'PreconditionFailed') throw new AppError('object-changed', `${key} changed on the server during the download.`, 'Download it again.', { key })
        if (signal.aborted || !isBrokenBody(error)) throw error
        answer = null
      }
    }
  }
  return { body: Readable.from(bytes(), { objectMode: false }), length }
}

function isBrokenBody(error: unknown): boolean {
  const e = error as { code?: string; message?: string; name?: string }
  // TimeoutError: the server stopped sending in the middle of the body (see awsClients).
  return ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET'].includes(e.code ?? '') || e.name === 'TimeoutError' || /aborted|socket hang up|premature close|terminated/i.test(e.message ?? '')
}
