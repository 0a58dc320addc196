import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { awsRegions, isAwsRegion } from '../../src-main/contract/regions'
import { bucketNameProblems, bucketNameWarnings } from '../../src-main/contract/rules/bucketNameRule'
import { cubetaStatements, leastPrivilegeUserPolicy, mergeBucketPolicy, publicReadSid, UnreadablePolicyError, userAccessSid, type PolicyStatement } from '../../src-main/contract/rules/bucketPolicy'
import { endpointProblem, normalizeEndpoint } from '../../src-main/contract/rules/endpointRule'
import { iamUserNameProblems } from '../../src-main/contract/rules/iamUserNameRule'
import { baseUrlFor, encodeKey, isDnsCompatibleBucket, objectUrl, preferredStyle } from '../../src-main/contract/rules/publicUrl'
import { copySourceFor } from '../../src-main/services/objects/copySource'
import { decodeListedKey, nameUnder } from '../../src-main/services/objects/listing'
import { displayName, htmlSnippet, markdownSnippet } from '../../src-main/services/objects/urlSnippets'
import { anonymousMayDo, anonymousMayList } from '../support/policyEvaluator'

/**
 * Hostile input against the pure rules and URL builders, by property
 *
 * Names, keys, endpoints, regions and policies come from users, from other accounts'
 * uploads and from other tools' policies. Whatever arrives, the validators must answer
 * (never throw), agree with an independent statement of the rule, and the URL builders
 * must give back exactly the key they were handed. Runs are modest (2 cores, whole suite
 * well under a minute); a failure prints the shrunk counterexample and its seed.
 */
const runs = { numRuns: 300 }
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

// ---- Generators ----

/** Strings of every kind: any code point, control characters, graphemes, lone surrogates. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', 'a', '/', '.', '\u0000'), maxLength: 10 }),
  fc.constantFrom('', ' ', '\u0000', '../', '/', '..', '\t\n', '\u202e', 'x'.repeat(2000)),
)

/** Key segments that broke S3 tools: dot segments, URL syntax, escapes, controls, emoji. */
const hostileSegment = fc.oneof(
  fc.constantFrom('..', '.', '', ' ', '+', '#', '?', '%', '%2e', '%2E%2E', '\\', '&', '=', ';', '~', "'", '(', ')', '*', '!', 'é', '📷', '\u0000', '\u001f', '\u007f', '\u200b', '\ufeff', '\r\n', 'a'),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
)

/** A key of exactly 1,024 UTF-8 bytes, S3's limit, in 1-, 2-, 3- or 4-byte characters. */
const maxLengthKey = fc.tuple(fc.constantFrom('', '/', '../', 'a b/', '📷/'), fc.constantFrom('a', 'é', '€', '📷', '+')).map(([prefix, unit]) => {
  const budget = 1024 - utf8Bytes(prefix)
  const count = Math.floor(budget / utf8Bytes(unit))
  return prefix + unit.repeat(count) + 'a'.repeat(budget - count * utf8Bytes(unit))
})

/** Any key S3 could hold: 1 to 1,024 bytes of UTF-8, leading "/" and "../" included. */
const objectKey = fc
  .oneof(
    fc.array(hostileSegment, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('/')),
    fc.array(hostileSegment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    maxLengthKey,
  )
  .filter((key) => key.length > 0 && utf8Bytes(key) <= 1024)

/** "a/../b", "./x": segments a browser's URL parser resolves away (see encodeKey). */
const hasDotSegment = (key: string) => key.split('/').some((segment) => segment === '.' || segment === '..')

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/)
/** Names the wizard would accept (the rule's own verdict is tested separately below). */
const validBucket = fc
  .array(label, { minLength: 1, maxLength: 3 })
  .map((labels) => labels.join('.'))
  .filter((name) => bucketNameProblems(name).length === 0)
const hyphenBucket = validBucket.filter((name) => !name.includes('.'))
/** Older buckets (us-east-1 before 2018) and other stores: capitals, underscores, up to 255. */
const legacyBucket = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/).filter((name) => !/^\.+$/.test(name))
const awsRegion = fc.constantFrom(...awsRegions.map((r) => r.code))

/** Endpoints the profile form accepts: http(s), maybe a port and a path, stored without a trailing "/". */
const endpoint = fc
  .webUrl({ validSchemes: ['http', 'https'], withQueryParameters: false, withFragments: false })
  .filter((url) => endpointProblem(url) === null)
  .map(normalizeEndpoint)

