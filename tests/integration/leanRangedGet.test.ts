import { randomBytes } from 'node:crypto'
import { mkdtemp, open, readFile, writeFile, type FileHandle } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { leanGetRange, type LeanRequest } from '../../src-main/services/downloads/leanRangedGet'
import { closeIdleConnections } from '../../src-main/services/leanHttp/keptConnections'
import { startScriptedServers } from '../support/tlsFront'

/**
 * The lean ranged GET against a scripted server: every answer is written byte by byte as
 * the test says, so heads split anywhere, lying lengths and stalls can be played exactly.
 * The file is filled with a sentinel first: no byte outside the range may change. Each
 * case runs over plain HTTP and over TLS (a certificate made here, trusted for this file).
 */
const total = 2 * 1024 * 1024
const start = 1_000
const end = start + 300 * 1024 - 1
const body = randomBytes(end - start + 1)
const etag = '"0123456789abcdef0123456789abcdef"'
const head = (o: { status?: string; length?: number; extra?: string } = {}) =>
  Buffer.from(
    `HTTP/1.1 ${o.status ?? '206 Partial Content'}\r\nAccept-Ranges: bytes\r\nContent-Length: ${o.length ?? body.length}\r\nContent-Range: bytes ${start}-${end}/${total}\r\nETag: ${etag}\r\n${o.extra ?? ''}Date: Tue, 01 Dec 2026 23:00:00 GMT\r\n\r\n`,
    'latin1',
  )

const ports = { http: 0, https: 0 }
/** `nth`: the request's place on its connection (1 for the first). */
let answer: (socket: Socket, request: string, nth: number) => void = () => undefined
let requests: string[] = []
let connections = 0
const onConnection = (socket: Socket) => {
  connections++
  let text = ''
  let nth = 0
  socket.on('error', () => undefined)
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1')
    for (let at = text.indexOf('\r\n\r\n'); at >= 0 && !socket.writableEnded; at = text.indexOf('\r\n\r\n')) {
      const request = text.slice(0, at + 4)
      text = text.slice(at + 4)
      requests.push(request)
      answer(socket, request, ++nth)
    }
  })
}
let servers: Awaited<ReturnType<typeof startScriptedServers>>
beforeAll(async () => {
  servers = await startScriptedServers(onConnection)
  Object.assign(ports, servers.ports)
})
afterAll(() => servers.close())

let file: FileHandle
let path = ''
beforeEach(async () => {
  requests = []
  connections = 0
  closeIdleConnections()
  path = join(await mkdtemp(join(tmpdir(), 'cubeta-lean-')), 'target.bin')
  await writeFile(path, Buffer.alloc(total, 0xee))
  file = await open(path, 'r+')
  return () => file.close()
})

let scheme: 'http' | 'https' = 'http'
const request = (host = '127.0.0.1'): LeanRequest => ({
  url: new URL(`${scheme}://${host}:${ports[scheme]}/bucket/photos/a%20b.bin?X-Amz-Signature=abc&x-id=GetObject`),
  headers: [
    ['Range', `bytes=${start}-${end}`],
    ['If-Match', etag],
  ],
  start,
  end,
  total,
  etag,
})
const fetchRange = (signal = new AbortController().signal, idleMs = 5_000, host?: string) => leanGetRange(request(host), file, signal, { connectMs: 2_000, idleMs })
const tick = () => new Promise((resolve) => setTimeout(resolve, 2))

async function expectOnlyRangeWritten(withBody: boolean) {
  const after = await readFile(path)
  expect(after.subarray(0, start).equals(Buffer.alloc(start, 0xee))).toBe(true)
  expect(after.subarray(end + 1).equals(Buffer.alloc(total - end - 1, 0xee))).toBe(true)
  if (withBody) expect(after.subarray(start, end + 1).equals(body)).toBe(true)
}

