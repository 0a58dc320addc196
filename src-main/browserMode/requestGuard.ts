import { timingSafeEqual } from 'node:crypto'

/**
 * Who may talk to the browser-mode server
 *
 * The server holds live cloud credentials, so every request must prove three things:
 * - Host is our own loopback name and port (a DNS-rebinding page sends its own host);
 * - Origin, when the browser sends one, is our own origin, and so is Sec-Fetch-Site
 *   (no calls from other sites, nor from other ports of this machine);
 * - it carries the session: the random token from the printed URL, once, which is then
 *   traded for an HttpOnly, SameSite=Strict cookie.
 * Pure, so every rule is unit-tested without sockets.
 */
export interface GuardInput {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
}

export type GuardDecision =
  | { kind: 'allow' }
  | { kind: 'sign-in'; location: string; cookie: string }
  | { kind: 'refuse'; status: 401 | 403 | 421; reason: string }

export interface GuardConfig {
  port: number
  token: string
}

export const sessionCookieName = (port: number) => `cubeta_session_${port}`

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

export function checkRequest(input: GuardInput, config: GuardConfig): GuardDecision {
  const host = header(input.headers, 'host')
  if (!host || !allowedOrigins(config.port).includes(`http://${host.toLowerCase()}`)) {
    return { kind: 'refuse', status: 421, reason: 'This server answers only to its own loopback address.' }
  }
  const origin = header(input.headers, 'origin')
  if (origin !== undefined && !allowedOrigins(config.port).includes(origin.toLowerCase())) {
    return { kind: 'refuse', status: 403, reason: 'Requests from other sites are refused.' }
  }
  // Fetch metadata: only our own page ("same-origin") and the user's own navigation
  // ("none") may ask. "same-site" is another origin too: another port on 127.0.0.1 is the
  // same site, and its <img>/<script> requests carry our SameSite=Strict cookie with no Origin.
  const fetchSite = header(input.headers, 'sec-fetch-site')
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { kind: 'refuse', status: 403, reason: 'Requests from other sites are refused.' }
  }

  const url = new URL(input.url, `http://${host}`)
  const offered = url.searchParams.get('token')
  if (offered !== null) {
    if (!sameSecret(offered, config.token)) return { kind: 'refuse', status: 401, reason: 'That link has a wrong token.' }
    if (input.method !== 'GET') return { kind: 'refuse', status: 403, reason: 'Sign in by opening the printed link.' }
    url.searchParams.delete('token')
    return {
      kind: 'sign-in',
      location: `${url.pathname}${url.search}`,
      cookie: `${sessionCookieName(config.port)}=${config.token}; HttpOnly; SameSite=Strict; Path=/`,
    }
  }
  const cookie = readCookie(header(input.headers, 'cookie'), sessionCookieName(config.port))
  if (cookie === null || !sameSecret(cookie, config.token)) {
    return { kind: 'refuse', status: 401, reason: 'Open the link that "npm run serve" printed; it carries the token.' }
  }
  return { kind: 'allow' }
}

function header(headers: GuardInput['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readCookie(cookieHeader: string | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