/** The URL's path below `prefix`, decoded one segment at a time: the key a server would read. */
function keyBelow(pathname: string, prefix: string): string {
  expect(pathname.startsWith(prefix), `${pathname} starts with ${prefix}`).toBe(true)
  return pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/')
}

/** The path of a base URL as a prefix for keys: "" for the root, else without its trailing "/". */
const basePath = (url: string) => new URL(url).pathname.replace(/\/+$/, '')

// ---- Names ----

describe('bucket names', () => {
  /** The S3 rule, restated independently of bucketNameRule.ts. */
  const s3Accepts = (name: string) =>
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)

  it('never throws, and accepts exactly what S3 accepts', () => {
    const names = fc.oneof(anyText, validBucket, fc.stringMatching(/^[a-z0-9.-]{1,70}$/), fc.stringMatching(/^\d{1,3}(\.\d{1,3}){3}$/))
    fc.assert(
      fc.property(names, (name) => {
        const problems = bucketNameProblems(name)
        for (const problem of [...problems, ...bucketNameWarnings(name)]) {
          expect(typeof problem.code).toBe('string')
          expect(problem.message.length).toBeGreaterThan(0)
        }
        expect(problems.length === 0, JSON.stringify(name)).toBe(s3Accepts(name))
      }),
      runs,
    )
  })
})

describe('IAM user names', () => {
  it('never throws, and accepts exactly 1 to 64 of letters, digits and + = , . @ _ -', () => {
    const names = fc.oneof(anyText, fc.stringMatching(/^[\w+=,.@-]{0,70}$/))
    fc.assert(
      fc.property(names, (name) => {
        const accepted = iamUserNameProblems(name).length === 0
        expect(accepted, JSON.stringify(name)).toBe(/^[A-Za-z0-9+=,.@_-]{1,64}$/.test(name))
      }),
      runs,
    )
  })
})

describe('endpoints', () => {
  it('never throws; what it accepts is an http(s) URL without credentials, query or fragment', () => {
    const candidates = fc.oneof(
      anyText,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webUrl().map((url) => url.replace('://', '://user:pass@')),
      fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'http://[::1]:9000', 'http://127.0.0.1:9000/', 'https://x\\y', 'http://a b', 'HTTP://MINIO.LOCAL', 'http://h/%2e%2e/'),
    )
    fc.assert(
      fc.property(candidates, (value) => {
        const problem = endpointProblem(value)
        if (problem !== null) return
        const url = new URL(value)
        expect(['http:', 'https:']).toContain(url.protocol)
        expect(url.username + url.password + url.search + url.hash).toBe('')
        const stored = normalizeEndpoint(value)
        expect(stored.endsWith('/')).toBe(false)
        expect(normalizeEndpoint(stored)).toBe(stored)
        expect(endpointProblem(stored)).toBeNull()
      }),
      runs,
    )
  })
})

describe('regions', () => {
  it('only the listed commercial regions are AWS regions, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, awsRegion, awsRegion.map((r) => r.toUpperCase()), awsRegion.map((r) => ` ${r}`)), (region) => {
        expect(isAwsRegion(region)).toBe(awsRegions.some((r) => r.code === region))
      }),
      runs,
    )
  })

  // The profile schema allows [a-z0-9-] regions (custom stores name their own, "auto").
  const regionLike = fc.stringMatching(/^[a-z0-9-]{1,40}$/)

  it('URL builders do not throw on any region or bucket string, and never put the key in a query or fragment', () => {
    fc.assert(
      fc.property(regionLike, anyText.filter((b) => b !== ''), objectKey, (region, bucket, key) => {
        const url = objectUrl({ bucket, key, region, endpoint: null })
        expect(typeof url).toBe('string')
        if (URL.canParse(url)) expect(new URL(url).search + new URL(url).hash).toBe('')
      }),
      runs,
    )
  })
})

// ---- Keys and URLs ----

