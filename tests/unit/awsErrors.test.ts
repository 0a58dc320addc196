import { describe, expect, it } from 'vitest'
import { toAppError } from '../../src-main/services/aws/awsErrors'

const aws = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name} raw message`), { name, ...extra })
const context = { keyIdMasked: '••••MPLE', action: 'list your buckets', endpoint: null }

describe('AWS errors in plain words', () => {
  it.each([
    ['InvalidClientTokenId', 'invalid-access-key-id', /access key ID/],
    ['InvalidAccessKeyId', 'invalid-access-key-id', /access key ID/],
    ['SignatureDoesNotMatch', 'signature-mismatch', /secret access key/],
    ['AccessDenied', 'access-denied', /ask the account administrator/i],
    ['ExpiredToken', 'expired-token', /long-term access key/],
    ['RequestTimeTooSkewed', 'clock-skew', /date and time/],
    ['PermanentRedirect', 'region-mismatch', /region/],
  ])('%s → %s with a remedy', (name, code, hint) => {
    const error = toAppError(aws(name), context)
    expect(error.code).toBe(code)
    expect(error.hint).toMatch(hint)
    expect(error.message).not.toContain('raw message')
  })

  it('names the permission a refused call needs, when the caller knows it', () => {
    const error = toAppError(aws('AccessDenied'), { ...context, action: 'list the folder “/”', permission: 's3:ListBucket' })
    expect(error.code).toBe('access-denied')
    expect(error.message).toBe('These keys are not allowed to list the folder “/”: they need s3:ListBucket.')
    expect(error.hint).toContain('grant s3:ListBucket')
    expect(error.toBridge().params).toEqual({ action: 'list the folder “/”', permission: 's3:ListBucket' })
  })

  it('names the masked key, never the real one', () => {
    expect(toAppError(aws('SignatureDoesNotMatch'), context).message).toContain('••••MPLE')
  })

  it('treats refused connections as an unreachable endpoint', () => {
    const error = toAppError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), { ...context, endpoint: 'http://127.0.0.1:9' })
    expect(error.code).toBe('endpoint-unreachable')
    expect(error.message).toContain('http://127.0.0.1:9')
  })

  it('keeps unknown errors readable and redacted', () => {
    const error = toAppError(aws('SlowDown', { message: 'Reduce your rate, key AKIAIOSFODNN7EXAMPLE', $metadata: { httpStatusCode: 503 } }), context)
    expect(error.code).toBe('aws-error')
    expect(error.message).toContain('SlowDown')
    expect(error.message).toContain('503')
    expect(error.hint).not.toContain('AKIAIOSFODNN7EXAMPLE')
  })

  it('says a bug in Cubeta as one, never as a server refusal, and keeps it for the log', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'Contents')")
    const error = toAppError(bug, context)
    expect(error.code).toBe('unexpected')
    expect(error.message).not.toMatch(/refused|server/i)
    expect(error.cause).toBe(bug)
    // What a server said stays the server's, even when the SDK gives it a TypeError-like name.
    expect(toAppError(Object.assign(new TypeError('odd'), { $metadata: { httpStatusCode: 500 } }), context).code).toBe('aws-error')
  })
})
