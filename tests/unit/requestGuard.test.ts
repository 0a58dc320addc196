import { describe, expect, it } from 'vitest'
import { checkRequest, sessionCookieName } from '../../src-main/browserMode/requestGuard'

const config = { port: 4321, token: 'tok-secret' }
const cookie = `${sessionCookieName(4321)}=tok-secret`
const check = (url: string, headers: Record<string, string>, method = 'GET') => checkRequest({ method, url, headers }, config)

describe('browser-mode request guard', () => {
  it('accepts our own loopback hosts with a session cookie', () => {
    expect(check('/', { host: '127.0.0.1:4321', cookie })).toEqual({ kind: 'allow' })
    expect(check('/', { host: 'localhost:4321', cookie: `other=1; ${cookie}` })).toEqual({ kind: 'allow' })
  })

  it('refuses foreign or rebinding hosts, even with the right token', () => {
    for (const host of ['evil.example:4321', '127.0.0.1:9999', '127.0.0.1', '0.0.0.0:4321', '[::1]:4321']) {
      expect(check('/?token=tok-secret', { host })).toMatchObject({ kind: 'refuse', status: 421 })
    }
    expect(check('/', { cookie })).toMatchObject({ kind: 'refuse', status: 421 })
  })

  it('refuses foreign origins and cross-site fetch metadata', () => {
    expect(check('/', { host: '127.0.0.1:4321', cookie, origin: 'http://evil.example' })).toMatchObject({ status: 403 })
    expect(check('/', { host: '127.0.0.1:4321', cookie, origin: 'null' })).toMatchObject({ status: 403 })
    expect(check('/', { host: '127.0.0.1:4321', cookie, 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403 })
    expect(check('/', { host: '127.0.0.1:4321', cookie, origin: 'http://localhost:4321' })).toEqual({ kind: 'allow' })
  })

  it('lets only our own page and the user\'s own navigation through Sec-Fetch-Site', () => {
    const own = { host: '127.0.0.1:4321', cookie }
    expect(check('/', { ...own, 'sec-fetch-site': 'same-origin' })).toEqual({ kind: 'allow' })
    expect(check('/', { ...own, 'sec-fetch-site': 'none' })).toEqual({ kind: 'allow' })
    // Another port of this machine is the same site: its <img> and <script> carry our cookie, without an Origin.
    expect(check('/api/download/x', { ...own, 'sec-fetch-site': 'same-site' })).toMatchObject({ kind: 'refuse', status: 403 })
    expect(check('/', { ...own, 'sec-fetch-site': 'something-new' })).toMatchObject({ kind: 'refuse', status: 403 })
    expect(check(`/?token=tok-secret`, { host: '127.0.0.1:4321', 'sec-fetch-site': 'same-site' })).toMatchObject({ kind: 'refuse', status: 403 })
  })

  it('trades a right token for the cookie and strips it from the URL', () => {
    const decision = check('/app?x=1&token=tok-secret', { host: '127.0.0.1:4321' })
    expect(decision).toEqual({
      kind: 'sign-in',
      location: '/app?x=1',
      cookie: `${sessionCookieName(4321)}=tok-secret; HttpOnly; SameSite=Strict; Path=/`,
    })
  })

  it('refuses wrong, partial or missing tokens', () => {
    expect(check('/?token=tok-secre', { host: '127.0.0.1:4321' })).toMatchObject({ status: 401 })
    expect(check('/?token=', { host: '127.0.0.1:4321' })).toMatchObject({ status: 401 })
    expect(check('/', { host: '127.0.0.1:4321' })).toMatchObject({ status: 401 })
    expect(check('/', { host: '127.0.0.1:4321', cookie: `${sessionCookieName(4321)}=tok-secretX` })).toMatchObject({ status: 401 })
    // A cookie set for another instance on another port is not ours.
    expect(check('/', { host: '127.0.0.1:4321', cookie: `${sessionCookieName(4322)}=tok-secret` })).toMatchObject({ status: 401 })
  })

  it('does not sign in through a POST', () => {
    expect(check('/?token=tok-secret', { host: '127.0.0.1:4321' }, 'POST')).toMatchObject({ kind: 'refuse', status: 403 })
  })
})
