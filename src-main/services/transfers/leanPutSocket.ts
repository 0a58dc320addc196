import { networkError, type LeanTimeouts } from '../leanHttp/leanTimeouts'
import { isCertificateFault, takeConnection } from '../leanHttp/keptConnections'
import { asksToClose, dechunk, maxErrorBodyBytes, parseResponseHead, putAnswer } from '../leanHttp/responseHead'
import { s3Refusal } from '../leanHttp/s3Refusal'

/**
 * One signed PUT written to a kept connection (leanHttp/keptConnections.ts), its answer read strictly
 *
 * node:http costs a request object, its header bookkeeping, stream events and a parser per
 * PUT; for thousands of small files that is a good part of the main thread. Here the head
 * and the body go out in one write and the answer is read into one shared buffer: the
 * head by responseHead.ts's rules, then a `Content-Length` body (an error's XML may also
 * come chunked, or up to the close). Anything outside that is `fallback`, and the caller
 * sends the request through the SDK. Network faults, a cut answer and a silent server
 * reject with the codes the one retry layer (core/async/retrying) knows.
 */
export interface SignedPut {
  url: URL
  /** The path and query, as signed. */
  target: string
  /** Exactly the signed headers, Host among them. */
  headers: Record<string, string>
  body: Buffer
  checksum: string
}

/** `sticky`: this server answers every lean PUT so; a status belongs to this request alone. */
export type LeanPutOutcome = { etag: string } | { fallback: string; sticky: boolean }

/** `stale`: the reused connection closed before any byte of the answer; the caller sends it on a new one. */
export type SocketPutOutcome = LeanPutOutcome | 'stale'

/** Every answer is read here before its bytes are copied out: reads are handled one at a time. */
const scratch = Buffer.allocUnsafe(16 * 1024)
/** What node:http refuses to write in a header value: such a request is the SDK's to refuse. */
const invalidHeaderChar = /[^\t\x20-\x7e\x80-\xff]/