describe.each(['http', 'https'] as const)('the lean ranged GET over %s', (over) => {
  beforeEach(() => {
    scheme = over
  })

  it('asks for the range with the signed URL, Range and If-Match, and writes exactly its bytes', async () => {
    answer = (socket) => socket.end(Buffer.concat([head(), body]))
    expect(await fetchRange()).toBe('done')
    expect(requests[0]).toMatch(/^GET \/bucket\/photos\/a%20b\.bin\?X-Amz-Signature=abc&x-id=GetObject HTTP\/1\.1\r\n/)
    expect(requests[0]).toContain(`\r\nRange: bytes=${start}-${end}\r\n`)
    expect(requests[0]).toContain(`\r\nIf-Match: ${etag}\r\n`)
    expect(requests[0]).toContain(`\r\nHost: 127.0.0.1:${ports[over]}\r\n`)
    await expectOnlyRangeWritten(true)
  })

  it('reads a head split at every byte boundary', async () => {
    const whole = Buffer.concat([head(), body])
    for (let cut = 1; cut <= head().length; cut++) {
      answer = (socket) => {
        socket.write(whole.subarray(0, cut))
        void tick().then(() => socket.end(whole.subarray(cut)))
      }
      await file.write(Buffer.alloc(body.length, 0xee), 0, body.length, start)
      expect(await fetchRange()).toBe('done')
      await expectOnlyRangeWritten(true)
    }
  }, 60_000)

  it.each([
    ['a Content-Length longer than the range', head({ length: body.length + 1 })],
    ['a Content-Length shorter than the range', head({ length: body.length - 1 })],
    ['a chunked body', head({ extra: 'Transfer-Encoding: chunked\r\n' })],
    ['a 503', head({ status: '503 Slow Down' })],
    ['a redirect', head({ status: '301 Moved Permanently', extra: 'Location: http://elsewhere/\r\n' })],
  ])('hands %s to the SDK without writing a byte', async (_, answerHead) => {
    answer = (socket) => socket.end(Buffer.concat([answerHead, body]))
    expect(await fetchRange()).toMatchObject({ fallback: expect.any(String) })
    await expectOnlyRangeWritten(false)
    const after = await readFile(path)
    expect(after.subarray(start, end + 1).equals(Buffer.alloc(body.length, 0xee))).toBe(true)
  })

  it('hands a body longer than its Content-Length to the SDK, writing nothing outside the range', async () => {
    answer = (socket) => socket.end(Buffer.concat([head(), body, Buffer.alloc(300_000, 1)]))
    expect(await fetchRange()).toMatchObject({ fallback: expect.any(String) })
    await expectOnlyRangeWritten(false)
  })

  it('fails as a broken connection when the body stops early, for the retries to take over', async () => {
    answer = (socket) => socket.end(Buffer.concat([head(), body.subarray(0, 200_000)]))
    await expect(fetchRange()).rejects.toMatchObject({ code: 'ECONNRESET' })
    await expectOnlyRangeWritten(false)
  })

  it('gives up on a server that goes silent in the middle of the body', async () => {
    answer = (socket) => socket.write(Buffer.concat([head(), body.subarray(0, 100_000)]))
    await expect(fetchRange(undefined, 300)).rejects.toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' })
  })

  // A new connection per range is a TCP (and TLS) handshake per 8 MiB, on both sides.
  it('carries the next range over the same connection when the server keeps it open', async () => {
    answer = (socket) => socket.write(Buffer.concat([head(), body]))
    expect(await fetchRange()).toBe('done')
    await file.write(Buffer.alloc(body.length, 0xee), 0, body.length, start)
    expect(await fetchRange()).toBe('done')
    await expectOnlyRangeWritten(true)
    expect(requests).toHaveLength(2)
    expect(connections).toBe(1)
  })

  it('opens a new connection after an answer that says Connection: close', async () => {
    // The server leaves it open anyway: only the header tells the client not to reuse it.
    answer = (socket) => socket.write(Buffer.concat([head({ extra: 'Connection: close\r\n' }), body]))
    expect(await fetchRange()).toBe('done')
    expect(await fetchRange()).toBe('done')
    expect(connections).toBe(2)
  })

  it('asks again on a new connection when the server closes the kept one instead of answering', async () => {
    answer = (socket, _, nth) => (nth === 1 ? socket.write(Buffer.concat([head(), body])) : socket.destroy())
    expect(await fetchRange()).toBe('done')
    await file.write(Buffer.alloc(body.length, 0xee), 0, body.length, start)
    expect(await fetchRange()).toBe('done')
    await expectOnlyRangeWritten(true)
    expect(requests).toHaveLength(3)
    expect(connections).toBe(2)
  })

  it('stops when cancelled, even with the server silent', async () => {
    answer = () => undefined
    const stop = new AbortController()
    setTimeout(() => stop.abort(new Error('cancelled')), 100)
    // The idle timeout is a minute: only the cancel can end it before the test's own limit.
    await expect(fetchRange(stop.signal, 60_000)).rejects.toThrow('cancelled')
  })
})

describe('the lean ranged GET over TLS', () => {
  it('hands a certificate that does not name the host to the SDK, which refuses it too', async () => {
    scheme = 'https'
    answer = (socket) => socket.end(Buffer.concat([head(), body]))
    expect(await fetchRange(undefined, 5_000, 'localhost')).toMatchObject({ fallback: expect.stringMatching(/^tls /) })
    await expectOnlyRangeWritten(false)
  })
})
