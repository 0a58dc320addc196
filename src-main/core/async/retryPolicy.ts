import { awsErrorName, awsHttpStatus } from '../awsErrorShape'

/**
 * What to do when one request of a transfer fails
 *
 * - `network`: the server could not be reached or the connection broke. The queue says
 *   "waiting for network" and keeps trying, slowly, until it works or the user cancels:
 *   a laptop that loses Wi-Fi for a minute must not turn 5,000 uploads into failures.
 * - `retry`: the server asked us to slow down or had a transient fault (503 SlowDown,
 *   500 InternalError, a body that arrived damaged). A few more tries, with backoff.
 * - `fatal`: anything the user must fix (access denied, no such bucket): fail now.
 */
export type FailureKind = 'network' | 'retry' | 'fatal'

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'ENETDOWN', 'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE'])
const transientNames = new Set(['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'RequestTimeoutException', 'Throttling', 'ThrottlingException', 'BadDigest', 'XAmzContentSHA256Mismatch', 'IncompleteBody', 'TimeoutError'])

export function classifyFailure(error: unknown): FailureKind {
  const e = error as { code?: string; cause?: { code?: string }; message?: string } | null
  const code = e?.code ?? e?.cause?.code
  if (code && networkCodes.has(code)) return 'network'
  // A response body cut off in the middle surfaces as a stream error, not a socket code.
  if (/socket hang up|other side closed|ECONNRESET|EPIPE|^aborted$|premature close/i.test(e?.message ?? '')) return 'network'
  const status = awsHttpStatus(error)
  if (transientNames.has(awsErrorName(error) ?? '')) return 'retry'
  if (status !== undefined && (status >= 500 || status === 408 || status === 429)) return 'retry'
  return 'fatal'
}

/** Transient faults get this many tries in all before the file fails. */
export const transientAttempts = 6

/** Exponential backoff with full jitter, capped: 0.25 s, 0.5 s, 1 s... at most `capMs`. */
export function backoffMs(attempt: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, 250 * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}
