import { sameSecret, type SessionBook } from './sessions'

/**
 * Who may talk to the browser-mode server
 *
 * The server holds live cloud credentials, so every request must prove, in this order:
 * - one Host header, naming our own host and port: `<random>.localhost:<port>`. A
 *   DNS-rebinding page sends its own host; and since browsers send cookies to every port
 *   of a host, a host of our own keeps the session cookie away from any other server on
 *   127.0.0.1 or localhost;
 * - Origin, when the browser sends one, is our own origin, and so is Sec-Fetch-Site;
 * - it carries a session: opening the printed link spends its single-use token for a
 *   fresh random session id in an HttpOnly, SameSite=Strict cookie.
 * Pure but for the session book, so every rule is unit-tested without sockets.
 */
export interface GuardInput {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
  /** Node's raw header list: the parsed one keeps only the first of two Host headers. */
  rawHeaders?: string[]
}

export type GuardDecision =
  | { kind: 'allow' }
  /** The CLI (`--new-token`) asking for a new sign-in link, with the key only it can read. */
  | { kind: 'control' }
  | { kind: 'sign-in'; location: '/'; cookie: string }
  /** A link whose token was spent or expired: a page that says how to get a new one. */
  | { kind: 'link-spent'; reason: 'used' | 'expired' }
  /**
   * `page`: a browser opening a page (not the bridge) gets the sign-in page instead of the
   * plain reason — a wrong token, or no session at all.
   */
  | { kind: 'refuse'; status: 400 | 401 | 403 | 421; reason: string; page?: 'wrong' | 'missing' }

export interface GuardConfig {
  port: number
  /** The host name the server answers to, e.g. `cubeta-k3j9x2.localhost`. */
  host: string
  sessions: SessionBook
  /** The key in the data folder's browser-mode.json, for `--new-token`. */
  controlKey?: string
}

export const controlPath = '/api/control/new-token'
export const sessionCookieName = (port: number) => `cubeta_session_${port}`
export const originOf = (config: Pick<GuardConfig, 'host' | 'port'>) => `http://${config.host}:${config.port}`
export const howToSignIn = 'Open the link that "npm run serve" printed. For a new one, run "npm run new-token", or restart it.'

export function checkRequest(input: GuardInput, config: GuardConfig): GuardDecision {
  const hosts = (input.rawHeaders ?? []).filter((_v, i, all) => i % 2 === 0 && all[i]!.toLowerCase() === 'host').length
  if (hosts > 1) return { kind: 'refuse', status: 400, reason: 'A request has one Host header.' }
  const host = header(input.headers, 'host')
  if (!host || `http://${host.toLowerCase()}` !== originOf(config)) {
    return { kind: 'refuse', status: 421, reason: 'This server answers only at the address it printed. ' + howToSignIn }
  }
  const origin = header(input.headers, 'origin')
  if (origin !== undefined && origin.toLowerCase() !== originOf(config)) {
    return { kind: 'refuse', status: 403, reason: 'Requests from other sites are refused.' }
  }
  // Fetch metadata: only our own page ("same-origin") and the user's own navigation
  // ("none") may ask. "same-site" is another origin too (another port of this host).
  const fetchSite = header(input.headers, 'sec-fetch-site')
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { kind: 'refuse', status: 403, reason: 'Requests from other sites are refused.' }
  }

  // Only the path: a URL that starts with "//" would otherwise read as a host.
  const path = input.url.split('?')[0] ?? '/'
  const query = new URLSearchParams(input.url.slice(path.length + 1))
  if (path === controlPath) {
    const key = header(input.headers, 'x-cubeta-control')
    if (input.method === 'POST' && config.controlKey && key !== undefined && origin === undefined && sameSecret(key, config.controlKey)) return { kind: 'control' }
    return { kind: 'refuse', status: 403, reason: 'Only "npm run new-token" may ask for a new link.' }
  }

  const session = readCookie(header(input.headers, 'cookie'), sessionCookieName(config.port))
  const signedIn = session !== null && config.sessions.hasSession(session)
  const offered = query.get('token')
  if (offered !== null) {
    if (input.method !== 'GET') return { kind: 'refuse', status: 403, reason: 'Sign in by opening the printed link.' }
    const redeemed = config.sessions.redeem(offered)
    // Always to our own root, whatever the link's path was ("/.//evil.example/" included).
    if (redeemed.kind === 'session') return { kind: 'sign-in', location: '/', cookie: `${sessionCookieName(config.port)}=${redeemed.id}; HttpOnly; SameSite=Strict; Path=/` }
    if (signedIn) return { kind: 'sign-in', location: '/', cookie: '' }
    if (redeemed.kind === 'unknown') return { kind: 'refuse', status: 401, reason: `That link has a wrong token. ${howToSignIn}`, page: 'wrong' }
    return { kind: 'link-spent', reason: redeemed.kind }
  }
  if (!signedIn) return { kind: 'refuse', status: 401, reason: howToSignIn, page: 'missing' }
  return { kind: 'allow' }
}

/** application/json, with parameters or not; never a type that only starts like it. */
export function isJsonContentType(value: string | string[] | undefined): boolean {
  if (typeof value !== 'string') return false
  return value.split(';')[0]!.trim().toLowerCase() === 'application/json'
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
