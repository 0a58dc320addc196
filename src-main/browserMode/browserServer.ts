import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eventNames } from '../contract/bridge'
import type { Backend } from '../composition/backend'
import { contentSecurityPolicy } from '../services/security/contentSecurityPolicy'
import { checkRequest, isJsonContentType } from './requestGuard'
import { createSessionBook } from './sessions'
import { signInPage } from './signInPage'
import { loadRendererFile } from './staticFiles'
import { resolveRendererPath } from '../services/security/rendererPath'

export interface BrowserServerOptions {
  backend: Backend
  rendererDir: string
  /**
   * The host name to answer to and print. serve.ts always gives one of its own,
   * `cubeta-<random>.localhost`; tests that speak raw HTTP may leave 127.0.0.1.
   */
  host?: string
  /** The first sign-in token (random when left out). */
  token?: string
  /** 0 picks a free port. */
  port: number
  /** Lets `--new-token` ask for a new link (see browserModeFile). */
  controlKey?: string
  /** How long a printed link works, once. */
  tokenLifetimeMs?: number
}

export interface BrowserServer {
  /** The first sign-in link. */
  url: string
  origin: string
  port: number
  /** A new single-use sign-in link. */
  newSignInUrl(): string
  close(): Promise<void>
}

const maxBodyBytes = 1024 * 1024
const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

