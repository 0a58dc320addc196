import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Socket } from 'node:net'
import { crc32 } from 'node:zlib'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { Sha256 } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'
import { networkError, transferTimeouts, type LeanTimeouts } from '../leanHttp/leanTimeouts'
import { collectHeaders, maxErrorBodyBytes, putAnswer } from '../leanHttp/responseHead'
import { s3Refusal } from '../leanHttp/s3Refusal'

/**
 * One PUT (a small object, or a part of a multipart upload) straight over a keep-alive agent
 *
 * Through the SDK a PutObject costs more CPU than its bytes: the middleware stack, a
 * SHA-256 of the payload for the signature, the request pipeline. Here the request is
 * signed by the SDK's own signer (@smithy/signature-v4: the signing key cached per day
 * and region) with `UNSIGNED-PAYLOAD`, the bytes protected by the `x-amz-checksum-crc32`
 * the SDK would send, and written once to a pooled connection. Where it goes (endpoint,
 * path or virtual-hosted style, signing region) is what the SDK's own presigner says for
 * the bucket, asked once. The answer must be the strict subset in responseHead.ts:
 * anything else is `fallback`, and the caller sends the same request through the SDK.
 * A SlowDown or InternalError is thrown as the SDK would throw it, and faults of the
 * network as the codes the one retry layer (core/async/retrying) knows.
 */
export interface LeanPutRequest {
  bucket: string
  key: string
  body: Buffer
  /** Exactly the headers the SDK path sets on a PutObject; a part has none. */
  headers?: { ContentType: string; CacheControl?: string }
  part?: { uploadId: string; number: number }
}

/** `sticky`: this server answers every lean PUT so; a status belongs to this request alone. */
export type LeanPutOutcome = { etag: string } | { fallback: string; sticky: boolean }

export interface LeanPutter {
  readonly enabled: boolean
  put(request: LeanPutRequest, signal: AbortSignal): Promise<LeanPutOutcome>
  /** The server took through the SDK what it refused from us: the SDK sends the rest. */
  disable(reason: string): void
}

interface Target {
  url: URL
  /** The path up to the key: "/bucket/" in path style, "/" in virtual-hosted style. */
  prefix: string
  signer: SignatureV4
}

const probeKey = 'cubeta-probe'
const putters = new WeakMap<S3Client, LeanPutter>()

/** One per client: its agents keep connections open between the files of a batch. */
export function leanPutterFor(s3: S3Client): LeanPutter {
  // Only an SDK client says where its requests go and how long they wait; anything else
  // (a stand-in that only answers send) is sent through its own send.
  if (!s3.config?.requestHandler) return sdkOnly
  let putter = putters.get(s3)
  if (!putter) {
    putter = createLeanPutter(s3)
    putters.set(s3, putter)
  }
  return putter
}

const sdkOnly: LeanPutter = {
  enabled: false,
  put: async () => ({ fallback: 'not an SDK client', sticky: true }),
  disable() {},
}

function createLeanPutter(s3: S3Client): LeanPutter {
  const agents = { http: new HttpAgent({ keepAlive: true, scheduling: 'lifo' }), https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo' }) }
  const targets = new Map<string, Promise<Target | null>>()
  const timeouts = transferTimeouts(s3)
  let enabled = true

  async function targetFor(bucket: string): Promise<Target | null> {
    const place = await leanPlaceFor(s3, bucket)
    if (!place) return null
    const signer = new SignatureV4({ credentials: s3.config.credentials, region: place.region, service: place.service, sha256: Sha256, uriEscapePath: false, applyChecksum: false })
    return { url: place.url, prefix: place.prefix, signer }
  }

  return {
    get enabled() {
      return enabled
    },
    disable() {
      enabled = false
    },
    async put(request, signal) {
      let target = targets.get(request.bucket)
      if (!target) {
        target = targetFor(request.bucket).catch(() => null)
        targets.set(request.bucket, target)
      }
      const t = await target
      if (!t) return { fallback: 'no plain endpoint for this bucket', sticky: true }
      const checksum = crc32Base64(request.body)
      const headers = await sign(s3, t, request, checksum)
      const agent = t.url.protocol === 'https:' ? agents.https : agents.http
      const waits = await timeouts
      // A kept connection the server closed meanwhile fails before any answer: once more, on a new one.
      return sendPut(t, headers, request, checksum, agent, signal, waits).catch((error: { staleConnection?: boolean }) => {
        if (error?.staleConnection && !signal.aborted) return sendPut(t, headers, request, checksum, agent, signal, waits)
        throw error
      })
    },
  }
}

/**
 * Where the SDK sends a bucket's PUTs, and the region and service it signs them for, as
 * its own presigner says: endpoint rules, custom endpoint, path or virtual-hosted style.
 */
export async function leanPlaceFor(s3: S3Client, bucket: string): Promise<{ url: URL; prefix: string; region: string; service: string } | null> {
  const url = new URL(await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: probeKey }), { expiresIn: 60 }))
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.pathname.endsWith(`/${probeKey}`)) return null
  const scope = (url.searchParams.get('X-Amz-Credential') ?? '').split('/')
  if (scope.length !== 5 || !scope[2] || !scope[3]) return null
  return { url, prefix: url.pathname.slice(0, -probeKey.length), region: scope[2], service: scope[3] }
}