describe('object keys in URLs', () => {
  it('are encoded into URL-safe characters, and decoding each segment gives the key back', () => {
    fc.assert(
      fc.property(objectKey, (key) => {
        const encoded = encodeKey(key)
        expect(encoded).toMatch(/^[A-Za-z0-9\-_.!~*'()%/]*$/)
        expect(encoded.split('/').map(decodeURIComponent).join('/')).toBe(key)
      }),
      runs,
    )
  })

  it('never make the encoder throw, even with a lone surrogate (which no S3 key can hold)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() => encodeKey(text)).not.toThrow()
        expect(() => baseUrlFor('https://cdn.example.com', text)).not.toThrow()
        expect(() => objectUrl({ bucket: text, key: text, region: 'eu-west-1', endpoint: null })).not.toThrow()
      }),
      runs,
    )
  })

  const browserSafeKey = objectKey.filter((key) => !hasDotSegment(key))

  it('round-trip through a virtual-hosted AWS URL, as a browser parses it', () => {
    fc.assert(
      fc.property(hyphenBucket, awsRegion, browserSafeKey, (bucket, region, key) => {
        expect(preferredStyle({ bucket, endpoint: null })).toBe('virtual-hosted')
        const url = new URL(objectUrl({ bucket, key, region, endpoint: null }))
        expect(url.hostname).toBe(`${bucket}.s3.${region}.amazonaws.com`)
        expect(url.search + url.hash).toBe('')
        expect(keyBelow(url.pathname, '/')).toBe(key)
      }),
      runs,
    )
  })

  it('round-trip through a path-style AWS URL, for any bucket name S3 has allowed', () => {
    fc.assert(
      fc.property(fc.oneof(validBucket, legacyBucket), awsRegion, browserSafeKey, (bucket, region, key) => {
        const url = new URL(objectUrl({ bucket, key, region, endpoint: null }, 'path'))
        expect(url.hostname).toBe(`s3.${region}.amazonaws.com`)
        expect(url.search + url.hash).toBe('')
        expect(keyBelow(url.pathname, `/${bucket}/`)).toBe(key)
      }),
      runs,
    )
  })

  it('use path style for every bucket name a host name would change (capitals, underscores, dots)', () => {
    fc.assert(
      fc.property(legacyBucket, awsRegion, browserSafeKey, (bucket, region, key) => {
        const url = new URL(objectUrl({ bucket, key, region, endpoint: null }))
        if (url.hostname === `s3.${region}.amazonaws.com`) {
          expect(keyBelow(url.pathname, `/${bucket}/`)).toBe(key)
        } else {
          // Virtual-hosted only where the host keeps the name exactly.
          expect(isDnsCompatibleBucket(bucket) && !bucket.includes('.')).toBe(true)
          expect(url.hostname).toBe(`${bucket}.s3.${region}.amazonaws.com`)
          expect(keyBelow(url.pathname, '/')).toBe(key)
        }
      }),
      runs,
    )
  })

  it('round-trip through a custom endpoint, path style and virtual-hosted, keeping the endpoint path', () => {
    fc.assert(
      fc.property(endpoint, fc.oneof(validBucket, legacyBucket), browserSafeKey, (base, bucket, key) => {
        const pathStyle = new URL(objectUrl({ bucket, key, region: 'auto', endpoint: base }))
        expect(pathStyle.host).toBe(new URL(base).host)
        expect(pathStyle.search + pathStyle.hash).toBe('')
        expect(keyBelow(pathStyle.pathname, `${basePath(base)}/${bucket}/`)).toBe(key)

        const virtual = new URL(objectUrl({ bucket, key, region: 'auto', endpoint: base }, 'virtual-hosted'))
        if (isDnsCompatibleBucket(bucket)) {
          expect(virtual.hostname).toBe(`${bucket}.${new URL(base).hostname}`)
          expect(keyBelow(virtual.pathname, `${basePath(base)}/`)).toBe(key)
        } else {
          expect(virtual.href).toBe(pathStyle.href)
        }
      }),
      runs,
    )
  })

  it('round-trip under a custom base URL, whose path, ?query and #fragment stay where they were', () => {
    const base = fc
      .tuple(
        fc.webUrl({ validSchemes: ['https'], withQueryParameters: false, withFragments: false }),
        fc.constantFrom('', '/', '//', '?v=1', '/?token=abc', '#top'),
      )
      .map(([url, tail]) => `${url}${tail}`)
    fc.assert(
      fc.property(base, browserSafeKey, (publicBaseUrl, key) => {
        const original = new URL(publicBaseUrl)
        const url = new URL(baseUrlFor(publicBaseUrl, key))
        expect(url.host).toBe(original.host)
        expect(url.search).toBe(original.search)
        expect(url.hash).toBe(original.hash)
        expect(keyBelow(url.pathname, `${basePath(publicBaseUrl)}/`)).toBe(key)
      }),
      runs,
    )
  })

  it('keep dot segments literally: the raw URL decodes back, though a browser would resolve them', () => {
    const dotted = fc.array(fc.oneof(hostileSegment, fc.constantFrom('.', '..')), { minLength: 1, maxLength: 6 }).map((parts) => [...parts, '..'].join('/'))
    fc.assert(
      fc.property(hyphenBucket, awsRegion, dotted, (bucket, region, key) => {
        const prefix = `https://${bucket}.s3.${region}.amazonaws.com/`
        const url = objectUrl({ bucket, key, region, endpoint: null })
        expect(keyBelow(url, prefix)).toBe(key)
      }),
      runs,
    )
    // The limit, pinned: a browser turns this key's URL into another object's.
    const url = objectUrl({ bucket: 'media', key: 'a/../b.png', region: 'eu-west-1', endpoint: null })
    expect(url).toBe('https://media.s3.eu-west-1.amazonaws.com/a/../b.png')
    expect(new URL(url).pathname).toBe('/b.png')
  })

  it('round-trip through the x-amz-copy-source header used by rename and set-headers', () => {
    fc.assert(
      fc.property(fc.oneof(validBucket, legacyBucket), objectKey, (bucket, key) => {
        const header = copySourceFor(bucket, key)
        expect(header.startsWith(`${bucket}/`)).toBe(true)
        expect(keyBelow(header, `${bucket}/`)).toBe(key)
      }),
      runs,
    )
  })

  it('stay inert inside the HTML and Markdown snippets', () => {
    fc.assert(
      fc.property(hyphenBucket, objectKey, (bucket, key) => {
        const url = objectUrl({ bucket, key, region: 'eu-west-1', endpoint: null })
        const html = htmlSnippet(url, key)
        // One element, whose quoted attributes no key can close.
        expect(html.match(/</g)?.length).toBe(html.startsWith('<img') ? 1 : 2)
        for (const [, value] of html.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[<>"]/)
        const markdown = markdownSnippet(url, key)
        const target = /\]\(([^)]*)\)$/.exec(markdown)?.[1]
        expect(target).toBeDefined()
        expect(target).not.toMatch(/[\s()<>]/)
      }),
      runs,
    )
  })
})

