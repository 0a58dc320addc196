import { describe, expect, it } from 'vitest'
import { checkRequest, controlPath, isJsonContentType, sessionCookieName } from '../../src-main/browserMode/requestGuard'
import { createSessionBook } from '../../src-main/browserMode/sessions'

const host = 'cubeta-0a1b2c3d4e.localhost:4321'
function guard(options: { now?: () => number } = {}) {
  const sessions = createSessionBook({ firstToken: 'tok-secret', ...options })
  const config = { port: 4321, host: 'cubeta-0a1b2c3d4e.localhost', sessions, controlKey: 'control-key' }
  const check = (url: string, headers: Record<string, string>, method = 'GET', rawHeaders?: string[]) => checkRequest({ method, url, headers, ...(rawHeaders ? { rawHeaders } : {}) }, config)
  /** Signs in with the first token and returns the session cookie, as a browser keeps it. */
  const signIn = () => {
    const decision = check('/?token=tok-secret', { host })
    if (decision.kind !== 'sign-in') throw new Error(`no sign-in: ${JSON.stringify(decision)}`)
    return decision.cookie.split(';')[0]!
  }
  return { check, signIn, sessions }
}

describe('browser-mode request guard', () => {
  it('accepts only its own host name and port, with a session cookie', () => {
    const { check, signIn } = guard()
    const cookie = signIn()
    expect(check('/', { host, cookie })).toEqual({ kind: 'allow' })
    expect(check('/', { host: host.toUpperCase(), cookie: `other=1; ${cookie}` })).toEqual({ kind: 'allow' })
    // The cookie of another local server's origin is never this server's own.
    for (const other of ['127.0.0.1:4321', 'localhost:4321', 'other.localhost:4321', 'cubeta-0a1b2c3d4e.localhost:9999']) {
      expect(check('/', { host: other, cookie })).toMatchObject({ kind: 'refuse', status: 421 })
    }
  })

  it('refuses foreign or rebinding hosts, even with the right token, and two Host headers', () => {
    const { check } = guard()
    for (const bad of ['evil.example:4321', '127.0.0.1', '0.0.0.0:4321', '[::1]:4321', 'cubeta-0a1b2c3d4e.localhost.evil.example:4321']) {
      expect(check('/?token=tok-secret', { host: bad })).toMatchObject({ kind: 'refuse', status: 421 })
    }
    expect(check('/?token=tok-secret', {})).toMatchObject({ kind: 'refuse', status: 421 })
    expect(check('/?token=tok-secret', { host }, 'GET', ['Host', host, 'Host', 'evil.example'])).toMatchObject({ kind: 'refuse', status: 400 })
    expect(check('/?token=tok-secret', { host }, 'GET', ['host', host, 'Accept', '*/*', 'HOST', host])).toMatchObject({ kind: 'refuse', status: 400 })
  })

  it('refuses foreign origins and cross-site fetch metadata', () => {
    const { check, signIn } = guard()
    const cookie = signIn()
    expect(check('/', { host, cookie, origin: 'http://evil.example' })).toMatchObject({ status: 403 })
    expect(check('/', { host, cookie, origin: 'null' })).toMatchObject({ status: 403 })
    expect(check('/', { host, cookie, origin: 'http://127.0.0.1:4321' })).toMatchObject({ status: 403 })
    expect(check('/', { host, cookie, 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403 })
    expect(check('/', { host, cookie, 'sec-fetch-site': 'same-site' })).toMatchObject({ status: 403 })
    expect(check('/', { host, cookie, 'sec-fetch-site': 'something-new' })).toMatchObject({ status: 403 })
    expect(check('/', { host, cookie, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).toEqual({ kind: 'allow' })
    expect(check('/', { host, cookie, 'sec-fetch-site': 'none' })).toEqual({ kind: 'allow' })
  })

  it('trades the token, once, for a fresh random session id, and always redirects to its own root', () => {
    const { check } = guard()
    const decision = check('/.//evil.example/?x=1&token=tok-secret', { host })
    expect(decision).toMatchObject({ kind: 'sign-in', location: '/' })
    const cookie = decision.kind === 'sign-in' ? decision.cookie : ''
    expect(cookie).toMatch(new RegExp(`^${sessionCookieName(4321)}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`))
    expect(cookie).not.toContain('tok-secret')
    // Used: a browser without the session gets the page that says how to get a new link.
    expect(check('/?token=tok-secret', { host })).toEqual({ kind: 'link-spent', reason: 'used' })
    // The browser that used it is simply taken in again.
    expect(check('/?token=tok-secret', { host, cookie: cookie.split(';')[0]! })).toEqual({ kind: 'sign-in', location: '/', cookie: '' })
    // And the token itself was never a session.
    expect(check('/', { host, cookie: `${sessionCookieName(4321)}=tok-secret` })).toMatchObject({ kind: 'refuse', status: 401 })
  })

  it('lets a link work only for a few minutes', () => {
    let now = 0
    const { check } = guard({ now: () => now })
    now = 5 * 60_000 + 1
    expect(check('/?token=tok-secret', { host })).toEqual({ kind: 'link-spent', reason: 'expired' })
  })

  it('refuses wrong, partial or missing tokens and sessions', () => {
    const { check } = guard()
    expect(check('/?token=tok-secre', { host })).toMatchObject({ status: 401 })
    expect(check('/?token=', { host })).toMatchObject({ status: 401 })
    expect(check('/', { host })).toMatchObject({ status: 401 })
    expect(check('/', { host, cookie: `${sessionCookieName(4321)}=tok-secretX` })).toMatchObject({ status: 401 })
  })

  it('does not sign in through a POST', () => {
    expect(guard().check('/?token=tok-secret', { host }, 'POST')).toMatchObject({ kind: 'refuse', status: 403 })
  })

  it('gives new links only to the holder of the control key, never to a page', () => {
    const { check } = guard()
    expect(check(controlPath, { host, 'x-cubeta-control': 'control-key' }, 'POST')).toEqual({ kind: 'control' })
    expect(check(controlPath, { host, 'x-cubeta-control': 'control-kez' }, 'POST')).toMatchObject({ status: 403 })
    expect(check(controlPath, { host }, 'POST')).toMatchObject({ status: 403 })
    expect(check(controlPath, { host, 'x-cubeta-control': 'control-key' }, 'GET')).toMatchObject({ status: 403 })
    expect(check(controlPath, { host, 'x-cubeta-control': 'control-key', origin: `http://${host}` }, 'POST')).toMatchObject({ status: 403 })
  })
})

describe('the JSON Content-Type of bridge calls', () => {
  it('is application/json, with or without parameters, and nothing that only starts like it', () => {
    for (const ok of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', ' application/json ']) expect(isJsonContentType(ok)).toBe(true)
    for (const bad of ['application/jsonp', 'application/json-seq', 'application/json5', 'application/json+evil', 'text/plain', 'application/x-www-form-urlencoded', '', undefined]) {
      expect(isJsonContentType(bad)).toBe(false)
    }
  })
})
