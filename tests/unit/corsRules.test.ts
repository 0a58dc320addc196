import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callSchemas } from '../../src-main/contract/bridge'
import { corsProblems } from '../../src-main/contract/rules/bucketSettings/corsRules'

const rule = { AllowedOrigins: ['https://example.com'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], MaxAgeSeconds: 3000 }
const setCors = (rules: unknown) =>
  callSchemas['bucketSettings/setCors'].safeParse({ profileId: 'p1', bucket: 'my-bucket', rules })

describe('CORS rules', () => {
  it('passes a rule in S3 shape through unchanged', () => {
    const parsed = setCors([rule])
    expect(parsed.success && parsed.data.rules).toEqual([rule])
  })

  it('names what S3 would refuse, by rule', () => {
    expect(corsProblems([rule, { AllowedOrigins: ['*'], AllowedMethods: ['PATCH'] }])).toEqual([{ code: 'cors-bad-method', rule: 2, detail: 'PATCH' }])
    expect(corsProblems([{ AllowedMethods: ['GET'] }]).map((p) => p.code)).toEqual(['cors-no-origins'])
    expect(corsProblems([{ ...rule, AllowedOrigins: ['https://*.*.example.com'] }]).map((p) => p.code)).toEqual(['cors-two-wildcards'])
  })

  it('answers a value JSON cannot write with a problem, not a crash', () => {
    expect(corsProblems([{ AllowedOrigins: ['*'], AllowedMethods: [10n] }]).map((p) => p.code)).toEqual(['cors-not-text'])
  })

  it('refuses a field S3 does not know, even one JSON spells __proto__', () => {
    // JSON.parse makes "__proto__" an own field; a copying schema would turn it into a prototype and hide it.
    const hostile = JSON.parse('[{"AllowedOrigins":["*"],"AllowedMethods":["GET"],"__proto__":{"a":1}}]') as unknown[]
    expect(setCors(hostile).success).toBe(false)
  })

  it('refuses every unknown field name, and what passes carries only the known ones', () => {
    const known = new Set(Object.keys(rule).concat('ID', 'ExposeHeaders'))
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !known.has(name)), fc.jsonValue(), (name, value) => {
        const extra = JSON.parse(`[${JSON.stringify({ ...rule }).slice(0, -1)},${JSON.stringify(name)}:${JSON.stringify(value ?? null)}}]`) as unknown[]
        expect(setCors(extra).success).toBe(false)
      }),
    )
    const parsed = setCors([{ ...rule }])
    expect(parsed.success && Object.getPrototypeOf(parsed.data.rules[0])).toBe(Object.prototype)
  })
})