describe('keys split into folder names', () => {
  /** What S3 sends with EncodingType=url: form encoding, a space as +. */
  const s3ListEncode = (key: string) => encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/')

  it('decode from a listing exactly (EncodingType=url)', () => {
    fc.assert(
      fc.property(objectKey, (key) => {
        expect(decodeListedKey(s3ListEncode(key))).toBe(key)
      }),
      runs,
    )
  })

  it('show the name below the folder: a file its last part, a folder its part without "/"', () => {
    const prefix = fc.array(hostileSegment, { maxLength: 4 }).map((parts) => parts.map((p) => `${p.replace(/\//g, '')}/`).join(''))
    const name = hostileSegment.map((s) => s.replace(/\//g, ''))
    fc.assert(
      fc.property(prefix, name, (folder, leaf) => {
        expect(nameUnder(folder, `${folder}${leaf}`)).toBe(leaf)
        expect(nameUnder(folder, `${folder}${leaf}/`)).toBe(leaf)
        if (leaf !== '') expect(displayName(`${folder}${leaf}`)).toBe(leaf)
      }),
      runs,
    )
  })
})

// ---- Policies ----

/** Statements other tools and people write: other Sids, Deny, conditions, NotPrincipal, odd shapes. */
const foreignStatement: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      Sid: fc.oneof(fc.string({ maxLength: 20 }), fc.constant(publicReadSid), fc.constant(userAccessSid)),
      Effect: fc.constantFrom('Allow', 'Deny'),
      Principal: fc.oneof(fc.constant('*'), fc.constant({ AWS: '*' }), fc.constant({ AWS: ['arn:aws:iam::111122223333:root', '*'] }), fc.constant({ Service: 'cloudfront.amazonaws.com' }), fc.constant({ AWS: 'arn:aws:iam::111122223333:user/ana' })),
      Action: fc.oneof(fc.constantFrom('s3:GetObject', 's3:ListBucket', 's3:*', 's3:List*', '*', 's3:PutObject'), fc.array(fc.constantFrom('s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'), { maxLength: 3 })),
      Resource: fc.constantFrom('arn:aws:s3:::media/*', 'arn:aws:s3:::media', ['arn:aws:s3:::media', 'arn:aws:s3:::media/*'], '*', 'arn:aws:s3:::other/*'),
      Condition: fc.constantFrom({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { Bool: { 'aws:SecureTransport': 'false' } }, { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }),
      NotPrincipal: fc.constant({ AWS: 'arn:aws:iam::111122223333:root' }),
    },
    { requiredKeys: ['Effect'] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
)

const existingPolicy: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc
    .record(
      {
        Version: fc.constantFrom('2012-10-17', '2008-10-17', 7),
        Id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
        Statement: fc.oneof(fc.array(foreignStatement, { maxLength: 5 }), foreignStatement),
      },
      { requiredKeys: [] },
    )
    .map((document) => JSON.stringify(document)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 30 }),
)

