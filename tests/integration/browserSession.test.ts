import { mkdtemp, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServer } from '../../src-main/browserMode/browserServer'
import { makeBackend } from '../support/backendHarness'
import { useMoto, type Moto } from '../support/moto'

/**
 * Browser mode's session, as an attacker with raw sockets would try it: the printed
 * token works once, the session is a value of its own, the redirect never leaves the
 * server, and malformed requests are refused. (tests/e2e/sessionIsolation.spec.ts tries
 * the same from Chromium, with another local server listening.)
 */
function rawRequest(port: number, lines: string[], body = ''): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (c: string) => (text += c))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n')
      const raw = rest.join('\r\n\r\n')
      resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), head, body: /^transfer-encoding: chunked/im.test(head) ? dechunk(raw) : raw })
    })
  })
}
function dechunk(text: string): string {
  let out = ''
  for (let rest = text; ; ) {
    const end = rest.indexOf('\r\n')
    const size = Number.parseInt(rest.slice(0, end), 16)
    if (!size) return out
    out += rest.slice(end + 2, end + 2 + size)
    rest = rest.slice(end + 4 + size)
  }
}
const headerOf = (head: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? null

let moto: Moto
let server: BrowserServer
let hostHeader: string
const cubetaHost = 'cubeta-0123456789.localhost'

beforeAll(async () => {
  moto = await useMoto()
  const rendererDir = await mkdtemp(join(tmpdir(), 'cubeta-renderer-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Cubeta</title>')
  const { backend } = await makeBackend(moto.endpoint)
  server = await startBrowserServer({ backend, rendererDir, host: cubetaHost, port: 0 })
  hostHeader = `${cubetaHost}:${server.port}`
})
afterAll(async () => {
  await server.close()
  await moto.stop()
})

const get = (target: string, extra: string[] = []) => rawRequest(server.port, [`GET ${target} HTTP/1.1`, `Host: ${hostHeader}`, ...extra])
const tokenPath = (url: string) => {
  const u = new URL(url)
  return `${u.pathname}${u.search}`
}
const signIn = async () => {
  const answer = await get(tokenPath(server.newSignInUrl()))
  expect(answer.status).toBe(303)
  return headerOf(answer.head, 'set-cookie')!.split(';')[0]!
}

describe('the browser-mode session', () => {
  it('prints a link on a host of its own, never 127.0.0.1', () => {
    expect(server.url).toMatch(new RegExp(`^http://${cubetaHost}:${server.port}/\\?token=[\\w-]{43}$`))
    expect(server.origin).toBe(`http://${cubetaHost}:${server.port}`)
  })

  it('makes the session a fresh random value: the token is not a cookie, and a replayed token opens nothing', async () => {
    const link = tokenPath(server.url)
    const token = new URL(server.url).searchParams.get('token')!
    const first = await get(link)
    expect(first.status).toBe(303)
    const cookie = headerOf(first.head, 'set-cookie')!.split(';')[0]!
    expect(cookie).not.toContain(token)
    expect((await get('/', [`Cookie: ${cookie}`])).status).toBe(200)
    // curl with the token, after the user's browser used it:
    const replay = await get(link)
    expect(replay.status).toBe(401)
    expect(replay.body).toContain('already used')
    expect(replay.body).toContain('npm run new-token')
    // and with the token as if it were the cookie:
    expect((await get('/', [`Cookie: cubeta_session_${server.port}=${token}`])).status).toBe(401)
  })

  it('redirects a sign-in only to its own root, whatever the path', async () => {
    for (const path of ['/.//evil.example/', '//evil.example/', '/\\evil.example/', '/%2F%2Fevil.example/', '/https://evil.example/']) {
      const token = new URL(server.newSignInUrl()).searchParams.get('token')!
      const answer = await get(`${path}?token=${token}`)
      expect(answer.status).toBe(303)
      expect(headerOf(answer.head, 'location')).toBe('/')
    }
  })

  it('refuses two Host headers, and the 127.0.0.1 and localhost names', async () => {
    const cookie = await signIn()
    const twice = await rawRequest(server.port, ['GET / HTTP/1.1', `Host: ${hostHeader}`, `Host: evil.example`, `Cookie: ${cookie}`])
    expect(twice.status).toBe(400)
    const swapped = await rawRequest(server.port, ['GET / HTTP/1.1', 'Host: evil.example', `Host: ${hostHeader}`, `Cookie: ${cookie}`])
    expect(swapped.status).toBe(400)
    for (const name of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      expect((await rawRequest(server.port, ['GET / HTTP/1.1', `Host: ${name}`, `Cookie: ${cookie}`])).status).toBe(421)
    }
  })

  it('refuses a bridge call whose Content-Type only starts with application/json', async () => {
    const cookie = await signIn()
    const call = (type: string) =>
      rawRequest(server.port, ['POST /api/call/app/info HTTP/1.1', `Host: ${hostHeader}`, `Cookie: ${cookie}`, 'X-Cubeta-Bridge: 1', `Content-Type: ${type}`], '{}')
    for (const type of ['application/jsonp', 'application/json-seq', 'application/json5', 'application/json+x']) expect((await call(type)).status).toBe(403)
    const good = await call('application/json; charset=utf-8')
    expect(good.status).toBe(200)
    expect(JSON.parse(good.body)).toMatchObject({ ok: true })
  })

  it('gives a new link to the control key only', async () => {
    const ask = (key: string | null) => rawRequest(server.port, ['POST /api/control/new-token HTTP/1.1', `Host: ${hostHeader}`, ...(key ? [`X-Cubeta-Control: ${key}`] : [])])
    expect((await ask(null)).status).toBe(403)
    expect((await ask('guess')).status).toBe(403)
  })
})
