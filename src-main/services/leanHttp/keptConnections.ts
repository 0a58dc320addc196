import { connect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls'
import { networkError } from './leanTimeouts'

/**
 * Kept-alive connections for the lean requests: the ranged GET (downloads/leanRangedGet.ts)
 * and the PUT (transfers/leanPut.ts)
 *
 * A download is many 8 MiB ranges, an upload of a folder many small PUTs; a new connection
 * per request costs a TCP handshake and, over HTTPS, a TLS handshake with its certificate
 * checks on both sides, which on a busy core is a good part of what the request itself
 * costs. So a connection whose answer was read exactly to its end goes back here, and the
 * next request to the same origin reuses it.
 *
 * A connection carries one request at a time. Its reads go into the buffers and
 * callbacks of whoever holds it (`ConnectionReader`); while idle, any byte or close from the
 * server just drops it. A server may close an idle connection at any moment, so the
 * holder of a reused one retries on a fresh one if it closes before the answer starts.
 */
export interface ConnectionReader {
  /** Where the next bytes go. */
  buffer(): Uint8Array
  /**
   * `n` bytes arrived at the start of `into`: the buffer this reader gave last, except for
   * the first read of a reused connection (asked for while it was idle). False stops
   * reading until `socket.resume()`.
   */
  read(n: number, into: Uint8Array): boolean
  /** Connected (TLS finished, for HTTPS): not called for a reused connection. */
  connected(): void
  closed(): void
  failed(error: Error & { code?: string }): void
  timedOut(): void
}

export interface KeptConnection {
  socket: Socket
  /** It carried an earlier request, so the server may have closed it since. */
  reused: boolean
  /** The answer was read to its end: the connection may carry the next request. */
  keep(): void
  /** Anything else: the connection is closed. */
  drop(): void
}

/** Idle connections per origin: enough for the parallel ranges of a download or two, or the engine's parallel requests. */
const maxIdlePerOrigin = 16
/** An idle connection is closed after this; a transfer's next request comes well within it. */
const idleMs = 4_000

interface Pooled {
  socket: Socket
  origin: string
  reader: ConnectionReader | null
}

const idleByOrigin = new Map<string, Pooled[]>()
/** Bytes a server sends to an idle connection land here; the connection is dropped anyway. */
const idleScratch = Buffer.allocUnsafe(1024)

const originOf = (url: URL) => `${url.protocol}//${url.host}`

function removeIdle(pooled: Pooled) {
  const list = idleByOrigin.get(pooled.origin)
  const at = list?.indexOf(pooled) ?? -1
  if (at >= 0) list!.splice(at, 1)
  if (list?.length === 0) idleByOrigin.delete(pooled.origin)
}

function retire(pooled: Pooled) {
  pooled.reader = null
  removeIdle(pooled)
  pooled.socket.destroy()
}

function open(url: URL, reader: ConnectionReader): Pooled {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  // The socket asks for its first buffer as it is made: the reader is known before.
  const state: { reader: ConnectionReader | null } = { reader }
  let handedOut: Uint8Array = idleScratch
  const onread = {
    buffer: () => (handedOut = state.reader?.buffer() ?? idleScratch),
    callback: (n: number) => {
      if (state.reader) return state.reader.read(n, handedOut)
      retire(pooled)
      return false
    },
  }
  // TLS as the SDK's own HTTPS requests do it: the system's CAs, the host's name checked.
  const socket: Socket =
    url.protocol === 'https:'
      ? // tls.connect documents onread (decrypted bytes into our buffers); @types/node lacks it.
        tlsConnect({ host, port: Number(url.port || 443), ...(isIP(host) ? {} : { servername: host }), ALPNProtocols: ['http/1.1'], onread } as ConnectionOptions)
      : connect({ host, port: Number(url.port || 80), noDelay: true, onread })
  const pooled: Pooled = Object.assign(state, { socket, origin: originOf(url) })
  socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => pooled.reader?.connected())
  socket.on('timeout', () => (pooled.reader ? pooled.reader.timedOut() : retire(pooled)))
  socket.on('error', (error: Error) => (pooled.reader ? pooled.reader.failed(error) : retire(pooled)))
  const closed = () => (pooled.reader ? pooled.reader.closed() : retire(pooled))
  socket.on('end', closed)
  socket.on('close', closed)
  return pooled
}

/** A connection to the URL's origin, reused if one is idle, reading for `reader`. */
export function takeConnection(url: URL, reader: ConnectionReader, options: { fresh?: boolean } = {}): KeptConnection {
  const idle = options.fresh ? undefined : idleByOrigin.get(originOf(url))?.pop()
  const pooled = idle ?? open(url, reader)
  if (idle) {
    removeIdle(idle)
    idle.socket.ref()
  }
  pooled.reader = reader
  let settled = false
  return {
    socket: pooled.socket,
    reused: idle !== undefined,
    keep() {
      if (settled) return
      settled = true
      const list = idleByOrigin.get(pooled.origin) ?? []
      if (pooled.socket.destroyed || list.length >= maxIdlePerOrigin) return retire(pooled)
      pooled.reader = null
      list.push(pooled)
      idleByOrigin.set(pooled.origin, list)
      // Idle, it keeps neither the process alive nor the server's slot for long.
      pooled.socket.setTimeout(idleMs)
      pooled.socket.unref()
    },
    drop() {
      if (settled) return
      settled = true
      retire(pooled)
    },
  }
}

/** Closes every idle connection (a test's clean slate; a closing app need not wait for their timeout). */
export function closeIdleConnections(): void {
  for (const list of [...idleByOrigin.values()]) for (const pooled of [...list]) retire(pooled)
}

/**
 * One lean request on a kept connection, and once more on a fresh one if that connection
 * was stale: the server had closed it while idle, before any byte of the answer.
 */
export async function onFreshIfStale<T>(attempt: (fresh: boolean) => Promise<T | 'stale'>): Promise<T> {
  const first = await attempt(false)
  if (first !== 'stale') return first
  const again = await attempt(true)
  if (again === 'stale') throw networkError('ECONNRESET', 'The connection closed before the answer began')
  return again
}

/** A TLS failure the SDK would refuse too: the lean request falls back, so the SDK's says it in the app's words. */
export function isCertificateFault(code: string | undefined): boolean {
  return /CERT|SSL|TLS|SELF_SIGNED|HOSTNAME/.test(code ?? '')
}