describe('bucket policies merged by the wizard', () => {
  const userArn = 'arn:aws:iam::123456789012:user/django-media'

  it('keep every foreign statement as it was, add ours once at the end, and only refuse what is not a policy', () => {
    fc.assert(
      fc.property(existingPolicy, (existing) => {
        let merged
        try {
          merged = mergeBucketPolicy(existing, cubetaStatements('media', userArn))
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadablePolicyError)
          // Refused only when it is not JSON, not an object, or its Statement has no known shape.
          let document: unknown
          try {
            document = JSON.parse(existing as string)
          } catch {
            return
          }
          const statement = (document as { Statement?: unknown } | null)?.Statement
          const readable = typeof document === 'object' && document !== null && !Array.isArray(document) && (statement === undefined || (typeof statement === 'object' && statement !== null))
          expect(readable, existing ?? '').toBe(false)
          return
        }
        expect(merged.Version).toBe('2012-10-17')
        expect(JSON.parse(JSON.stringify(merged))).toEqual(merged)
        const parsed = existing ? (JSON.parse(existing) as { Statement?: unknown; Id?: unknown } | null) : null
        const raw = parsed && typeof parsed === 'object' ? parsed.Statement : undefined
        const before = (Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? [raw] : []) as PolicyStatement[]
        const foreign = before.filter((s) => !(s && typeof s === 'object' && (s.Sid === publicReadSid || s.Sid === userAccessSid)))
        expect(merged.Statement.slice(0, foreign.length)).toEqual(foreign)
        expect(merged.Statement.slice(foreign.length).map((s) => s.Sid)).toEqual([publicReadSid, userAccessSid])
        if (parsed && typeof parsed === 'object' && typeof parsed.Id === 'string') expect(merged.Id).toBe(parsed.Id)
      }),
      runs,
    )
  })

  it('never let an anonymous visitor list the bucket unless the existing policy already did', () => {
    fc.assert(
      fc.property(existingPolicy, (existing) => {
        let merged
        try {
          merged = mergeBucketPolicy(existing, cubetaStatements('media', userArn))
        } catch {
          return
        }
        const before = existing ? (JSON.parse(existing) as unknown) : { Statement: [] }
        // Listable afterwards only if it was listable before (replacing a foreign statement
        // that reused our Sid may even close it).
        if (anonymousMayList(merged, 'media')) expect(anonymousMayList(before, 'media')).toBe(true)
        // What it adds for "*" is reading objects, and nothing on the bucket itself.
        expect(anonymousMayDo(merged, 's3:GetObject', 'arn:aws:s3:::media/any/key.png')).toBe(true)
        expect(anonymousMayDo({ Statement: cubetaStatements('media', userArn) }, 's3:PutObject', 'arn:aws:s3:::media/x')).toBe(false)
      }),
      runs,
    )
  })

  it('grant nothing outside the bucket, for any bucket name and user', () => {
    const userArnArb = fc.stringMatching(/^arn:aws:iam::\d{12}:user\/[\w+=,.@-]{1,64}$/)
    fc.assert(
      fc.property(validBucket, fc.option(userArnArb, { nil: null }), (bucket, arn) => {
        const statements = cubetaStatements(bucket, arn)
        expect(anonymousMayList({ Statement: statements }, bucket)).toBe(false)
        for (const statement of [...statements, ...leastPrivilegeUserPolicy(bucket).Statement]) {
          for (const resource of [statement.Resource].flat()) expect(resource).toMatch(new RegExp(`^arn:aws:s3:::${bucket.replace(/\./g, '\\.')}(/\\*)?$`))
        }
      }),
      runs,
    )
  })

  it('regressions: a null statement is kept, a policy that is not an object is refused, not crashed on', () => {
    expect(mergeBucketPolicy(JSON.stringify({ Statement: [null, 7] }), []).Statement).toEqual([null, 7])
    for (const odd of ['null', '[]', '"text"', '{"Statement":"abc"}']) expect(() => mergeBucketPolicy(odd, []), odd).toThrow(UnreadablePolicyError)
  })

  it('the evaluator itself sees a listing grant when there is one', () => {
    expect(anonymousMayList({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:List*', Resource: 'arn:aws:s3:::media' }] }, 'media')).toBe(true)
    expect(anonymousMayList({ Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*' } }, 'media')).toBe(true)
    expect(anonymousMayList({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }] }, 'media')).toBe(false)
  })
})
