import { randomBytes } from 'node:crypto'
import type { Socket } from 'node:net'
import { crc32 } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { classifyFailure } from '../../src-main/core/async/retryPolicy'
import { toAppError } from '../../src-main/services/aws/awsErrors'
import { createAwsClientFactory } from '../../src-main/services/aws/awsClients'
import { leanPlaceFor, leanPutterFor, type LeanPutRequest } from '../../src-main/services/transfers/leanPut'
import { startScriptedServers } from '../support/tlsFront'

/**
 * The lean PUT against a scripted server: each answer is written byte by byte as the test
 * says, so heads split anywhere, lying lengths, redirects, 1xx and stalls play exactly.
 * Connections are kept open between requests, as S3's are. Every case runs over plain
 * HTTP and over TLS (a certificate made here, trusted for this file).
 */
const body = randomBytes(200_000)
const crcOf = (b: Buffer) => {
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(b) >>> 0)
  return crc.toString('base64')
}
const etag = '"0123456789abcdef0123456789abcdef"'
const ok = (extra = '') => `HTTP/1.1 200 OK\r\nETag: ${etag}\r\nx-amz-checksum-crc32: ${crcOf(body)}\r\n${extra}Content-Length: 0\r\nDate: Wed, 02 Dec 2026 02:00:00 GMT\r\n\r\n`
const xmlError = (status: string, code: string) => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>Please reduce your request rate &amp; retry.</Message></Error>`
  return `HTTP/1.1 ${status}\r\nContent-Type: application/xml\r\nx-amz-request-id: R1\r\nContent-Length: ${Buffer.byteLength(xml)}\r\n\r\n${xml}`
}

interface Seen {
  head: string
  body: Buffer
}
const ports = { http: 0, https: 0 }
let answer: (socket: Socket, request: Seen) => void = () => undefined
let seen: Seen[] = []
/** Reads requests one after another on a kept connection: a head, then Content-Length bytes. */
const onConnection = (socket: Socket) => {
  let pending = Buffer.alloc(0)
  socket.on('error', () => undefined)
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk])
    for (;;) {
      const end = pending.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = pending.subarray(0, end).toString('latin1')
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0)
      if (pending.length < end + 4 + length) return
      const request = { head, body: pending.subarray(end + 4, end + 4 + length) }
      pending = pending.subarray(end + 4 + length)
      seen.push(request)
      answer(socket, request)
    }
  })
}
let servers: Awaited<ReturnType<typeof startScriptedServers>>
beforeAll(async () => {
  servers = await startScriptedServers(onConnection)
  Object.assign(ports, servers.ports)
})
// The putters keep their connections, as they do between the files of a batch: close ends them.
afterAll(() => servers.close())
beforeEach(() => {
  seen = []
})

let scheme: 'http' | 'https' = 'http'
const putter = (o: { idleMs?: number; host?: string } = {}) =>
  leanPutterFor(
    createAwsClientFactory(null, { idleTimeoutMs: o.idleMs ?? 5_000 }).s3Transfers({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', region: 'eu-west-1', endpoint: `${scheme}://${o.host ?? '127.0.0.1'}:${ports[scheme]}`, forcePathStyle: true }),
  )
