import type { FileHandle } from 'node:fs/promises'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { maxWriteBytes, nextWriteBytes } from './batchedWrites'
import { networkError, transferTimeouts, type LeanTimeouts } from '../leanHttp/leanTimeouts'
import { asksToClose, parseResponseHead, rangeBodyBytes, type AskedRange } from '../leanHttp/responseHead'
import { isCertificateFault, onFreshIfStale, takeConnection } from '../leanHttp/keptConnections'

/**
 * One ranged GET over a bare socket, straight into the file
 *
 * Through `node:http` (and so the SDK) every 64 KiB read becomes a new buffer, a stream
 * event and a write: in one thread that, not the network, limits a download. Here the
 * socket reads into a few reused 256 KiB buffers (`onread`), each written at its offset
 * once full. HTTP/1.1 (plain or TLS) and the strict subset in responseHead.ts: anything else
 * resolves `fallback`, and the caller asks the SDK for the same range. Network faults,
 * a body cut short and a silent server reject with the codes the one retry layer
 * (core/async/retrying) knows, after every write started has finished.
 */
export interface LeanRequest extends AskedRange {
  url: URL
  /** Exactly the headers the request was signed with (besides Host). */
  headers: readonly (readonly [string, string])[]
}

export type LeanOutcome = 'done' | { fallback: string }

/** Read buffers per request: one filling while the others are written. */
const buffersPerRequest = 3
const spare: Buffer[] = []
const take = () => spare.pop() ?? Buffer.allocUnsafe(maxWriteBytes)
const giveBack = (buffer: Buffer) => {
  if (spare.length < 32) spare.push(buffer)
}

export function leanGetRange(request: LeanRequest, file: FileHandle, signal: AbortSignal, timeouts: LeanTimeouts): Promise<LeanOutcome> {
  return onFreshIfStale((fresh) => getOver(request, file, signal, timeouts, fresh))
}

/** `stale`: the reused connection closed before any byte of the answer; nothing was written. */
function getOver(request: LeanRequest, file: FileHandle, signal: AbortSignal, timeouts: LeanTimeouts, newConnection: boolean): Promise<LeanOutcome | 'stale'> {
  return new Promise<LeanOutcome | 'stale'>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    let head: Buffer | null = Buffer.alloc(0)
    const headScratch = Buffer.allocUnsafe(4096)
    let answered = false
    let keepAlive = false
    let expected = -1
    let received = 0
    let position = request.start
    let current: Buffer | null = null
    let filled = 0
    let held = 0
    let writing = 0
    let stopped = false
    let settled: { outcome?: LeanOutcome | 'stale'; error?: unknown } | null = null

    const finish = (result: { outcome?: LeanOutcome | 'stale'; error?: unknown }) => {
      if (settled) return
      settled = result
      clearTimeout(connectTimer)
      signal.removeEventListener('abort', onAbort)
      connection.drop()
      if (current) release(current)
      current = null
      settleWhenWritten()
    }
    const settleWhenWritten = () => {
      if (!settled || writing > 0) return
      if (settled.error !== undefined) reject(settled.error)
      else resolve(settled.outcome!)
    }
    const release = (buffer: Buffer) => {
      held--
      giveBack(buffer)
    }
    const flush = () => {
      const buffer = current!
      const bytes = filled
      const at = position
      position += bytes
      current = null
      filled = 0
      writing++
      writeFully(file, buffer, bytes, at).then(
        () => {
          writing--
          release(buffer)
          if (settled) return settleWhenWritten()
          if (received === expected && writing === 0) return finish({ outcome: 'done' })
          if (stopped) {
            stopped = false
            connection.socket.resume()
          }
        },
        (error: unknown) => {
          writing--
          release(buffer)
          if (settled) return settleWhenWritten()
          finish({ error })
        },
      )
    }
    const fresh = () => {
      held++
      return take()
    }
    /** Body bytes now in current[filled, filled + n): written when the buffer is full or the body is complete. */
    const gotBody = (n: number): boolean => {
      filled += n
      received += n
      if (received > expected) {
        finish({ outcome: { fallback: 'more body than Content-Length' } })
        return false
      }
      if (filled === current!.length || received === expected) flush()
      if (received === expected) {
        // The answer ends exactly here: the connection can carry the next range meanwhile.
        if (keepAlive) {
          clearTimeout(connectTimer)
          connection.keep()
          if (writing === 0) finish({ outcome: 'done' })
          return true
        }
        connection.socket.pause()
        if (writing === 0) finish({ outcome: 'done' })
        return false
      }
      // Out of buffers: stop reading until a write gives one back.
      if (current === null && held >= buffersPerRequest) stopped = true
      return !stopped
    }
    const gotHead = (n: number, into: Uint8Array): boolean => {
      answered = true
      head = Buffer.concat([head!, into.subarray(0, n)])
      const parsed = parseResponseHead(head)
      if (parsed.kind === 'incomplete') return true
      if (parsed.kind === 'unexpected') {
        finish({ outcome: { fallback: parsed.reason } })
        return false
      }
      const body = rangeBodyBytes(parsed, request)
      if ('unexpected' in body) {
        finish({ outcome: { fallback: body.unexpected } })
        return false
      }
      expected = body.bytes
      keepAlive = !asksToClose(parsed.headers)
      const early = head.subarray(parsed.headBytes)
      head = null
      if (early.length > expected) {
        finish({ outcome: { fallback: 'more body than Content-Length' } })
        return false
      }
      current = fresh()
      early.copy(current)
      return early.length === 0 ? true : gotBody(early.length)
    }

    const secure = request.url.protocol === 'https:'
    const startIdleTimer = () => {
      clearTimeout(connectTimer)
      connection.socket.setTimeout(timeouts.idleMs)
    }
    // Closed or reset before any byte of the answer on a reused connection: the server had let it go.
    const staleOr = (result: { outcome?: LeanOutcome; error?: unknown }) => finish(connection.reused && !answered ? { outcome: 'stale' } : result)
    const connection = takeConnection(
      request.url,
      {
        buffer: () => {
          if (head !== null) return headScratch
          current ??= fresh()
          return current.subarray(filled)
        },
        read: (n, into) => {
          if (settled) return false
          return head !== null ? gotHead(n, into) : gotBody(n)
        },
        connected: startIdleTimer,
        timedOut: () => finish({ error: Object.assign(networkError('ETIMEDOUT', `The server sent nothing for ${timeouts.idleMs / 1000} s`), { name: 'TimeoutError' }) }),
        // A certificate the SDK would refuse too: its request then says so in the app's words.
        failed: (error) => staleOr(secure && isCertificateFault(error.code) ? { outcome: { fallback: `tls ${error.code}` } } : { error }),
        // Only a close before the whole body is a fault.
        closed: () => staleOr(received === expected ? { outcome: 'done' } : { error: networkError('ECONNRESET', 'The connection closed before the whole range arrived') }),
      },
      { fresh: newConnection },
    )
    const connectTimer = connection.reused ? undefined : setTimeout(() => finish({ error: networkError('ETIMEDOUT', `No connection to ${request.url.host} within ${timeouts.connectMs / 1000} s`) }), timeouts.connectMs)
    if (connection.reused) connection.socket.setTimeout(timeouts.idleMs)
    const onAbort = () => finish({ error: signal.reason })
    signal.addEventListener('abort', onAbort, { once: true })

    const lines = [`GET ${request.url.pathname}${request.url.search} HTTP/1.1`, `Host: ${request.url.host}`, ...request.headers.map(([name, value]) => `${name}: ${value}`), '', '']
    connection.socket.write(lines.join('\r\n'))
  })
}

