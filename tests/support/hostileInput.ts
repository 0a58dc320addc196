import fc from 'fast-check'
import { expect } from 'vitest'
import { bucketNameProblems } from '../../src-main/contract/rules/bucketNameRule'
import { endpointProblem, normalizeEndpoint } from '../../src-main/contract/rules/endpointRule'
import { awsRegions } from '../../src-main/contract/rules/regions'

/**
 * Generators of hostile input for the property tests (tests/unit/hostile*.property.test.ts)
 *
 * Names, keys, endpoints, regions and policies come from users, from other accounts'
 * uploads and from other tools' policies; these produce the kinds that broke S3 tools.
 */
export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

/** Strings of every kind: any code point, control characters, graphemes, lone surrogates. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', 'a', '/', '.', '\u0000'), maxLength: 10 }),
  fc.constantFrom('', ' ', '\u0000', '../', '/', '..', '\t\n', '\u202e', 'x'.repeat(2000)),
)

/** Key segments that broke S3 tools: dot segments, URL syntax, escapes, controls, emoji. */
export const hostileSegment = fc.oneof(
  fc.constantFrom('..', '.', '', ' ', '+', '#', '?', '%', '%2e', '%2E%2E', '\\', '&', '=', ';', '~', "'", '(', ')', '*', '!', 'é', '📷', '\u0000', '\u001f', '\u007f', '\u200b', '\ufeff', '\r\n', 'a'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
)

/** A key of exactly 1,024 UTF-8 bytes, S3's limit, in 1-, 2-, 3- or 4-byte characters. */
export const maxLengthKey = fc.tuple(fc.constantFrom('', '/', '../', 'a b/', '📷/'), fc.constantFrom('a', 'é', '€', '📷', '+')).map(([prefix, unit]) => {
  const budget = 1024 - utf8Bytes(prefix)
  const count = Math.floor(budget / utf8Bytes(unit))
  return prefix + unit.repeat(count) + 'a'.repeat(budget - count * utf8Bytes(unit))
})

/** Any key S3 could hold: 1 to 1,024 bytes of UTF-8, leading "/" and "../" included. */
export const objectKey = fc
  .oneof(
    fc.array(hostileSegment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('/')),
    fc.array(hostileSegment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    maxLengthKey,
  )
  .filter((key) => key.length > 0 && utf8Bytes(key) <= 1024)

/** "a/../b", "./x": segments a browser's URL parser resolves away (see encodeKey). */
export const hasDotSegment = (key: string) => key.split('/').some((segment) => segment === '.' || segment === '..')

export const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/)
/** Names the wizard would accept (the rule's own verdict is tested separately below). */
export const validBucket = fc
  .array(label, { minLength: 1, maxLength: 3 })
  .map((labels) => labels.join('.'))
  .filter((name) => bucketNameProblems(name).length === 0)
export const hyphenBucket = validBucket.filter((name) => !name.includes('.'))
/** Older buckets (us-east-1 before 2018) and other stores: capitals, underscores, up to 255. */
export const legacyBucket = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/).filter((name) => !/^\.+$/.test(name))
export const awsRegion = fc.constantFrom(...awsRegions.map((r) => r.code))

/** Endpoints the profile form accepts: http(s), maybe a port and a path, stored without a trailing "/". */
export const endpoint = fc
  .webUrl({ validSchemes: ['http', 'https'], withQueryParameters: false, withFragments: false })
  .filter((url) => endpointProblem(url) === null)
  .map(normalizeEndpoint)

/** The URL's path below `prefix`, decoded one segment at a time: the key a server would read. */
export function keyBelow(pathname: string, prefix: string): string {
  expect(pathname.startsWith(prefix), `${pathname} starts with ${prefix}`).toBe(true)
  return pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/')
}

/** The path of a base URL as a prefix for keys: "" for the root, else without its trailing "/". */
export const basePath = (url: string) => new URL(url).pathname.replace(/\/+$/, '')
