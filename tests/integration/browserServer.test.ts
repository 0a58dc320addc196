import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../src-main/browserMode/browserServer'
import { makeBackend } from '../support/backendHarness'
import { useMoto, type Moto } from '../support/moto'

/** Raw HTTP, so tests control Host and Origin exactly as an attacker's page or tool would. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

let moto: Moto
let server: BrowserServer
let host: string
let cookie: string
const token = 'test-token-0123456789abcdef'

beforeAll(async () => {
  moto = await useMoto()
  const rendererDir = await mkdtemp(join(tmpdir(), 'cubeta-renderer-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Cubeta</title>')
  await mkdir(join(rendererDir, 'assets'))
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(rendererDir, '..', 'outside-secret.txt'), 'outside')
  const { backend } = await makeBackend(moto.endpoint)
  server = await startBrowserServer({ backend, rendererDir, token, port: 0 })
  host = `127.0.0.1:${server.port}`
  const signIn = await raw(server.port, `/?token=${token}`, { host })
  cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? ''
})
afterAll(async () => {
  await server.close()
  await moto.stop()
})

describe('browser mode guards', () => {
  it('prints a tokened URL on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`)
  })

  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    // The printed token was spent in beforeAll: each link signs in once.
    const link = new URL(server.newSignInUrl())
    const signIn = await raw(server.port, `${link.pathname}${link.search}`, { host })
    expect(signIn.status).toBe(303)
    expect(signIn.headers.location).toBe('/')
    expect(String(signIn.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('refuses a missing or wrong token', async () => {
    expect((await raw(server.port, '/', { host })).status).toBe(401)
    expect((await raw(server.port, '/?token=wrong', { host })).status).toBe(401)
    expect((await raw(server.port, '/', { host, cookie: `cubeta_session_${server.port}=wrong` })).status).toBe(401)
  })

  it('shows a browser that is not signed in what to do, in its language, and the bridge only the reason', async () => {
    const page = await raw(server.port, '/', { host, 'sec-fetch-dest': 'document', 'accept-language': 'es-419,es;q=0.9' })
    expect(page.status).toBe(401)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('<h1>Abre Cubeta con su enlace de acceso</h1>')
    const typo = await raw(server.port, '/?token=wrong', { host, accept: 'text/html' })
    expect(typo.body).toContain('<h1>This sign-in link is not right</h1>')
    const call = await raw(server.port, '/api/call/profiles/list', { host, accept: 'text/html' }, 'POST', '{}')
    expect(call.status).toBe(401)
    expect(call.headers['content-type']).toMatch(/^text\/plain/)
    expect(call.body).not.toContain('<')
  })

  it('serves the renderer with a strict CSP once signed in', async () => {
    const page = await raw(server.port, '/', { host, cookie })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Cubeta</title>')
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/)
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(page.headers['x-frame-options']).toBe('DENY')
  })

  it('refuses a DNS-rebinding Host, even with a valid session', async () => {
    const response = await raw(server.port, '/', { host: `evil.example:${server.port}`, cookie })
    expect(response.status).toBe(421)
  })

  it('refuses a foreign Origin and cross-site fetches', async () => {
    const call = (headers: Record<string, string>) =>
      raw(server.port, '/api/call/app/info', { host, cookie, 'content-type': 'application/json', 'x-cubeta-bridge': '1', ...headers }, 'POST', '{}')
    expect((await call({ origin: 'https://evil.example' })).status).toBe(403)
    expect((await call({ origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403)
    expect((await call({ 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    const own = await call({ origin: `http://127.0.0.1:${server.port}` })
    expect(own.status).toBe(200)
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: { shell: 'browser' } })
  })

  it('needs the bridge header and JSON on calls (a plain HTML form cannot send them)', async () => {
    const form = await raw(server.port, '/api/call/profiles/list', { host, cookie, 'content-type': 'application/x-www-form-urlencoded' }, 'POST', 'a=1')
    expect(form.status).toBe(403)
  })

  it('answers bad input with a validation error, not a crash', async () => {
    const call = (name: string, body: string) =>
      raw(server.port, `/api/call/${name}`, { host, cookie, 'content-type': 'application/json', 'x-cubeta-bridge': '1' }, 'POST', body)
    expect(JSON.parse((await call('profiles/add', '{"name": 5}')).body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(JSON.parse((await call('profiles/add', '{not json')).body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(JSON.parse((await call('no/such', '{}')).body)).toMatchObject({ ok: false, error: { code: 'unknown-call' } })
    const big = await call('profiles/list', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }))
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'request-too-large' } })
  })

  it('does not serve files outside the renderer folder', async () => {
    for (const path of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt']) {
      const response = await raw(server.port, path, { host, cookie })
      expect(response.status).toBe(404)
      expect(response.body).not.toContain('outside')
    }
  })

  it('refuses WebSocket upgrades', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`GET /api/events HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: https://evil.example\r\n\r\n`)
      })
      let text = ''
      socket.on('data', (c) => (text += c))
      socket.on('close', () => resolve(text))
    })
    expect(reply).toMatch(/^HTTP\/1.1 403/)
  })
})

/** The guards hold on every route that carries data, not only on bridge calls; and only loopback listens. */
describe('browser mode guards on the other routes', () => {
  const routes = [
    ['the event stream', 'GET', '/api/events'],
    ['an upload', 'PUT', '/api/upload/some-transfer'],
    ['a download link', 'GET', '/api/download/some-token'],
    ['a bridge call', 'POST', '/api/call/profiles/list'],
    ['the page', 'GET', '/'],
  ] as const
  const bridgeHeaders = { 'content-type': 'application/json', 'x-cubeta-bridge': '1' }

  it.each(routes)('refuses %s without the session, from another site, port or host', async (_label, method, path) => {
    const send = (headers: Record<string, string>) => raw(server.port, path, { ...bridgeHeaders, ...headers }, method, method === 'GET' ? undefined : '{}')
    expect((await send({ host })).status).toBe(401)
    expect((await send({ host, cookie: `cubeta_session_${server.port}=wrong` })).status).toBe(401)
    expect((await send({ host, cookie, origin: 'https://evil.example' })).status).toBe(403)
    expect((await send({ host, cookie, origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403)
    expect((await send({ host, cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await send({ host, cookie, 'sec-fetch-site': 'same-site' })).status).toBe(403)
    expect((await send({ host: `evil.example:${server.port}`, cookie })).status).toBe(421)
    expect((await send({ host: `127.0.0.1.nip.io:${server.port}`, cookie })).status).toBe(421)
  })

  it('never grants CORS: a preflight from another origin gets no Access-Control-Allow-Origin', async () => {
    const preflight = await raw(server.port, '/api/call/profiles/list', {
      host,
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-cubeta-bridge',
    }, 'OPTIONS')
    expect(preflight.status).toBe(403)
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    const own = await raw(server.port, '/api/call/app/info', { host, cookie, ...bridgeHeaders }, 'POST', '{}')
    expect(own.status).toBe(200)
    expect(own.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a WebSocket upgrade even from its own page with a valid session', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`GET /api/events HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\nOrigin: http://${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)
      })
      let text = ''
      socket.on('data', (c) => (text += c))
      socket.on('close', () => resolve(text))
    })
    expect(reply).toMatch(/^HTTP\/1.1 403/)
    expect(reply).not.toMatch(/101 Switching Protocols/i)
  })

  it('listens on 127.0.0.1 only: not on other loopback addresses, IPv6 or the network', async () => {
    const reachable = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: server.port })
        socket.once('connect', () => {
          socket.destroy()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      })
    expect(await reachable('127.0.0.1')).toBe(true)
    // Linux routes all of 127/8 to loopback: a server bound to 0.0.0.0 would answer here too.
    const others = ['127.0.0.2', '::1', ...Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal).map((i) => i!.address)]
    for (const address of others) expect(await reachable(address), address).toBe(false)
  })
})
