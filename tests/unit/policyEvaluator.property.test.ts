import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cubetaStatements, mergeBucketPolicy } from '../../src-main/contract/rules/bucketPolicy'
import { inCidr, judgeConditions, parseIp, type ConditionContext } from '../../src-main/contract/rules/policyConditions'
import { evaluatePolicy, patternMatches, type PolicyRequest } from '../../src-main/contract/rules/policyEvaluator'

const runs = { numRuns: 300 }
const anonymous = { kind: 'anonymous' } as const
const getObject = (key: string, context?: ConditionContext): PolicyRequest => ({ principal: anonymous, action: 's3:GetObject', resource: `arn:aws:s3:::media/${key}`, ...(context ? { context } : {}) })
/** A visitor's browser: https, no Referer, no VPC endpoint, an IP Cubeta can't know. */
const visitor: ConditionContext = (key) => {
  const k = key.toLowerCase()
  if (k === 'aws:securetransport') return ['true']
  if (k === 'aws:referer' || k === 'aws:sourcevpce' || k === 'aws:principalaccount') return 'absent'
  return 'unknown'
}
const publicRead = { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }

describe('the policy evaluator, by example', () => {
  it('lets the wizard’s policy serve objects to anyone, but not list or write', () => {
    const policy = mergeBucketPolicy(null, cubetaStatements('media', 'arn:aws:iam::123456789012:user/ana', 'least-privilege'))
    const read = evaluatePolicy(policy, getObject('fotos/año 2024/niño+1.png'))
    expect(read.decision).toBe('allow')
    expect(read.deciding?.sid).toBe('CubetaPublicReadObjects')
    expect(evaluatePolicy(policy, { principal: anonymous, action: 's3:ListBucket', resource: 'arn:aws:s3:::media' }).decision).toBe('implicit-deny')
    expect(evaluatePolicy(policy, { principal: anonymous, action: 's3:PutObject', resource: 'arn:aws:s3:::media/x' }).decision).toBe('implicit-deny')
  })

  it('says nothing allows it when the policy has no public statement, or is not a policy', () => {
    const partner = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }
    expect(evaluatePolicy({ Statement: [partner] }, getObject('a.png'))).toMatchObject({ decision: 'implicit-deny', deciding: null, relevant: [] })
    for (const junk of [null, 7, 'text', [], { Statement: 'x' }, { Statement: [null, 3, { Effect: 'Maybe' }] }]) expect(evaluatePolicy(junk, getObject('a')).decision).toBe('implicit-deny')
  })

  it('lets an explicit Deny win wherever it is, and names it', () => {
    const deny = { Sid: 'NoDrafts', Effect: 'Deny', Principal: '*', Action: 's3:Get*', Resource: 'arn:aws:s3:::media/drafts/*' }
    const policy = { Statement: [publicRead, deny] }
    expect(evaluatePolicy(policy, getObject('drafts/a.png'))).toMatchObject({ decision: 'deny', deciding: { sid: 'NoDrafts', index: 1 } })
    expect(evaluatePolicy(policy, getObject('public/a.png')).deciding?.sid).toBe('Public')
  })

  it('reads NotPrincipal, NotAction and NotResource as IAM does', () => {
    // "Everyone but the partner account" includes anonymous visitors.
    const notPartner = { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }
    expect(evaluatePolicy({ Statement: [publicRead, notPartner] }, getObject('a')).decision).toBe('deny')
    expect(evaluatePolicy({ Statement: [publicRead, { ...notPartner, NotPrincipal: { AWS: '*' } }] }, getObject('a')).decision).toBe('allow')
    const allButDelete = { Effect: 'Allow', Principal: '*', NotAction: 's3:DeleteObject', Resource: 'arn:aws:s3:::media/*' }
    expect(evaluatePolicy({ Statement: [allButDelete] }, getObject('a')).decision).toBe('allow')
    expect(evaluatePolicy({ Statement: [allButDelete] }, { ...getObject('a'), action: 's3:DeleteObject' }).decision).toBe('implicit-deny')
    const exceptPrivate = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::media/private/*' }
    expect(evaluatePolicy({ Statement: [exceptPrivate] }, getObject('x.png')).decision).toBe('allow')
    expect(evaluatePolicy({ Statement: [exceptPrivate] }, getObject('private/x.png')).decision).toBe('implicit-deny')
  })

  it('matches actions without case and resources with case, * and ? as wildcards', () => {
    const statement = (Action: string, Resource: string) => ({ Statement: { Effect: 'Allow', Principal: { AWS: ['arn:x', '*'] }, Action, Resource } })
    expect(evaluatePolicy(statement('S3:getobj?ct', 'arn:aws:s3:::media/*.png'), getObject('a/b.png')).decision).toBe('allow')
    expect(evaluatePolicy(statement('s3:GetObject', 'arn:aws:s3:::media/*.png'), getObject('a/b.PNG')).decision).toBe('implicit-deny')
    expect(evaluatePolicy(statement('s3:*', 'arn:aws:s3:::Media/*'), getObject('a')).decision).toBe('implicit-deny')
  })

  it('denies plain http with aws:SecureTransport, and allows https', () => {
    const httpsOnly = { Sid: 'HttpsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::media', 'arn:aws:s3:::media/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }
    const policy = { Statement: [publicRead, httpsOnly] }
    const over = (scheme: string): ConditionContext => (key) => (key.toLowerCase() === 'aws:securetransport' ? [scheme === 'https' ? 'true' : 'false'] : visitor(key))
    expect(evaluatePolicy(policy, getObject('a', over('http')))).toMatchObject({ decision: 'deny', deciding: { sid: 'HttpsOnly' } })
    expect(evaluatePolicy(policy, getObject('a', over('https'))).decision).toBe('allow')
  })

  it('refuses a visit with no Referer under hot-link protection, and allows the site’s pages', () => {
    const fromSite = { Sid: 'FromSite', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*', Condition: { StringLike: { 'aws:Referer': ['https://blog.example/*'] } } }
    const direct = evaluatePolicy({ Statement: [fromSite] }, getObject('a', visitor))
    expect(direct.decision).toBe('implicit-deny')
    expect(direct.relevant[0]).toMatchObject({ sid: 'FromSite', applies: 'false', conditions: [{ key: 'aws:Referer', result: 'false' }] })
    const fromPage: ConditionContext = (key) => (key.toLowerCase() === 'aws:referer' ? ['https://blog.example/post/1'] : visitor(key))
    expect(evaluatePolicy({ Statement: [fromSite] }, getObject('a', fromPage)).decision).toBe('allow')
  })

  it('says "depends" for the visitor’s IP address, which Cubeta can’t know', () => {
    const office = { Sid: 'Office', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }
    expect(evaluatePolicy({ Statement: [office] }, getObject('a', visitor))).toMatchObject({ decision: 'depends', deciding: { sid: 'Office' } })
    const notOffice = { Sid: 'OnlyOffice', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } } }
    expect(evaluatePolicy({ Statement: [publicRead, notOffice] }, getObject('a', visitor))).toMatchObject({ decision: 'depends', deciding: { sid: 'OnlyOffice' } })
    const at = (ip: string): ConditionContext => (key) => (key.toLowerCase() === 'aws:sourceip' ? [ip] : visitor(key))
    expect(evaluatePolicy({ Statement: [publicRead, notOffice] }, getObject('a', at('203.0.113.9'))).decision).toBe('allow')
    expect(evaluatePolicy({ Statement: [publicRead, notOffice] }, getObject('a', at('2001:db8:1::5'))).decision).toBe('allow')
    expect(evaluatePolicy({ Statement: [publicRead, notOffice] }, getObject('a', at('198.51.100.1'))).decision).toBe('deny')
  })

  it('refuses internet visitors where a VPC endpoint or the account is required', () => {
    const vpceOnly = { Sid: 'VpceOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::media/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }
    expect(evaluatePolicy({ Statement: [publicRead, vpceOnly] }, getObject('a', visitor))).toMatchObject({ decision: 'deny', deciding: { sid: 'VpceOnly' } })
    const viaVpce = { ...publicRead, Condition: { StringEquals: { 'aws:sourcevpce': 'vpce-1a2b3c4d' } } }
    expect(evaluatePolicy({ Statement: [viaVpce] }, getObject('a', visitor)).decision).toBe('implicit-deny')
    // "Deny everyone outside my account": a visitor has no account, so both forms refuse it.
    const ownAccount = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': '123456789012' } } }
    expect(evaluatePolicy({ Statement: [publicRead, ownAccount] }, getObject('a', visitor)).decision).toBe('deny')
    expect(evaluatePolicy({ Statement: [publicRead, { ...ownAccount, Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': '123456789012' } } }] }, getObject('a', visitor)).decision).toBe('deny')
    expect(evaluatePolicy({ Statement: [publicRead, { ...ownAccount, Condition: { StringEquals: { 'aws:PrincipalAccount': '999999999999' } } }] }, getObject('a', visitor)).decision).toBe('allow')
  })

  it('reads policy variables: ${*} is a literal star, an unresolvable variable names nothing', () => {
    expect(patternMatches('arn:aws:s3:::media/${*}.png', 'arn:aws:s3:::media/*.png', false)).toBe(true)
    expect(patternMatches('arn:aws:s3:::media/${*}.png', 'arn:aws:s3:::media/a.png', false)).toBe(false)
    expect(patternMatches('arn:aws:s3:::media/${aws:username}/*', 'arn:aws:s3:::media/ana/a', false)).toBe(false)
  })
})

describe('condition operators', () => {
  const ctx = (values: Record<string, readonly string[] | 'absent' | 'unknown'>): ConditionContext => (key) => values[key.toLowerCase()] ?? 'absent'
  const judge = (block: unknown, values: Record<string, readonly string[] | 'absent' | 'unknown'>) => judgeConditions(block, ctx(values)).result

  it('follows IAM for absent keys: positive false, negated true, IfExists true, Null tests it', () => {
    expect(judge({ StringEquals: { 'aws:Referer': 'x' } }, {})).toBe('false')
    expect(judge({ StringNotEquals: { 'aws:Referer': 'x' } }, {})).toBe('true')
    expect(judge({ StringEqualsIfExists: { 'aws:Referer': 'x' } }, {})).toBe('true')
    expect(judge({ Null: { 'aws:Referer': 'true' } }, {})).toBe('true')
    expect(judge({ Null: { 'aws:Referer': 'false' } }, {})).toBe('false')
    expect(judge({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, {})).toBe('true')
    expect(judge({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, {})).toBe('false')
  })

  it('ANDs keys and operators, ORs the values of one key', () => {
    const block = { StringLike: { 'aws:referer': ['https://a/*', 'https://b/*'] }, Bool: { 'aws:SecureTransport': true } }
    expect(judge(block, { 'aws:referer': ['https://b/x'], 'aws:securetransport': ['true'] })).toBe('true')
    expect(judge(block, { 'aws:referer': ['https://c/x'], 'aws:securetransport': ['true'] })).toBe('false')
    expect(judge(block, { 'aws:referer': ['https://a/x'], 'aws:securetransport': 'unknown' })).toBe('unknown')
    expect(judge(block, { 'aws:referer': ['https://c/x'], 'aws:securetransport': 'unknown' })).toBe('false')
  })

  it('compares numbers, dates, case-insensitive strings and ARNs; unknown operators stay unknown', () => {
    expect(judge({ NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': ['5'] })).toBe('true')
    expect(judge({ DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, { 'aws:currenttime': ['2024-05-01T00:00:00Z'] })).toBe('true')
    expect(judge({ StringEqualsIgnoreCase: { 'aws:UserAgent': 'CURL' } }, { 'aws:useragent': ['curl'] })).toBe('true')
    expect(judge({ ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*:distribution/*' } }, { 'aws:sourcearn': ['arn:aws:cloudfront::1:distribution/E1'] })).toBe('true')
    expect(judge({ StringFancy: { 'aws:Referer': 'x' } }, { 'aws:referer': ['x'] })).toBe('unknown')
    expect(judge('not a block', {})).toBe('unknown')
  })

  it('reads IPv4 and IPv6 addresses and blocks', () => {
    expect(parseIp('::ffff:192.0.2.1')?.slice(10)).toEqual([255, 255, 192, 0, 2, 1])
    expect(parseIp('2001:db8::1')).toHaveLength(16)
    for (const bad of ['256.1.1.1', '1.2.3', ':::', '2001:db8::1::2', 'g::1', '']) expect(parseIp(bad), bad).toBeNull()
    expect(inCidr('10.1.2.3', '10.0.0.0/8')).toBe(true)
    expect(inCidr('11.1.2.3', '10.0.0.0/8')).toBe(false)
    expect(inCidr('10.1.2.3', '10.1.2.3')).toBe(true)
    expect(inCidr('10.1.2.3', '::/0')).toBe(false)
    expect(inCidr('x', '10.0.0.0/8')).toBeNull()
  })
})

// ---- Properties ----

const action = fc.constantFrom('s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:DeleteObject', 's3:GetObjectVersion')
const actionPattern = fc.oneof(action, fc.constantFrom('*', 's3:*', 's3:Get*', 's3:get?bject', 'S3:GETOBJECT', 'iam:*'))
const keyArb = fc.stringMatching(/^[a-z/.]{1,8}$/)
const resourcePattern = fc.oneof(
  fc.constantFrom('*', 'arn:aws:s3:::media', 'arn:aws:s3:::media/*', 'arn:aws:s3:::media/private/*', 'arn:aws:s3:::other/*', 'arn:aws:s3:::media/*.png'),
  keyArb.map((k) => `arn:aws:s3:::media/${k}`),
)
const principal = fc.constantFrom<unknown>('*', { AWS: '*' }, { AWS: ['arn:aws:iam::1:root', '*'] }, { AWS: 'arn:aws:iam::1:root' }, { Service: 'cloudfront.amazonaws.com' })
const conditionArb = fc.constantFrom<unknown>(
  undefined,
  { Bool: { 'aws:SecureTransport': 'false' } },
  { StringLike: { 'aws:Referer': 'https://blog.example/*' } },
  { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } },
  { Null: { 'aws:Referer': 'true' } },
)
const statementArb = fc
  .record({
    effect: fc.constantFrom('Allow', 'Deny'),
    principal,
    notPrincipal: fc.boolean(),
    actions: fc.array(actionPattern, { minLength: 1, maxLength: 3 }),
    notAction: fc.boolean(),
    resources: fc.array(resourcePattern, { minLength: 1, maxLength: 3 }),
    notResource: fc.boolean(),
    condition: conditionArb,
    sid: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { nil: undefined }),
  })
  .map((s) => ({
    ...(s.sid ? { Sid: s.sid } : {}),
    Effect: s.effect,
    [s.notPrincipal ? 'NotPrincipal' : 'Principal']: s.principal,
    [s.notAction ? 'NotAction' : 'Action']: s.actions.length === 1 ? s.actions[0] : s.actions,
    [s.notResource ? 'NotResource' : 'Resource']: s.resources.length === 1 ? s.resources[0] : s.resources,
    ...(s.condition ? { Condition: s.condition } : {}),
  }))
const policyArb = fc.array(statementArb, { maxLength: 6 }).map((Statement) => ({ Version: '2012-10-17', Statement }))
const contextValues = fc.record({
  secure: fc.constantFrom(['true'], ['false'], 'unknown' as const),
  referer: fc.constantFrom<readonly string[] | 'absent' | 'unknown'>('absent', ['https://blog.example/p'], ['https://other.example/'], 'unknown'),
  ip: fc.constantFrom<readonly string[] | 'unknown'>('unknown', ['203.0.113.7'], ['198.51.100.1']),
  vpce: fc.constantFrom<readonly string[] | 'absent'>('absent', ['vpce-1'], ['vpce-2']),
})
type ContextValues = { secure: readonly string[] | 'unknown'; referer: readonly string[] | 'absent' | 'unknown'; ip: readonly string[] | 'unknown'; vpce: readonly string[] | 'absent' }
const contextOf = (v: ContextValues): ConditionContext => (key) =>
  ({ 'aws:securetransport': v.secure, 'aws:referer': v.referer, 'aws:sourceip': v.ip, 'aws:sourcevpce': v.vpce })[key.toLowerCase()] ?? 'unknown'
const requestArb = fc.record({ action, key: keyArb, context: contextValues }).map(
  (r): PolicyRequest => ({ principal: anonymous, action: r.action, resource: `arn:aws:s3:::media/${r.key}`, context: contextOf(r.context) }),
)
const denyAll: Record<string, unknown> = { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }
const allowAll: Record<string, unknown> = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }

describe('the policy evaluator, by property', () => {
  it('never throws, and always names a deciding statement that applies (or none for an implicit deny)', () => {
    fc.assert(
      fc.property(fc.oneof(policyArb, fc.anything()), requestArb, (policy, request) => {
        const result = evaluatePolicy(policy, request)
        if (result.decision === 'implicit-deny') expect(result.deciding).toBeNull()
        else expect(result.deciding).not.toBeNull()
        if (result.decision === 'allow') expect(result.deciding).toMatchObject({ effect: 'Allow', applies: 'true' })
        if (result.decision === 'deny') expect(result.deciding).toMatchObject({ effect: 'Deny', applies: 'true' })
        if (result.decision === 'depends') expect(result.deciding?.applies).toBe('unknown')
      }),
      runs,
    )
  })

  it('lets an unconditional Deny win, wherever it stands', () => {
    fc.assert(
      fc.property(policyArb, requestArb, fc.nat(), (policy, request, at) => {
        const statements: unknown[] = [...policy.Statement]
        statements.splice(at % (statements.length + 1), 0, denyAll)
        const result = evaluatePolicy({ Statement: statements }, request)
        expect(result.decision).toBe('deny')
      }),
      runs,
    )
  })

  it('does not depend on the order of the statements', () => {
    fc.assert(
      fc.property(policyArb, requestArb, fc.array(fc.nat()), (policy, request, order) => {
        const shuffled = [...policy.Statement]
        order.forEach((n, i) => {
          const j = n % shuffled.length
          if (shuffled.length > 0) [shuffled[i % shuffled.length], shuffled[j]] = [shuffled[j]!, shuffled[i % shuffled.length]!]
        })
        expect(evaluatePolicy({ Statement: shuffled }, request).decision).toBe(evaluatePolicy(policy, request).decision)
      }),
      runs,
    )
  })

  it('never takes away with an Allow: adding one keeps allow and deny as they were', () => {
    fc.assert(
      fc.property(policyArb, requestArb, (policy, request) => {
        const before = evaluatePolicy(policy, request).decision
        const after = evaluatePolicy({ Statement: [...policy.Statement, allowAll] }, request).decision
        if (before === 'allow') expect(after).toBe('allow')
        if (before === 'deny') expect(after).toBe('deny')
        if (before === 'implicit-deny') expect(['allow', 'depends']).toContain(after)
      }),
      runs,
    )
  })

  it('never guesses: a sure answer with an unknown value stays the same answer for every known value', () => {
    const granted = (decision: string) => decision === 'allow'
    fc.assert(
      fc.property(policyArb, action, keyArb, contextValues, (policy, act, key, known) => {
        const resource = `arn:aws:s3:::media/${key}`
        const unknownIp = evaluatePolicy(policy, { principal: anonymous, action: act, resource, context: contextOf({ ...known, ip: 'unknown' }) })
        const concrete = evaluatePolicy(policy, { principal: anonymous, action: act, resource, context: contextOf(known) })
        if (unknownIp.decision !== 'depends') expect(granted(concrete.decision)).toBe(granted(unknownIp.decision))
      }),
      runs,
    )
  })

  it('treats a lone Statement object like a list of one, and Action/NotAction as complements', () => {
    fc.assert(
      fc.property(statementArb, requestArb, (statement, request) => {
        expect(evaluatePolicy({ Statement: statement }, request).decision).toBe(evaluatePolicy({ Statement: [statement] }, request).decision)
        const { Action, NotAction, ...rest } = statement as Record<string, unknown>
        const actions = Action ?? NotAction
        const positive = evaluatePolicy({ Statement: [{ ...rest, Action: actions }] }, request).relevant.length
        const negative = evaluatePolicy({ Statement: [{ ...rest, NotAction: actions }] }, request).relevant.length
        const otherwise = evaluatePolicy({ Statement: [{ ...rest, Action: '*' }] }, request).relevant.length
        expect(positive + negative).toBe(otherwise)
      }),
      runs,
    )
  })

  it('matches a key against itself and against *, and a different key never', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, other) => {
        const exact = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::media/${key.replace(/[*?$]/g, '')}` }
        const clean = key.replace(/[*?$]/g, '')
        expect(evaluatePolicy({ Statement: [exact] }, getObject(clean)).decision).toBe('allow')
        expect(evaluatePolicy({ Statement: [{ ...exact, Resource: 'arn:aws:s3:::media/*' }] }, getObject(other)).decision).toBe('allow')
        if (other !== clean) expect(evaluatePolicy({ Statement: [exact] }, getObject(other)).decision).toBe('implicit-deny')
      }),
      runs,
    )
  })
})