export function putOverSocket(put: SignedPut, signal: AbortSignal, timeouts: LeanTimeouts, fresh: boolean): Promise<SocketPutOutcome> {
  return new Promise<SocketPutOutcome>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    let head = ''
    for (const [name, value] of Object.entries(put.headers)) {
      if (invalidHeaderChar.test(value)) return resolve({ fallback: `header ${name}`, sticky: false })
      head += `${name}: ${value}\r\n`
    }
    let headBytes: Buffer | null = Buffer.alloc(0)
    let answered = false
    let settled = false
    /** How the body ends: its length, its last chunk, or the close. */
    let framing: 'length' | 'chunked' | 'close' = 'length'
    let expected = 0
    let body: Buffer = Buffer.alloc(0)
    let verdict: { stored: string } | { refused: number } = { stored: '' }
    let answerHeaders: ReadonlyMap<string, string> = new Map()
    let keepAlive = false
    let kept = false

    const finish = (then: () => void, keep = false) => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      signal.removeEventListener('abort', onAbort)
      kept = keep
      if (keep) connection.keep()
      else connection.drop()
      then()
    }
    const fail = (error: unknown) => finish(() => reject(error))
    const fallBack = (fallback: string, sticky: boolean) => finish(() => resolve({ fallback, sticky }))
    const cut = () => fail(networkError('ECONNRESET', 'The connection closed before the whole answer arrived'))
    const done = (keep: boolean) => finish(() => ('stored' in verdict ? resolve({ etag: verdict.stored }) : reject(s3Refusal(verdict.refused, body, answerHeaders))), keep)

    /** Settles once the body so far is complete by its framing; until then reading goes on. */
    const checkBody = () => {
      if (framing === 'length') {
        if (body.length > expected) fallBack('more body than Content-Length', true)
        else if (body.length === expected) done(keepAlive)
        return
      }
      if (framing !== 'chunked') return
      const decoded = dechunk(body)
      if ('unexpected' in decoded) fallBack(decoded.unexpected, true)
      else if ('body' in decoded) {
        const whole = decoded.bytes === body.length
        body = decoded.body
        done(keepAlive && whole)
      }
    }
    const gotBody = (bytes: Uint8Array) => {
      if (body.length + bytes.length > maxErrorBodyBytes) return fallBack('more body than Content-Length', true)
      body = Buffer.concat([body, bytes])
      checkBody()
    }
    const gotHead = (bytes: Uint8Array) => {
      answered = true
      headBytes = Buffer.concat([headBytes!, bytes])
      const parsed = parseResponseHead(headBytes)
      if (parsed.kind === 'incomplete') return
      if (parsed.kind === 'unexpected') return fallBack(parsed.reason, true)
      // We send no Expect: a 1xx is no answer S3 gives this request.
      if (parsed.status < 200) return fallBack(`status ${parsed.status}`, true)
      const judged = putAnswer(parsed, put.checksum)
      if ('unexpected' in judged) return fallBack(judged.unexpected, !judged.unexpected.startsWith('status'))
      const coding = parsed.headers.get('transfer-encoding')
      if (coding !== undefined && coding.trim().toLowerCase() !== 'chunked') return fallBack('transfer-encoding', true)
      const length = parsed.headers.get('content-length')
      verdict = judged
      answerHeaders = parsed.headers
      framing = coding !== undefined ? 'chunked' : length !== undefined ? 'length' : 'close'
      expected = Number(length ?? 0)
      // A refusal may come before the server read our whole body: what is left of it would
      // reach the server as the next request, so only a connection with nothing unsent is kept.
      keepAlive = framing !== 'close' && !asksToClose(parsed.headers) && ('stored' in judged || connection.socket.writableLength === 0)
      const early = headBytes.subarray(parsed.headBytes)
      headBytes = null
      if (early.length > 0) gotBody(early)
      else checkBody()
    }

    const secure = put.url.protocol === 'https:'
    // Closed or reset before any byte of the answer on a reused connection: the server had let it go.
    const staleOr = (otherwise: () => void) => (connection.reused && !answered ? finish(() => resolve('stale')) : otherwise())
    const connection = takeConnection(
      put.url,
      {
        buffer: () => scratch,
        read: (n, into) => {
          if (settled) return false
          const bytes = into.subarray(0, n)
          if (headBytes !== null) gotHead(bytes)
          else gotBody(bytes)
          // A kept connection goes on reading while idle, so the pool sees the server close it.
          return !settled || kept
        },
        connected: () => {
          clearTimeout(connectTimer)
          connection.socket.setTimeout(timeouts.idleMs)
        },
        timedOut: () => fail(Object.assign(networkError('ETIMEDOUT', `The server sent nothing for ${timeouts.idleMs / 1000} s`), { name: 'TimeoutError' })),
        // A certificate the SDK would refuse too: its request then says so in the app's words.
        failed: (error) => staleOr(() => (secure && isCertificateFault(error.code) ? fallBack(`tls ${error.code}`, true) : fail(error))),
        // An error's body may run to the close; any other answer cut short is a fault.
        closed: () => staleOr(() => (headBytes === null && framing === 'close' ? done(false) : cut())),
      },
      { fresh },
    )
    const connectTimer = connection.reused ? undefined : setTimeout(() => fail(networkError('ETIMEDOUT', `No connection to ${put.url.host} within ${timeouts.connectMs / 1000} s`)), timeouts.connectMs)
    if (connection.reused) connection.socket.setTimeout(timeouts.idleMs)
    const onAbort = () => fail(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })

    // The head and the body leave together: one write, as node:http's corked request did.
    const socket = connection.socket
    socket.cork()
    socket.write(`PUT ${put.target} HTTP/1.1\r\n${head}\r\n`, 'latin1')
    socket.write(put.body)
    socket.uncork()
  })
}
