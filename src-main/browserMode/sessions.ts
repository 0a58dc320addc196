import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Sign-in tokens and sessions of one browser-mode server
 *
 * The token in a printed link works once, for a few minutes: opening it starts a session
 * whose id is a fresh random value, never the token, so a token seen later (in shell
 * history, a screenshot, a proxy log) opens nothing. Sessions live as long as the
 * server; the cookie that carries one is sent only to this server's own host name.
 */
export type Redeemed = { kind: 'session'; id: string } | { kind: 'used' | 'expired' | 'unknown' }

export interface SessionBook {
  /** A new single-use sign-in token. */
  issueToken(): string
  /** Spends a token: a new session for a good one, else why not. */
  redeem(token: string): Redeemed
  hasSession(id: string): boolean
}

export const signInTokenLifetimeMs = 5 * 60_000
/** More sessions than any person opens; the oldest goes first. */
const maxSessions = 64
/** Spent tokens are remembered so a second use can say "already used", not "wrong". */
const maxSpent = 256

export function createSessionBook(options: { firstToken?: string; lifetimeMs?: number; now?: () => number } = {}): SessionBook {
  const now = options.now ?? Date.now
  const lifetimeMs = options.lifetimeMs ?? signInTokenLifetimeMs
  const tokens = new Map<string, number>()
  const spent: string[] = []
  const sessions: string[] = []
  const fresh = () => randomBytes(32).toString('base64url')
  const find = (list: Iterable<string>, value: string) => {
    for (const item of list) if (sameSecret(item, value)) return item
    return null
  }
  const issue = (token: string) => {
    tokens.set(token, now() + lifetimeMs)
    return token
  }
  if (options.firstToken) issue(options.firstToken)

  return {
    issueToken: () => issue(fresh()),
    redeem(token) {
      const known = find(tokens.keys(), token)
      if (known === null) return { kind: find(spent, token) === null ? 'unknown' : 'used' }
      const expiresAt = tokens.get(known)!
      tokens.delete(known)
      spent.push(known)
      if (spent.length > maxSpent) spent.shift()
      if (now() > expiresAt) return { kind: 'expired' }
      const id = fresh()
      sessions.push(id)
      if (sessions.length > maxSessions) sessions.shift()
      return { kind: 'session', id }
    },
    hasSession: (id) => find(sessions, id) !== null,
  }
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
