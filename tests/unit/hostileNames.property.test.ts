import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { awsRegions, isAwsRegion } from '../../src-main/contract/rules/regions'
import { bucketNameProblems, bucketNameWarnings } from '../../src-main/contract/rules/bucketNameRule'
import { endpointProblem, normalizeEndpoint } from '../../src-main/contract/rules/endpointRule'
import { iamUserNameProblems } from '../../src-main/contract/rules/iamUserNameRule'
import { objectUrl } from '../../src-main/contract/rules/publicUrl'
import { anyText, objectKey, validBucket, awsRegion } from '../support/hostileInput'

/**
 * Hostile input, by property: bucket and IAM names, endpoints and regions
 *
 * Names, keys, endpoints, regions and policies come from users, from other accounts'
 * uploads and from other tools' policies. Whatever arrives, the validators must answer
 * (never throw), agree with an independent statement of the rule, and the URL builders
 * must give back exactly the key they were handed. Runs are modest (2 cores, whole suite
 * well under a minute); a failure prints the shrunk counterexample and its seed.
 */
const runs = { numRuns: 300 }

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
