import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../src-main/services/security/redact'

describe('redaction of logs', () => {
  it('masks access key ids down to their last 4 characters', () => {
    expect(redactSecrets('key AKIAIOSFODNN7EXAMPLE failed')).toBe('key AKIA…MPLE failed')
  })
  it('removes 40-character secrets', () => {
    expect(redactSecrets('secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here')).not.toContain('wJalrXUtnFEMI')
  })
  it('removes values of named secret fields', () => {
    const line = 'aws_secret_access_key=abc123 token: "xyz" password=hunter2'
    const redacted = redactSecrets(line)
    for (const secret of ['abc123', 'xyz', 'hunter2']) expect(redacted).not.toContain(secret)
  })
  it('leaves ordinary text alone', () => {
    expect(redactSecrets('Bucket fotos-django in eu-west-1 listed 12 objects')).toBe('Bucket fotos-django in eu-west-1 listed 12 objects')
  })
})
