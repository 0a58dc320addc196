import { AppError, unexpectedError } from '../../core/appError'
import { redactSecrets } from '../../core/redact'
import type { AwsLikeError } from '../../core/awsErrorShape'


const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * AWS error names → sentences with a remedy
 *
 * `context.keyIdMasked` lets the message say which key failed without showing it;
 * `context.action` names what was being attempted ("list your buckets"), and
 * `context.permission` the IAM action it needs ("s3:ListBucket"), so a refusal says
 * exactly what to grant.
 */
export function toAppError(error: unknown, context: { keyIdMasked?: string; action: string; endpoint?: string | null; permission?: string }): AppError {
  if (error instanceof AppError) return error
  if (isProgrammingError(error)) return unexpected(error)
  const e = (error ?? {}) as AwsLikeError
  const name = e.name ?? e.Code ?? ''
  const code = e.code ?? ''
  const key = context.keyIdMasked ?? 'this key'
  const where = context.endpoint ?? 'AWS'

  // A HEAD has no body to say RequestTimeTooSkewed: a bare 403 from a server whose clock
  // is beyond S3's 15 minutes from ours says it as well.
  const bare403 = e.$metadata?.httpStatusCode === 403 && ['', 'Unknown', 'Forbidden', '403', 'AccessDenied'].includes(name)
  const dateSkew = bare403 ? skewMinutes({ ServerTime: e.$response?.headers?.date }) : null
  if (dateSkew !== null && dateSkew >= 15) return clockOff(dateSkew)

  switch (name) {
    case 'InvalidClientTokenId':
    case 'InvalidAccessKeyId':
    case 'UnrecognizedClientException':
      return new AppError('invalid-access-key-id', `${where === 'AWS' ? 'AWS' : 'The server'} does not recognise the access key ID ${key}.`,
        'Check the access key ID: copy it again from IAM (Users → Security credentials). A deleted or deactivated key also fails here.', { key })
    case 'SignatureDoesNotMatch':
      return new AppError('signature-mismatch', `The secret access key does not match the access key ID ${key}.`,
        'Paste the secret access key again. AWS shows it only once, when the key is created; if it is lost, create a new key and delete the old one.', { key })
    case 'AccessDenied':
    case 'AccessDeniedException':
    case 'Forbidden':
    case 'AllAccessDisabled':
      return context.permission
        ? new AppError('access-denied', `These keys are not allowed to ${context.action}: they need ${context.permission}.`,
            `Ask the account administrator to grant ${context.permission} on this bucket, or use keys of a user that has it.`,
            { action: context.action, permission: context.permission })
        : new AppError('access-denied', `These keys are not allowed to ${context.action}.`,
            'Ask the account administrator to grant the permission, or use keys of a user that has it.', { action: context.action })
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'TokenRefreshRequired':
      return new AppError('expired-token', 'These credentials have expired.',
        'Temporary credentials last only hours. Use a long-term access key of an IAM user instead.')
    case 'RequestTimeTooSkewed':
    case 'SignatureExpired': {
      const minutes = skewMinutes(e)
      if (minutes !== null) return clockOff(minutes)
      return new AppError('clock-skew', "This computer's clock is too far from the server's time.",
        "Turn on automatic date and time in your system settings, then try again.")
    }
    case 'AuthorizationHeaderMalformed':
    case 'PermanentRedirect':
    case 'IllegalLocationConstraintException':
      return new AppError('region-mismatch', 'The region does not match where this bucket or endpoint lives.',
        "Pick the bucket's own region in the profile, and try again.")
    case 'TimeoutError':
    case 'RequestTimeout':
      return unreachable(where)
    // The file browser's: a key or bucket that someone else removed meanwhile.
    case 'NoSuchKey':
      return new AppError('object-not-found', 'That object no longer exists.',
        'Refresh the folder: someone may have moved or deleted it.')
    case 'NoSuchBucket':
      return new AppError('bucket-not-found', 'That bucket does not exist any more.',
        'Refresh the bucket list: it may have been deleted, or the name may be mistyped.')
    case 'InvalidObjectState':
    case 'ObjectNotInActiveTierError':
      return new AppError('object-archived', 'This object is archived (Glacier, Deep Archive or an Intelligent-Tiering archive tier), so it cannot be read or copied now.',
        'Restore it first (right-click it → Restore from archive…), then try again when the restore is ready.')
  }
  if (networkCodes.has(code) || networkCodes.has(name) || /ECONNREFUSED|ENOTFOUND|getaddrinfo|socket hang up/.test(e.message ?? '')) {
    return unreachable(where)
  }
  const status = e.$metadata?.httpStatusCode
  return new AppError('aws-error', `The server refused to ${context.action}${name ? ` (${name})` : ''}${status ? `, HTTP ${status}` : ''}.`,
    redactSecrets(e.message ?? 'Try again in a moment. If it keeps failing, check the profile settings.').slice(0, 300),
    { action: context.action, awsCode: name || 'unknown' })
}

/** A TypeError and its kin that no server sent: a bug in Cubeta, never worded as a refusal. */
function isProgrammingError(error: unknown): error is Error {
  const kinds = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError]
  return kinds.some((kind) => error instanceof kind) && (error as AwsLikeError).$metadata === undefined
}

/** Said as the router says a bug; the bug rides along as the cause, which the router logs (redacted). */
function unexpected(error: Error): AppError {
  const { code, message, hint } = unexpectedError()
  return Object.assign(new AppError(code, message, hint), { cause: error })
}

function clockOff(minutes: number): AppError {
  return new AppError('clock-skew-minutes', `Your computer's clock is ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} off, so the server refuses its requests.`,
    'Turn on automatic date and time in your system settings, then try again.', { minutes })
}

function unreachable(where: string): AppError {
  return new AppError('endpoint-unreachable', `Cubeta cannot reach ${where}.`,
    'Check your internet connection, and the custom endpoint URL if the profile has one.', { endpoint: where })
}

/**
 * How far this computer's clock is from the server's, in whole minutes, from the times
 * S3 puts in RequestTimeTooSkewed (RequestTime "20260115T093000Z", ServerTime ISO 8601),
 * or from an HTTP Date header ("Thu, 15 Jan 2026 09:47:00 GMT") against this clock.
 */
export function skewMinutes(e: Pick<AwsLikeError, 'ServerTime' | 'RequestTime'>, now: number = Date.now()): number | null {
  const server = parseTime(e.ServerTime)
  if (server === null) return null
  const signed = parseTime(e.RequestTime) ?? now
  const minutes = Math.round(Math.abs(signed - server) / 60_000)
  return minutes >= 1 ? minutes : null
}

function parseTime(value: string | undefined): number | null {
  if (!value) return null
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  const time = Date.parse(basic ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z` : value)
  return Number.isNaN(time) ? null : time
}