/**
 * Browser mode: the same router as Electron IPC, over HTTP on 127.0.0.1
 *
 * Routes: POST /api/call/<name> (JSON in, BridgeResult out), GET /api/events
 * (server-sent events), and the built renderer. Every request passes `checkRequest`
 * first; WebSocket upgrades are refused outright, since nothing here speaks them.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  let port = options.port
  const host = options.host ?? '127.0.0.1'
  const sessions = createSessionBook({ ...(options.token ? { firstToken: options.token } : {}), ...(options.tokenLifetimeMs ? { lifetimeMs: options.tokenLifetimeMs } : {}) })
  const firstToken = options.token ?? sessions.issueToken()
  const origin = () => `http://${host}:${port}`
  const signInUrl = (token: string) => `${origin()}/?token=${token}`
  const streams = new Set<ServerResponse>()
  const unsubscribe = options.backend.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Cubeta could not answer this request.')
      else response.end()
    })
  })
  server.on('upgrade', (_request, socket) => {
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
  })

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const decision = checkRequest(
      { method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, rawHeaders: request.rawHeaders },
      { port, host, sessions, ...(options.controlKey ? { controlKey: options.controlKey } : {}) },
    )
    if (decision.kind === 'refuse') {
      request.resume()
      if (decision.page && opensPage(request)) return send(response, decision.status, 'text/html; charset=utf-8', signInPage(decision.page, header(request, 'accept-language')))
      return send(response, decision.status, 'text/plain; charset=utf-8', decision.reason)
    }
    if (decision.kind === 'link-spent') {
      request.resume()
      return send(response, 401, 'text/html; charset=utf-8', signInPage(decision.reason, header(request, 'accept-language')))
    }
    if (decision.kind === 'sign-in') {
      response.writeHead(303, { ...securityHeaders, location: decision.location, ...(decision.cookie ? { 'set-cookie': decision.cookie } : {}), 'cache-control': 'no-store' })
      return response.end()
    }
    if (decision.kind === 'control') {
      request.resume()
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ url: signInUrl(sessions.issueToken()) }))
    }
    const path = pathOf(request.url ?? '/')

    if (path.startsWith('/api/call/')) return handleCall(request, response, path.slice('/api/call/'.length))
    if (path.startsWith('/api/upload/')) return handleUpload(request, response, path.slice('/api/upload/'.length))
    if (path.startsWith('/api/download/') && request.method === 'GET') return handleDownload(response, path.slice('/api/download/'.length))
    if (path.startsWith('/api/zip/') && request.method === 'GET') return handleZip(response, path.slice('/api/zip/'.length))
    if (path === '/api/events' && request.method === 'GET') return openEventStream(response)
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.')

    const file = resolveRendererPath(options.rendererDir, path)
    const loaded = file ? await loadRendererFile(file) : null
    if (!loaded) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.')
    return send(response, 200, loaded.type, loaded.body, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store')
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, name: string) {
    // A custom header can't be sent cross-site without a CORS preflight, which we never grant.
    if (request.method !== 'POST' || request.headers['x-cubeta-bridge'] !== '1' || !isJsonContentType(request.headers['content-type'])) {
      request.resume()
      return send(response, 403, 'text/plain; charset=utf-8', 'Bridge calls are POSTed as JSON by the Cubeta page.')
    }
    const callName = decodePathPart(name)
    if (callName === null) {
      request.resume()
      return send(response, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'unknown-call', message: 'Cubeta does not know that request.', hint: 'The window and the app are out of step: reload the page.' } }))
    }
    const body = await readBody(request)
    let input: unknown
    try {
      input = body === null ? undefined : JSON.parse(body)
    } catch {
      input = undefined
    }
    const result =
      body === null
        ? { ok: false, error: { code: 'request-too-large', message: 'That request is too large.', hint: 'Send less data at once.' } }
        : input === undefined
          ? { ok: false, error: { code: 'invalid-input', message: 'The request was not valid JSON.', hint: 'Reload the page and try again.' } }
          : await options.backend.router.dispatch(callName, input)
    return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result))
  }

  /**
   * A file's bytes from the page, streamed into the transfer engine as they arrive, so a
   * 5 GB file never sits in memory. The engine asked for them (transfers/needBytes).
   */
  async function handleUpload(request: IncomingMessage, response: ServerResponse, transferId: string) {
    if (request.method !== 'PUT' || request.headers['x-cubeta-bridge'] !== '1') {
      request.resume()
      return send(response, 403, 'text/plain; charset=utf-8', 'Uploads are PUT by the Cubeta page.')
    }
    const id = decodePathPart(transferId)
    if (id === null || !options.backend.transfers.provideBytes(id, request)) {
      request.resume()
      return send(response, 409, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: { code: 'not-expected', message: 'The upload queue is not waiting for this file.', hint: 'Retry it from the transfer panel.' } }))
    }
    const transfer = await options.backend.transfers.settled(id)
    return send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ ok: true, value: { status: transfer?.status ?? 'unknown' } }))
  }

  /** A one-time link from objects/downloadLink: the object's bytes, streamed, as an attachment. */
  async function handleDownload(response: ServerResponse, token: string) {
    const opened = await options.backend.openDownload(token).catch(() => null)
    if (!opened) return send(response, 404, 'text/plain; charset=utf-8', 'This download link has expired. Click Download again.')
    response.writeHead(200, {
      ...securityHeaders,
      // Never the object's own type: an HTML or SVG object must not render on our origin,
      // where the session cookie lives. The file name keeps its extension.
      'content-type': 'application/octet-stream',
      ...(opened.length !== null ? { 'content-length': String(opened.length) } : {}),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(opened.fileName)}`,
      'cache-control': 'no-store',
    })
    opened.body.on('error', () => response.destroy())
    opened.body.pipe(response)
  }

  /** A one-time link from sync/zipLink: a bucket folder as one .zip, streamed as it is read. */
  function handleZip(response: ServerResponse, token: string) {
    const id = decodePathPart(token)
    const opened = id === null ? null : options.backend.openZip(id)
    if (!opened) return send(response, 404, 'text/plain; charset=utf-8', 'This download link has expired. Click “Download as .zip” again.')
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(opened.fileName)}`,
      'cache-control': 'no-store',
    })
    opened.body.on('error', () => response.destroy())
    opened.body.pipe(response)
  }

  function openEventStream(response: ServerResponse) {
    response.writeHead(200, { ...securityHeaders, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    response.write(`: connected; events: ${eventNames.join(', ')}\n\n`)
    streams.add(response)
    response.on('close', () => streams.delete(response))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port

  return {
    port,
    origin: origin(),
    url: signInUrl(firstToken),
    newSignInUrl: () => signInUrl(sessions.issueToken()),
    async close() {
      unsubscribe()
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The path of a request target; "//evil.example/" stays a path, never a host. */
function pathOf(target: string): string {
  return new URL(`http://cubeta${target.startsWith('/') ? '' : '/'}${target.split('?')[0]}`).pathname
}

/** A browser loading a page (typing the address, a bookmark), not the page's own bridge calls. */
function opensPage(request: IncomingMessage): boolean {
  if (request.method !== 'GET' || pathOf(request.url ?? '/').startsWith('/api/')) return false
  const dest = header(request, 'sec-fetch-dest')
  return dest !== undefined ? dest === 'document' : (header(request, 'accept') ?? '').includes('text/html')
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** A percent-decoded path segment, or null for a malformed escape ("%E0%A4%A"), which a page never sends. */
function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store') {
  response.writeHead(status, { ...securityHeaders, 'content-type': type, 'cache-control': cache })
  response.end(body)
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) tooLarge = true
      else chunks.push(chunk)
    })
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}