async function writeFully(file: FileHandle, buffer: Buffer, bytes: number, position: number): Promise<void> {
  let done = 0
  while (done < bytes) {
    const { bytesWritten } = await file.write(buffer, done, nextWriteBytes(position + done, bytes - done), position + done)
    if (bytesWritten === 0) throw Object.assign(new Error('The disk accepted no more bytes'), { code: 'ENOSPC' })
    done += bytesWritten
  }
}


export interface RangeOfObject extends AskedRange {
  bucket: string
  key: string
  versionId?: string
}

/** The headers a lean request may carry signed; the presigned URL must sign no other. */
const leanHeaders = new Set(['host', 'range', 'if-match'])

/**
 * A range of an object through the lean path, or `fallback` when it does not apply
 *
 * The request is presigned by the SDK's own presigner (its SigV4 signer, endpoint rules,
 * path or virtual-hosted style, region), so only the transport here is new. HTTPS
 * goes over TLS as the SDK's requests do (the system's CAs, the host name checked).
 */
export async function leanGetObjectRange(s3: S3Client, range: RangeOfObject, file: FileHandle, signal: AbortSignal): Promise<LeanOutcome> {
  const rangeHeader = `bytes=${range.start}-${range.end}`
  const command = new GetObjectCommand({ Bucket: range.bucket, Key: range.key, ...(range.versionId ? { VersionId: range.versionId } : {}), Range: rangeHeader, IfMatch: range.etag })
  const url = new URL(await getSignedUrl(s3, command, { expiresIn: 900 }))
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { fallback: url.protocol }
  const signed = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';')
  if (signed.some((name) => !leanHeaders.has(name))) return { fallback: 'other signed headers' }
  const headers: [string, string][] = [
    ['Range', rangeHeader],
    ['If-Match', range.etag],
  ]
  return leanGetRange({ ...range, url, headers }, file, signal, await transferTimeouts(s3))
}
