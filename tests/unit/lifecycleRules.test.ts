import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { callSchemas } from '../../src-main/contract/bridge'
import { formOf, lifecycleKinds, lifecycleProblems, ruleFromForm, transitionClasses } from '../../src-main/contract/rules/bucketSettings/lifecycleRules'

const form = fc.record({
  kind: fc.constantFrom(...lifecycleKinds),
  prefix: fc.constantFrom('', 'logs/', 'media/fotos/'),
  days: fc.integer({ min: 30, max: 3650 }),
  storageClass: fc.constantFrom(...transitionClasses),
})

describe('lifecycle rules', () => {
  it('every rule the form makes passes S3’s checks and reads back as the same form', () => {
    fc.assert(
      fc.property(form, (f) => {
        const rule = ruleFromForm(f, [])
        expect(lifecycleProblems([rule])).toEqual([])
        expect(formOf(rule)).toEqual({ kind: f.kind, prefix: f.prefix, days: f.days, storageClass: f.kind === 'transition' ? f.storageClass : null, enabled: true })
      }),
    )
  })

  it('gives a second rule of the same kind its own ID', () => {
    const f = { kind: 'abort-incomplete' as const, prefix: '', days: 7, storageClass: 'GLACIER' as const }
    const first = ruleFromForm(f, [])
    expect(ruleFromForm(f, [first.ID as string]).ID).not.toBe(first.ID)
  })

  it('leaves a rule the form can’t show to JSON: tags, two actions, a size filter', () => {
    expect(formOf({ ID: 'x', Status: 'Enabled', Filter: { Tag: { Key: 'a', Value: 'b' } }, Expiration: { Days: 3 } })).toBe(null)
    expect(formOf({ ID: 'x', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 3 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })).toBe(null)
    expect(formOf({ ID: 'x', Status: 'Enabled', Filter: { ObjectSizeGreaterThan: 10 }, Expiration: { Days: 3 } })).toBe(null)
  })

  it('names what S3 would refuse', () => {
    const ok = { ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 3 } }
    const codes = (rules: unknown) => lifecycleProblems(rules).map((p) => `${p.rule}:${p.code}`)
    expect(codes([ok, ok])).toEqual(['2:lifecycle-duplicate-id'])
    expect(codes([{ ...ok, Status: 'On' }])).toEqual(['1:lifecycle-bad-status'])
    expect(codes([{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' } }])).toEqual(['1:lifecycle-no-action'])
    expect(codes([{ ...ok, Expiration: { Days: 0 } }])).toEqual(['1:lifecycle-bad-field'])
    expect(codes([{ ...ok, Filter: { Prefix: '', Extra: 1 } }])).toEqual(['1:lifecycle-unknown-field', '1:lifecycle-bad-field'])
    expect(codes([{ ...ok, Filter: undefined }].map(({ Filter: _, ...rest }) => rest))).toEqual(['1:lifecycle-bad-field'])
    expect(codes([{ ...ok, ID: undefined }].map(({ ID: _, ...rest }) => rest))).toEqual(['1:lifecycle-bad-id'])
    expect(codes([{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 10, StorageClass: 'STANDARD_IA' }] }])).toEqual(['1:lifecycle-too-soon'])
    expect(codes([{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 10, StorageClass: 'TAPE' }] }])).toEqual(['1:lifecycle-bad-class'])
  })

  it('main side refuses what the rule refuses, and never throws on any JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (rules) => {
        const parsed = callSchemas['bucketSettings/setLifecycle'].safeParse({ profileId: 'p1', bucket: 'b-1', rules })
        expect(parsed.success).toBe(lifecycleProblems(rules).length === 0)
      }),
    )
  })
})
