import { createServer } from 'node:http'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBackend } from '../../src-main/composition/createBackend'
import { redactSecrets, rememberSecret } from '../../src-main/core/redact'
import { createMemorySecretStore, rememberingSecrets } from '../../src-main/services/keychain/secretStore'

/**
 * Secrets of shapes AWS never issues pass the shape rules: R2's 64 hex characters, a
 * short MinIO secret, a 40-character secret followed by "=". The ones this process knows
 * are masked by value.
 */
const r2Secret = 'f3b1c2d4e5a6978812345678abcdefab0123456789abcdef0123456789abcdef'
const minioSecret = 'minio-pass-42'
const glued = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYZZZZZZZKEY'

describe('redaction by value', () => {
  it('remembers a secret with a lone surrogate without throwing, and masks it as typed', () => {
    const odd = 'abc\uD800defghijk'
    expect(() => rememberSecret(odd)).not.toThrow()
    expect(redactSecrets(`said ${odd} here`)).toBe('said [redacted] here')
  })

  it('masks a remembered secret of any shape, also URL-encoded and JSON-escaped', () => {
    for (const secret of [r2Secret, minioSecret, glued, 'pass with "quotes" \\ and spaces']) {
      rememberSecret(secret)
      const line = `tried ${secret}= then url ?k=${encodeURIComponent(secret)}&x=1 and json ${JSON.stringify({ s: secret })}`
      const redacted = redactSecrets(line)
      expect(redacted).not.toContain(secret)
      expect(redacted).not.toContain(encodeURIComponent(secret))
      expect(redacted).not.toContain(JSON.stringify(secret).slice(1, -1))
      expect(redacted).toContain('[redacted]')
    }
  })

  it('learns every secret read from a secret store', async () => {
    const keychain = createMemorySecretStore()
    const fromKeychain = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee11'
    await keychain.set('profile:a', fromKeychain)
    // Not an AWS shape, not yet seen: nothing to mask it by.
    expect(redactSecrets(`secret is ${fromKeychain}`)).toContain(fromKeychain)
    await rememberingSecrets(keychain).get('profile:a')
    expect(redactSecrets(`secret is ${fromKeychain}`)).toBe('secret is [redacted]')
  })

  it('leaves short ordinary words alone', () => {
    rememberSecret('abc')
    expect(redactSecrets('abc abc')).toBe('abc abc')
  })
})

describe('a server that echoes the secret in its error', () => {
  it('the error the window gets and the log both carry it masked', async () => {
    const secret = 'e1'.repeat(32)
    // An S3-compatible store that quotes what it was given, as some do in their messages.
    const server = createServer((request, response) => {
      request.resume()
      response.writeHead(400, { 'content-type': 'application/xml' })
      response.end(`<?xml version="1.0"?><Error><Code>InvalidSecret</Code><Message>The secret ${secret} is not valid here</Message></Error>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    const dataDir = await mkdtemp(join(tmpdir(), 'cubeta-redact-'))
    const logs: string[] = []
    const backend = await createBackend({ dataDir, shell: 'browser', osLocale: 'en-US', version: 'test', homeDir: dataDir, secretStore: createMemorySecretStore(), log: (l) => logs.push(l) })
    const result = await backend.router.dispatch('profiles/add', { name: 'R2', accessKeyId: 'r2-key-id-0123', secretAccessKey: secret, region: 'auto', endpoint, forcePathStyle: true, secretStorage: 'session' })
    server.close()
    expect(result).toMatchObject({ ok: false, error: { code: 'aws-error' } })
    expect(JSON.stringify(result)).toContain('is not valid here')
    expect(JSON.stringify(result)).not.toContain(secret)
    expect(logs.join('\n')).not.toContain(secret)
  })
})
