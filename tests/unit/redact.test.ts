import { inspect } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../src-main/core/redact'

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

/** The shapes AWS issues: AKIA/ASIA + 16 base32 characters, and 40 of base64's alphabet. */
const keyId = fc.tuple(fc.constantFrom('AKIA', 'ASIA'), fc.stringMatching(/^[A-Z2-7]{16}$/)).map(([head, tail]) => head + tail)
const secret = fc.stringMatching(/^[A-Za-z0-9/+]{40}$/)

describe('redaction of the places keys really appear', () => {
  const id = 'AKIARZPUZDIKCVZFSTFF'
  const key = 'ip/dP5SOhHVADpJHTh1h0+i0U+jIxYFvstgo5qpu'
  const signature = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024'
  const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD'
  it.each([
    ['an Authorization header', `Authorization: AWS4-HMAC-SHA256 Credential=${id}/20240101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`],
    ['a presigned URL', `https://b.s3.amazonaws.com/k?X-Amz-Credential=${id}%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=${encodeURIComponent(token)}&X-Amz-Signature=${signature}`],
    ['JSON', JSON.stringify({ accessKeyId: id, secretAccessKey: key, sessionToken: token })],
    ['an inspected object', inspect({ credentials: { accessKeyId: id, secretAccessKey: key, sessionToken: token } })],
    ['.env lines', `AWS_ACCESS_KEY_ID=${id}\nAWS_SECRET_ACCESS_KEY=${key}\nAWS_SESSION_TOKEN=${token}`],
    ['~/.aws/credentials', `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${key}`],
    ['a sentence', `the key ${id} with ${key} failed`],
    ['a URL-encoded form body', `user=ana&key=${encodeURIComponent(key)}&next=1`],
  ])('leaves neither key id, secret, signature nor token in %s', (_label, line) => {
    const redacted = redactSecrets(line)
    for (const secretPart of [id, key, encodeURIComponent(key), signature, token.slice(0, 20)]) expect(redacted).not.toContain(secretPart)
  })

  // A secret glued to more base64 characters ("…/more") can't be told from other data: not covered.
  it('removes any AWS-shaped key id and secret, wherever they sit in a line', () => {
    const before = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom(' ', '\n', '"', "'", ':', '=', ',', '(', '[', '<', '&', '\t', ' = '))
    const after = fc.tuple(fc.constantFrom(' ', '\n', '"', "'", ',', ')', ']', '>', '&', ';', '.'), fc.string({ unit: 'grapheme', maxLength: 30 }))
    fc.assert(
      fc.property(keyId, secret, before, after, fc.boolean(), (id, key, [head, open], [close, tail], encoded) => {
        const shown = encoded ? encodeURIComponent(key) : key
        const line = `${head}${open}${id}${close} ${head}${open}${shown}${close}${tail}`
        const redacted = redactSecrets(line)
        expect(redacted).not.toContain(id)
        expect(redacted).not.toContain(shown)
        expect(redacted).toContain(id.slice(-4))
      }),
      { numRuns: 400 },
    )
  })

  it('leaves ids that are not keys alone: ETags, SHA-256 sums, UUIDs, dates, bucket names', () => {
    const line = 'etag "9b2cf535f27731c974343645a3985328" sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 request 3f2c9d1e-8b7a-4c6d-9e0f-1a2b3c4d5e6f at 2024-05-01T10:00:00Z in mi-blog-media'
    expect(redactSecrets(line)).toBe(line)
  })
})
