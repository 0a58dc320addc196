import { crc32 } from 'node:zlib'
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { Sha256 } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'
import { transferTimeouts } from '../leanHttp/leanTimeouts'
import { onFreshIfStale } from '../leanHttp/keptConnections'
import { putOverSocket, type LeanPutOutcome, type SignedPut } from './leanPutSocket'

/**
 * One PUT (a small object, or a part of a multipart upload) straight over a kept connection
 *
 * Through the SDK a PutObject costs more CPU than its bytes: the middleware stack, a
 * SHA-256 of the payload for the signature, the request pipeline. Here the request is
 * signed by the SDK's own signer (@smithy/signature-v4: the signing key cached per day
 * and region) with `UNSIGNED-PAYLOAD`, the bytes protected by the `x-amz-checksum-crc32`
 * the SDK would send, and written once to a pooled connection (leanPutSocket.ts). Where it goes (endpoint,
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

export type { LeanPutOutcome } from './leanPutSocket'

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

/** One per client: where each bucket's PUTs go, and the client's signer and waits. */
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
      const { path, query } = pathOf(t, request)
      const headers = await sign(s3, t, path, query, request, checksum)
      const search = new URLSearchParams(query).toString()
      const put: SignedPut = { url: t.url, target: search ? `${path}?${search}` : path, headers, body: request.body, checksum }
      const waits = await timeouts
      // A kept connection the server closed meanwhile fails before any answer: once more, on a new one.
      return onFreshIfStale((fresh) => putOverSocket(put, signal, waits, fresh))
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

async function sign(s3: S3Client, t: Target, path: string, query: Record<string, string>, request: LeanPutRequest, checksum: string): Promise<Record<string, string>> {
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