const segment = (part: string) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
/** The key in the path as the SDK writes it: each segment encoded, the slashes kept. */
const keyPath = (key: string) => key.split('/').map(segment).join('/')

function pathOf(t: Target, request: LeanPutRequest): { path: string; query: Record<string, string> } {
  const path = `${t.prefix}${keyPath(request.key)}`
  return { path, query: request.part ? { partNumber: String(request.part.number), uploadId: request.part.uploadId } : {} }
}

async function sign(s3: S3Client, t: Target, request: LeanPutRequest, checksum: string): Promise<Record<string, string>> {
  const { path, query } = pathOf(t, request)
  const headers: Record<string, string> = {
    host: t.url.host,
    'content-length': String(request.body.length),
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    'x-amz-checksum-crc32': checksum,
    'x-amz-sdk-checksum-algorithm': 'CRC32',
  }
  if (request.headers) {
    headers['content-type'] = request.headers.ContentType
    if (request.headers.CacheControl) headers['cache-control'] = request.headers.CacheControl
  }
  // The SDK corrects its clock by the server's after a RequestTimeTooSkewed: so do we.
  const offset = (s3.config as { systemClockOffset?: number }).systemClockOffset ?? 0
  const signed = await t.signer.sign(
    { method: 'PUT', protocol: t.url.protocol, hostname: t.url.hostname, ...(t.url.port ? { port: Number(t.url.port) } : {}), path, query, headers },
    { signingDate: new Date(Date.now() + offset) },
  )
  return signed.headers
}

function crc32Base64(bytes: Buffer): string {
  const crc = Buffer.allocUnsafe(4)
  crc.writeUInt32BE(crc32(bytes) >>> 0)
  return crc.toString('base64')
}

function sendPut(t: Target, headers: Record<string, string>, request: LeanPutRequest, checksum: string, agent: HttpAgent, signal: AbortSignal, timeouts: LeanTimeouts): Promise<LeanPutOutcome> {
  return new Promise<LeanPutOutcome>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const { path, query } = pathOf(t, request)
    const search = new URLSearchParams(query).toString()
    const secure = t.url.protocol === 'https:'
    let settled = false
    let answered = false
    let connectTimer: ReturnType<typeof setTimeout> | undefined
    const settle = (then: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      signal.removeEventListener('abort', onAbort)
      then()
    }
    const fail = (error: unknown) =>
      settle(() => {
        req.destroy()
        reject(error)
      })
    const fallBack = (fallback: string, sticky: boolean) =>
      settle(() => {
        req.destroy()
        resolve({ fallback, sticky })
      })

    const send = secure ? httpsRequest : httpRequest
    const req = send({ agent, host: t.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: t.url.port || (secure ? 443 : 80), method: 'PUT', path: search ? `${path}?${search}` : path, headers, setHost: false })
    req.setTimeout(timeouts.idleMs, () => fail(Object.assign(networkError('ETIMEDOUT', `The server sent nothing for ${timeouts.idleMs / 1000} s`), { name: 'TimeoutError' })))
    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) return
      connectTimer = setTimeout(() => fail(networkError('ETIMEDOUT', `No connection to ${t.url.host} within ${timeouts.connectMs / 1000} s`)), timeouts.connectMs)
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer))
    })
    req.on('error', (error: Error & { code?: string; staleConnection?: boolean }) => {
      // A certificate the SDK would refuse too: its request then says so in the app's words.
      if (secure && /CERT|SSL|TLS|SELF_SIGNED|HOSTNAME/.test(error.code ?? '')) return fallBack(`tls ${error.code}`, true)
      // node:http's parser refused the answer (a bogus Content-Length, a malformed head): not ours to read.
      if (error.code?.startsWith('HPE_')) return fallBack(`http ${error.code}`, true)
      if (!answered && req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) error.staleConnection = true
      fail(error)
    })
    // We send no Expect: a 1xx is no answer S3 gives this request.
    req.on('information', (info: { statusCode: number }) => fallBack(`status ${info.statusCode}`, true))
    req.on('response', (res: IncomingMessage) => {
      answered = true
      if (res.httpVersion !== '1.1') return fallBack(`HTTP/${res.httpVersion}`, true)
      const pairs: [string, string][] = []
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!])
      const collected = collectHeaders(pairs)
      if ('unexpected' in collected) return fallBack(collected.unexpected, true)
      const verdict = putAnswer({ status: res.statusCode ?? 0, headers: collected }, checksum)
      if ('unexpected' in verdict) return fallBack(verdict.unexpected, !verdict.unexpected.startsWith('status'))
      const chunks: Buffer[] = []
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (bytes > maxErrorBodyBytes) return fallBack('more body than Content-Length', true)
        chunks.push(chunk)
      })
      res.on('aborted', () => fail(networkError('ECONNRESET', 'The connection closed before the whole answer arrived')))
      res.on('error', () => fail(networkError('ECONNRESET', 'The connection closed before the whole answer arrived')))
      res.on('end', () => {
        const length = collected.get('content-length')
        if (length !== undefined && bytes !== Number(length)) return fail(networkError('ECONNRESET', 'The connection closed before the whole answer arrived'))
        if ('stored' in verdict) settle(() => resolve({ etag: verdict.stored }))
        else fail(s3Refusal(verdict.refused, Buffer.concat(chunks), collected))
      })
    })
    const onAbort = () => fail(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    req.end(request.body)
  })
}
