import { AppError } from '../../router/appError'
import { redactSecrets } from '../security/redact'

interface AwsLikeError {
  name?: string
  Code?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'])

/**
 * AWS error names → sentences with a remedy
 *
 * `context.keyIdMasked` lets the message say which key failed without showing it;
 * `context.action` names what was being attempted ("list your buckets").
 */
export function toAppError(error: unknown, context: { keyIdMasked?: string; action: string; endpoint?: string | null }): AppError {
  if (error instanceof AppError) return error
  const e = (error ?? {}) as AwsLikeError
  const name = e.name ?? e.Code ?? ''
  const code = e.code ?? ''
  const key = context.keyIdMasked ?? 'this key'
  const where = context.endpoint ?? 'AWS'

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
      return new AppError('access-denied', `These keys are not allowed to ${context.action}.`,
        'Ask the account administrator to grant the permission, or use keys of a user that has it.', { action: context.action })
    case 'ExpiredToken':
    case 'ExpiredTokenException':
    case 'TokenRefreshRequired':
      return new AppError('expired-token', 'These credentials have expired.',
        'Temporary credentials last only hours. Use a long-term access key of an IAM user instead.')
    case 'RequestTimeTooSkewed':
    case 'SignatureExpired':
      return new AppError('clock-skew', "This computer's clock is too far from the server's time.",
        "Turn on automatic date and time in your system settings, then try again.")
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
      return new AppError('object-archived', 'This object is archived (Glacier or Deep Archive), so it cannot be read or copied now.',
        'Restore it first (S3 console → Actions → Initiate restore), then try again when the restore has finished.')
  }
  if (networkCodes.has(code) || networkCodes.has(name) || /ECONNREFUSED|ENOTFOUND|getaddrinfo|socket hang up/.test(e.message ?? '')) {
    return unreachable(where)
  }
  const status = e.$metadata?.httpStatusCode
  return new AppError('aws-error', `The server refused to ${context.action}${name ? ` (${name})` : ''}${status ? `, HTTP ${status}` : ''}.`,
    redactSecrets(e.message ?? 'Try again in a moment. If it keeps failing, check the profile settings.').slice(0, 300),
    { action: context.action, awsCode: name || 'unknown' })
}

function unreachable(where: string): AppError {
  return new AppError('endpoint-unreachable', `Cubeta cannot reach ${where}.`,
    'Check your internet connection, and the custom endpoint URL if the profile has one.', { endpoint: where })
}

/** The AWS error name ("NoSuchKey"), or '' for anything else. */
export const awsErrorName = (error: unknown): string => (error as AwsLikeError | undefined)?.name ?? ''

/** The HTTP status an AWS call failed with, if any. */
export const awsHttpStatus = (error: unknown): number | undefined => (error as AwsLikeError | undefined)?.$metadata?.httpStatusCode
