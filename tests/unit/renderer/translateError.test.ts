import { describe, expect, it } from 'vitest'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { fill, translateError, type CatalogLookup } from '../../../src-renderer/errors/translateError'
import en from '../../../src-renderer/i18n/en.json'
import es from '../../../src-renderer/i18n/es.json'

/** Reads a dotted key from a catalog the way i18next's getResource does. */
const lookupFrom =
  (catalog: unknown): CatalogLookup =>
  (key) => {
    let node: unknown = catalog
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
    return typeof node === 'string' ? node : undefined
  }

const requiredCodes = [
  'invalid-input',
  'unexpected',
  'app-unreachable',
  'session-expired',
  'invalid-access-key-id',
  'signature-mismatch',
  'access-denied',
  'endpoint-unreachable',
  'keychain-unavailable',
  'profile-name-taken',
  'profile-not-found',
  'expired-token',
  'clock-skew',
  'aws-files-not-found',
  'region-mismatch',
]

const nameTaken: BridgeError = {
  code: 'profile-name-taken',
  message: 'A profile named “work” already exists.',
  hint: 'Choose another name.',
  params: { name: 'work' },
}

describe('translateError', () => {
  it('translates by code into Spanish, filling params', () => {
    expect(translateError(nameTaken, 'es', lookupFrom(es))).toEqual({
      message: 'Ya existe un perfil llamado “work”.',
      hint: 'Elige otro nombre.',
    })
  })

  it("shows the server's own English sentence in English, even where en.json has the code", () => {
    const error: BridgeError = {
      code: 'aws-files-not-found',
      message: 'There is no /home/ana/.aws/credentials or /home/ana/.aws/config on this computer.',
      hint: 'Add a profile with its keys instead, or run "aws configure" first.',
    }
    expect(translateError(error, 'en', lookupFrom(en))).toEqual({ message: error.message, hint: error.hint })
  })

  it('falls back to the English message and hint for a code the locale does not know', () => {
    const error: BridgeError = { code: 'brand-new-code', message: 'Something new failed.', hint: 'Do the new thing.' }
    expect(translateError(error, 'es', lookupFrom(es))).toEqual({ message: 'Something new failed.', hint: 'Do the new thing.' })
  })

  it('falls back to English when a placeholder has no value, rather than showing {{name}}', () => {
    const { params: _dropped, ...withoutParams } = nameTaken
    const shown = translateError(withoutParams, 'es', lookupFrom(es))
    expect(shown.message).toBe(nameTaken.message)
    expect(shown.message).not.toContain('{{')
  })

  it('falls back to English as a whole when only the message is translated', () => {
    const halfCatalog: CatalogLookup = (key) => (key === 'errors.clock-skew.message' ? 'Reloj mal.' : undefined)
    const error: BridgeError = { code: 'clock-skew', message: 'Clock is off.', hint: 'Fix the clock.' }
    expect(translateError(error, 'es', halfCatalog)).toEqual({ message: 'Clock is off.', hint: 'Fix the clock.' })
  })

  it('says which permission is missing when the server named it, and the general sentence when it did not', () => {
    const named: BridgeError = {
      code: 'access-denied',
      message: 'These keys are not allowed to list the folder “/”: they need s3:ListBucket.',
      hint: 'Ask the account administrator to grant s3:ListBucket on this bucket, or use keys of a user that has it.',
      params: { action: 'list the folder “/”', permission: 's3:ListBucket' },
    }
    const shown = translateError(named, 'es', lookupFrom(es))
    expect(shown.message).toBe('A estas claves les falta el permiso s3:ListBucket para esta operación.')
    expect(shown.hint).toContain('s3:ListBucket')
    const general = translateError({ ...named, params: { action: 'list the folder “/”' } }, 'es', lookupFrom(es))
    expect(general.message).toBe(lookupFrom(es)('errors.access-denied.message'))
  })

  it.each(requiredCodes)('has a complete Spanish and English translation for %s', (code) => {
    for (const catalog of [en, es]) {
      const lookup = lookupFrom(catalog)
      expect(lookup(`errors.${code}.message`), `${code} message`).toBeTruthy()
      expect(lookup(`errors.${code}.hint`), `${code} hint`).toBeTruthy()
    }
  })

  it('uses no placeholder in Spanish that the English version does not have a value for', () => {
    const names = (text: string | undefined) => [...(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1])
    for (const code of Object.keys(es.errors)) {
      const english = new Set([...names(lookupFrom(en)(`errors.${code}.message`)), ...names(lookupFrom(en)(`errors.${code}.hint`))])
      const spanish = [...names(lookupFrom(es)(`errors.${code}.message`)), ...names(lookupFrom(es)(`errors.${code}.hint`))]
      for (const name of spanish) expect(english.has(name), `errors.${code} uses {{${name}}}`).toBe(true)
    }
  })
})

describe('fill', () => {
  it('replaces every placeholder, numbers included, and tolerates spaces inside braces', () => {
    expect(fill('{{ a }} and {{b}} and {{a}}', { a: 'x', b: 2 })).toBe('x and 2 and x')
  })

  it('returns null for a missing template', () => {
    expect(fill(undefined, {})).toBeNull()
  })
})
