import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cubetaSids, cubetaStatements, djangoBucketActions, djangoObjectActions, leastPrivilegeUserPolicy, mergeBucketPolicy, UnreadablePolicyError, type PolicyStatement } from '../../src-main/contract/rules/bucketPolicy'
import { anonymousMayDo, anonymousMayList } from '../support/policyEvaluator'
import { validBucket } from '../support/hostileInput'

/**
 * Hostile input, by property: bucket policies merged by the wizard
 *
 * Names, keys, endpoints, regions and policies come from users, from other accounts'
 * uploads and from other tools' policies. Whatever arrives, the validators must answer
 * (never throw), agree with an independent statement of the rule, and the URL builders
 * must give back exactly the key they were handed. Runs are modest (2 cores, whole suite
 * well under a minute); a failure prints the shrunk counterexample and its seed.
 */
const runs = { numRuns: 300 }

// ---- Policies ----

/** Statements other tools and people write: other Sids, Deny, conditions, NotPrincipal, odd shapes. */
const foreignStatement: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      Sid: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...cubetaSids)),
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
  const access = fc.constantFrom('least-privilege' as const, 's3-full-access' as const)

  it('keep every foreign statement as it was, add ours once at the end, and only refuse what is not a policy', () => {
    fc.assert(
      fc.property(existingPolicy, access, (existing, choice) => {
        const ours = cubetaStatements('media', userArn, choice)
        let merged
        try {
          merged = mergeBucketPolicy(existing, ours)
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
        const foreign = before.filter((s) => !(s && typeof s === 'object' && cubetaSids.includes(s.Sid as string)))
        expect(merged.Statement.slice(0, foreign.length)).toEqual(foreign)
        expect(merged.Statement.slice(foreign.length)).toEqual(ours)
        if (parsed && typeof parsed === 'object' && typeof parsed.Id === 'string') expect(merged.Id).toBe(parsed.Id)
      }),
      runs,
    )
  })

  it('never let an anonymous visitor list the bucket unless the existing policy already did', () => {
    fc.assert(
      fc.property(existingPolicy, access, (existing, choice) => {
        let merged
        try {
          merged = mergeBucketPolicy(existing, cubetaStatements('media', userArn, choice))
        } catch {
          return
        }
        const before = existing ? (JSON.parse(existing) as unknown) : { Statement: [] }
        // Listable afterwards only if it was listable before (replacing a foreign statement
        // that reused our Sid may even close it).
        if (anonymousMayList(merged, 'media')) expect(anonymousMayList(before, 'media')).toBe(true)
        // What it adds for "*" is reading objects, and nothing on the bucket itself.
        expect(anonymousMayDo(merged, 's3:GetObject', 'arn:aws:s3:::media/any/key.png')).toBe(true)
        expect(anonymousMayDo({ Statement: cubetaStatements('media', userArn, choice) }, 's3:PutObject', 'arn:aws:s3:::media/x')).toBe(false)
      }),
      runs,
    )
  })

  it('grant nothing outside the bucket, for any bucket name and user', () => {
    const userArnArb = fc.stringMatching(/^arn:aws:iam::\d{12}:user\/[\w+=,.@-]{1,64}$/)
    fc.assert(
      fc.property(validBucket, fc.option(userArnArb, { nil: null }), access, (bucket, arn, choice) => {
        const statements = cubetaStatements(bucket, arn, choice)
        expect(anonymousMayList({ Statement: statements }, bucket)).toBe(false)
        for (const statement of [...statements, ...leastPrivilegeUserPolicy(bucket).Statement]) {
          for (const resource of [statement.Resource].flat()) expect(resource).toMatch(new RegExp(`^arn:aws:s3:::${bucket.replace(/\./g, '\\.')}(/\\*)?$`))
        }
      }),
      runs,
    )
  })

  it('with least privilege, name for the user no action beyond what Django needs, in neither policy, whatever was there before', () => {
    const allowed = new Set([...djangoBucketActions, ...djangoObjectActions])
    fc.assert(
      fc.property(validBucket, existingPolicy, (bucket, existing) => {
        let merged
        try {
          merged = mergeBucketPolicy(existing, cubetaStatements(bucket, userArn, 'least-privilege'))
        } catch {
          return
        }
        const forUser = merged.Statement.filter((s) => typeof s?.Sid === 'string' && cubetaSids.includes(s.Sid) && s.Principal !== '*')
        expect(forUser.length).toBeGreaterThan(0)
        for (const statement of [...forUser, ...leastPrivilegeUserPolicy(bucket).Statement]) {
          for (const action of [statement.Action].flat()) expect(allowed.has(action as string), String(action)).toBe(true)
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
