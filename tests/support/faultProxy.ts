import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/**
 * A small HTTP proxy between Cubeta and the S3 server, that misbehaves on demand
 *
 * A rule picks requests (by method, query, part number) and does one thing to the next
 * `times` of them: answer 503 SlowDown or 500 InternalError, cut the connection after
 * part of the request or response body, add latency, never answer at all, answer 200
 * with a short body and then nothing, or say RequestTimeTooSkewed as S3 does; or stand in for
 * what moto lacks (extra answer headers, an answer of its own). `down()` makes the server vanish
 * (connections refused) until `up()`. Every request is logged, so a test can say which
 * parts were sent how many times.
 */
export type Fault =
  | { kind: 'status'; status: 503 | 500; code: 'SlowDown' | 'InternalError' }
  | { kind: 'drop-request' }
  | { kind: 'drop-response'; afterBytes: number }
  | { kind: 'latency'; ms: number }
  /** Accepts the connection and the request, and never answers. */
  | { kind: 'silent' }
  /** Answers 200 with the real headers, sends only part of the body, and goes quiet. */
  | { kind: 'short-body'; keepBytes: number }
  /**
   * A server whose clock is this far from ours, answering RequestTimeTooSkewed as S3 does.
   * `withoutDate` leaves out the Date header (some proxies strip it), so the SDK can't
   * correct its clock by it.
   */
  | { kind: 'clock-skew'; skewMs: number; withoutDate?: boolean }
  /**
   * Sends the answer's head at once and holds its body until `until` holds for the requests
   * seen so far; `onRelease` is told when it does (never, if the client gave up first).
   */
  | { kind: 'hold-body'; until: (seen: readonly SeenRequest[]) => boolean; onRelease: () => void }
  /** Forwards, and adds these headers to the answer: what a feature moto lacks would say (x-amz-archive-status). */
  | { kind: 'extra-headers'; headers: Record<string, string> }
  /** Answers itself with this status and an empty body, handing the request's body to `onBody`. */
  | { kind: 'reply'; status: number; onBody: (body: string) => void }

export interface FaultRule {
  match(request: { method: string; url: URL }): boolean
  fault: Fault
  times: number
}

export interface SeenRequest {
  method: string
  path: string
  query: URLSearchParams
}

export interface FaultProxy {
  endpoint: string
  seen: SeenRequest[]
  add(rule: FaultRule): void
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  const rules: FaultRule[] = []
  const seen: SeenRequest[] = []
  const sockets = new Set<Socket>()
  let port = 0

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy')
    seen.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams })
    const rule = rules.find((r) => r.times > 0 && r.match({ method: req.method ?? 'GET', url }))
    if (rule) rule.times--
    const fault = rule?.fault
    if (fault?.kind === 'status') {
      req.resume()
      req.once('end', () => {
        res.writeHead(fault.status, { 'content-type': 'application/xml' })
        res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${fault.code}</Code><Message>Injected by the fault proxy</Message></Error>`)
      })
      return
    }
    if (fault?.kind === 'reply') {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.once('end', () => {
        fault.onBody(Buffer.concat(chunks).toString('utf8'))
        res.writeHead(fault.status, { 'content-length': '0' })
        res.end()
      })
      return
    }
    if (fault?.kind === 'silent') {
      // Read what is sent, so the client is not blocked writing, and answer nothing.
      req.resume()
      return
    }
    if (fault?.kind === 'clock-skew') {
      // A server whose clock is skewMs from ours: it refuses requests signed more than
      // 15 minutes from its own time, as S3 does, and serves the rest.
      const server = new Date(Date.now() + fault.skewMs)
      const requestTime = String(req.headers['x-amz-date'] ?? '')
      const signedAt = Date.parse(requestTime.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
      if (Number.isNaN(signedAt) || Math.abs(server.getTime() - signedAt) > 15 * 60_000) {
        req.resume()
        req.once('end', () => {
          res.sendDate = false
          res.writeHead(403, { 'content-type': 'application/xml', ...(fault.withoutDate ? {} : { date: server.toUTCString() }) })
          res.end(
            `<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message>` +
              `<RequestTime>${requestTime}</RequestTime><ServerTime>${server.toISOString().replace(/\.\d+Z$/, 'Z')}</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>`,
          )
        })
        return
      }
    }
    if (fault?.kind === 'drop-request') {
      // Let some of the body in, then cut the line, as a flaky Wi-Fi would.
      req.once('data', () => req.socket.destroy())
      req.once('end', () => req.socket.destroy())
      return
    }
    const go = () => {
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, fault?.kind === 'extra-headers' ? { ...answer.headers, ...fault.headers } : answer.headers)
        if (fault?.kind === 'short-body') {
          let sent = 0
          answer.on('data', (chunk: Buffer) => {
            const room = Math.max(0, fault.keepBytes - sent)
            if (room > 0) res.write(chunk.subarray(0, room))
            sent += chunk.length
          })
          // The rest never comes, and the connection stays open: only a timeout ends it.
          return
        }
        if (fault?.kind === 'drop-response') {
          let sent = 0
          answer.on('data', (chunk: Buffer) => {
            if (sent + chunk.length >= fault.afterBytes) {
              res.write(chunk.subarray(0, Math.max(0, fault.afterBytes - sent)))
              res.socket?.destroy()
              answer.destroy()
              return
            }
            sent += chunk.length
            res.write(chunk)
          })
          return
        }
        if (fault?.kind === 'hold-body') {
          res.flushHeaders()
          const check = setInterval(() => {
            if (res.destroyed) return clearInterval(check)
            if (!fault.until(seen)) return
            clearInterval(check)
            fault.onRelease()
            answer.pipe(res)
          }, 10)
          return
        }
        answer.pipe(res)
      })
      out.on('error', () => res.socket?.destroy())
      req.pipe(out)
    }
    // A client that went away meanwhile (killed) must not have its half request forwarded.
    if (fault?.kind === 'latency') setTimeout(() => (req.socket.destroyed ? undefined : go()), fault.ms)
    else go()
  }

  let server: Server = await listen(0)
  function listen(onPort: number): Promise<Server> {
    const s = createServer(handle)
    s.keepAliveTimeout = 1_000
    s.on('connection', (socket) => {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    })
    return new Promise((resolve, reject) => {
      s.once('error', reject)
      s.listen(onPort, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port
        resolve(s)
      })
    })
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })

  return {
    get endpoint() {
      return `http://127.0.0.1:${port}`
    },
    seen,
    add: (rule) => void rules.push(rule),
    down: stop,
    async up() {
      server = await listen(port)
    },
    close: stop,
  }
}

/** Requests that upload part `n` of a multipart upload. */
export const uploadPart = (n?: number) => (r: { method: string; url: URL }) => r.method === 'PUT' && r.url.searchParams.has('uploadId') && (n === undefined || r.url.searchParams.get('partNumber') === String(n))
export const partAttempts = (seen: SeenRequest[], n: number) => seen.filter((r) => r.method === 'PUT' && r.query.has('uploadId') && r.query.get('partNumber') === String(n)).length