const small: LeanPutRequest = { bucket: 'bucket', key: 'photos/a b+c.png', body, headers: { ContentType: 'image/png', CacheControl: 'max-age=60' } }
const tick = () => new Promise((resolve) => setTimeout(resolve, 2))
const header = (request: Seen, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(request.head)?.[1]

describe.each(['http', 'https'] as const)('the lean PUT over %s', (over) => {
  beforeEach(() => {
    scheme = over
  })

  it('sends the bytes once, signed for the profile’s region, with UNSIGNED-PAYLOAD, the CRC32 and the SDK’s headers', async () => {
    answer = (socket) => socket.write(ok())
    expect(await putter().put(small, new AbortController().signal)).toEqual({ etag })
    const [request] = seen
    expect(request!.head).toMatch(/^PUT \/bucket\/photos\/a%20b%2Bc\.png HTTP\/1\.1\r\n/)
    expect(request!.body.equals(body)).toBe(true)
    expect({
      type: header(request!, 'content-type'),
      cache: header(request!, 'cache-control'),
      length: header(request!, 'content-length'),
      payload: header(request!, 'x-amz-content-sha256'),
      crc: header(request!, 'x-amz-checksum-crc32'),
      host: header(request!, 'host'),
    }).toEqual({ type: 'image/png', cache: 'max-age=60', length: String(body.length), payload: 'UNSIGNED-PAYLOAD', crc: crcOf(body), host: `127.0.0.1:${ports[over]}` })
    // Cache-Control is among the headers SigV4 never signs (the SDK's signer leaves it out too).
    expect(header(request!, 'authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-checksum-crc32;x-amz-content-sha256;x-amz-date;x-amz-sdk-checksum-algorithm, Signature=[0-9a-f]{64}$/)
  })

  it('sends a part to its upload, with no object headers, on the connection kept from before', async () => {
    answer = (socket) => socket.write(ok())
    const lean = putter()
    await lean.put(small, new AbortController().signal)
    expect(await lean.put({ bucket: 'bucket', key: 'big/video.mp4', body, part: { uploadId: 'up+1/x', number: 3 } }, new AbortController().signal)).toEqual({ etag })
    expect(seen[1]!.head).toMatch(/^PUT \/bucket\/big\/video\.mp4\?partNumber=3&uploadId=up%2B1%2Fx HTTP\/1\.1\r\n/)
    expect(header(seen[1]!, 'content-type')).toBeUndefined()
    expect(header(seen[1]!, 'cache-control')).toBeUndefined()
  })

  it('reads an answer split at every byte boundary of its head', async () => {
    const whole = Buffer.from(ok(), 'latin1')
    const lean = putter()
    for (let cut = 1; cut < whole.length; cut++) {
      answer = (socket) => {
        socket.write(whole.subarray(0, cut))
        void tick().then(() => socket.write(whole.subarray(cut)))
      }
      expect(await lean.put(small, new AbortController().signal)).toEqual({ etag })
    }
    expect(seen.length).toBe(whole.length - 1)
  }, 60_000)

  it('throws a SlowDown or an InternalError (even chunked) as the SDK does, for the retries', async () => {
    answer = (socket) => socket.write(xmlError('503 Slow Down', 'SlowDown'))
    const slow = await putter().put(small, new AbortController().signal).catch((error: unknown) => error)
    expect(slow).toMatchObject({ name: 'SlowDown', message: 'Please reduce your request rate & retry.', $metadata: { httpStatusCode: 503, requestId: 'R1' } })
    expect(classifyFailure(slow)).toBe('retry')
    const chunked = ['<Error><Code>Internal', 'Error</Code></Error>'].map((piece) => `${piece.length.toString(16)}\r\n${piece}\r\n`).join('')
    answer = (socket) => socket.write(`HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}0\r\n\r\n`)
    await expect(putter().put(small, new AbortController().signal)).rejects.toMatchObject({ name: 'InternalError', $metadata: { httpStatusCode: 500 } })
  })

  it.each([
    ['503 Slow Down', 'SlowDown'],
    ['500 Internal Server Error', 'InternalError'],
  ])('words a %s as the user would read it from the SDK', async (status, code) => {
    answer = (socket) => socket.write(xmlError(status, code))
    const s3 = createAwsClientFactory(null, { idleTimeoutMs: 5_000 }).s3Transfers({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', region: 'eu-west-1', endpoint: `${scheme}://127.0.0.1:${ports[scheme]}`, forcePathStyle: true })
    const viaSdk = await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: small.key, Body: body, ContentType: 'image/png' })).catch((error: unknown) => error)
    const viaLean = await leanPutterFor(s3).put(small, new AbortController().signal).catch((error: unknown) => error)
    const context = { action: 'upload a b+c.png', endpoint: null, permission: 's3:PutObject' }
    expect(toAppError(viaLean, context).toBridge()).toEqual(toAppError(viaSdk, context).toBridge())
    expect(classifyFailure(viaLean)).toBe(classifyFailure(viaSdk))
  })

  it.each([
    ['a 403 (the SDK words it)', xmlError('403 Forbidden', 'AccessDenied'), false],
    ['a redirect', 'HTTP/1.1 301 Moved Permanently\r\nLocation: http://elsewhere/\r\nContent-Length: 0\r\n\r\n', false],
    ['a 100 Continue nobody asked for', `HTTP/1.1 100 Continue\r\n\r\n${ok()}`, true],
    ['a chunked 200', `HTTP/1.1 200 OK\r\nETag: ${etag}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, true],
    ['two Content-Length headers', `HTTP/1.1 200 OK\r\nETag: ${etag}\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n`, true],
    ['a bogus Content-Length', `HTTP/1.1 200 OK\r\nETag: ${etag}\r\nContent-Length: zero\r\n\r\n`, true],
    ['a 200 without an ETag', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', true],
    ['another CRC32 than the one sent', `HTTP/1.1 200 OK\r\nETag: ${etag}\r\nx-amz-checksum-crc32: AAAAAA==\r\nContent-Length: 0\r\n\r\n`, true],
    ['HTTP/1.0', `HTTP/1.0 200 OK\r\nETag: ${etag}\r\nContent-Length: 0\r\n\r\n`, true],
  ])('hands %s to the SDK', async (_, text, sticky) => {
    answer = (socket) => socket.write(text)
    expect(await putter().put(small, new AbortController().signal)).toEqual({ fallback: expect.any(String), sticky })
  })

  it('reads an error’s body to the close when the answer gives no length', async () => {
    const xml = '<Error><Code>SlowDown</Code><Message>Slow down.</Message></Error>'
    answer = (socket) => socket.end(`HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\n\r\n${xml}`)
    await expect(putter().put(small, new AbortController().signal)).rejects.toMatchObject({ name: 'SlowDown', message: 'Slow down.', $metadata: { httpStatusCode: 503 } })
  })

  it('sends the PUT again on a new connection when the server let the kept one go', async () => {
    let answers = 0
    // The second request finds its connection closed by the server, before any answer.
    answer = (socket) => (answers++ === 1 ? socket.destroy() : socket.write(ok()))
    const lean = putter()
    expect(await lean.put(small, new AbortController().signal)).toEqual({ etag })
    expect(await lean.put(small, new AbortController().signal)).toEqual({ etag })
    expect(seen.length).toBe(3)
    expect(seen.every((request) => request.body.equals(body))).toBe(true)
  })

  it('fails as a broken connection when the answer stops early', async () => {
    answer = (socket) => socket.end(`HTTP/1.1 503 Slow Down\r\nContent-Length: 300\r\n\r\n<Error>`)
    const cut = await putter().put(small, new AbortController().signal).catch((error: unknown) => error)
    expect(classifyFailure(cut)).toBe('network')
  })

  it('gives up on a silent server after the idle time, as a timeout the retries know', async () => {
    answer = () => undefined
    const silent = await putter({ idleMs: 300 }).put(small, new AbortController().signal).catch((error: unknown) => error)
    expect(silent).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' })
    expect(classifyFailure(silent)).toBe('network')
  })

  it('stops when cancelled, even with the server silent', async () => {
    answer = () => undefined
    const stop = new AbortController()
    setTimeout(() => stop.abort(new Error('cancelled')), 100)
    // The idle time is a minute: only the cancel can end it before the test's own limit.
    await expect(putter({ idleMs: 60_000 }).put(small, stop.signal)).rejects.toThrow('cancelled')
  })
})

describe('the lean PUT over TLS', () => {
  it('hands a certificate that does not name the host to the SDK, which refuses it too', async () => {
    scheme = 'https'
    answer = (socket) => socket.write(ok())
    expect(await putter({ host: 'localhost' }).put(small, new AbortController().signal)).toEqual({ fallback: expect.stringMatching(/^tls /), sticky: true })
    expect(seen).toEqual([])
  })
})

describe('where the lean PUT goes', () => {
  const client = (o: { region: string; endpoint?: string; forcePathStyle: boolean }) =>
    createAwsClientFactory().s3Transfers({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', region: o.region, endpoint: o.endpoint ?? null, forcePathStyle: o.forcePathStyle })
  const place = async (s3: ReturnType<typeof client>, bucket: string) => {
    const p = await leanPlaceFor(s3, bucket)
    return p && { origin: p.url.origin, prefix: p.prefix, region: p.region, service: p.service }
  }

  it('is where the SDK sends the bucket: AWS virtual-hosted in the profile’s region, a custom endpoint in either style', async () => {
    expect(await place(client({ region: 'sa-east-1', forcePathStyle: false }), 'fotos-2026')).toEqual({ origin: 'https://fotos-2026.s3.sa-east-1.amazonaws.com', prefix: '/', region: 'sa-east-1', service: 's3' })
    // A dotted name can't be a host under AWS's certificate: the SDK puts it in the path.
    expect(await place(client({ region: 'eu-west-1', forcePathStyle: false }), 'www.example.com')).toEqual({ origin: 'https://s3.eu-west-1.amazonaws.com', prefix: '/www.example.com/', region: 'eu-west-1', service: 's3' })
    expect(await place(client({ region: 'auto', endpoint: 'https://acct.r2.cloudflarestorage.com', forcePathStyle: false }), 'media')).toEqual({ origin: 'https://media.acct.r2.cloudflarestorage.com', prefix: '/', region: 'auto', service: 's3' })
    expect(await place(client({ region: 'us-east-1', endpoint: 'http://minio.lan:9000', forcePathStyle: true }), 'media')).toEqual({ origin: 'http://minio.lan:9000', prefix: '/media/', region: 'us-east-1', service: 's3' })
  })
})
