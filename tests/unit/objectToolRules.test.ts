import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyTagChange, tagProblems, type ObjectTag } from '../../src-main/contract/rules/objectTools/tagRules'
import { metadataBytes, metadataProblems, metadataRecord, normalizeMetadataName } from '../../src-main/contract/rules/objectTools/metadataRules'
import { archiveOf, isArchived, parseRestoreHeader, restoreTakesDays, restoreTiersFor } from '../../src-main/contract/rules/objectTools/storageClassRules'
import { callSchemas } from '../../src-main/contract/bridge'

const codes = (tags: ObjectTag[]) => tagProblems(tags).map((p) => p.code)
const tag = (key: string, value = '') => ({ key, value })

describe('object tags, as S3 would check them', () => {
  it('accepts letters of any script, digits, spaces and + - = . _ : / @', () => {
    expect(codes([tag('proyecto', 'año 2024'), tag('ruta/a:b', 'x+y=z@w.v_u-t'), tag('名前', '')])).toEqual([])
  })

  it('counts key and value lengths in UTF-16 units: 128 and 256 pass, one more fails', () => {
    expect(codes([tag('k'.repeat(128), 'v'.repeat(256))])).toEqual([])
    expect(codes([tag('k'.repeat(129))])).toEqual(['tag-key-too-long'])
    expect(codes([tag('k', 'v'.repeat(257))])).toEqual(['tag-value-too-long'])
    // Each emoji is two UTF-16 units, so 64 of them fill a key.
    expect(codes([tag('😀'.repeat(65))])).toEqual(['tag-key-too-long'])
  })

  it('refuses an empty key, an aws: prefix in any case, a repeated key and an eleventh tag', () => {
    expect(codes([tag('')])).toEqual(['tag-key-empty'])
    expect(codes([tag('AWS:created')])).toEqual(['tag-aws-prefix'])
    expect(codes([tag('env', 'a'), tag('env', 'b')])).toEqual(['tag-duplicate-key'])
    // Tag keys are case-sensitive in S3: "Env" and "env" are two tags.
    expect(codes([tag('env'), tag('Env')])).toEqual([])
    expect(codes(Array.from({ length: 11 }, (_, i) => tag(`k${i}`)))).toEqual(['tag-too-many'])
    expect(codes(Array.from({ length: 10 }, (_, i) => tag(`k${i}`)))).toEqual([])
  })

  it('refuses characters outside the allowed set, in keys and values', () => {
    for (const bad of ['a*b', 'a,b', 'a#b', 'a\nb', 'a"b', 'a%b', '<x>']) {
      expect(codes([tag(bad)]), bad).toEqual(['tag-bad-chars'])
      expect(codes([tag('k', bad)]), bad).toEqual(['tag-bad-chars'])
    }
  })

  it('never lets a set through that breaks a limit, whatever it holds', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ñ', ' ', '*', ':', '😀', '\u0000', '/'), maxLength: 140 })
    fc.assert(
      fc.property(fc.array(fc.record({ key: text, value: text }), { maxLength: 12 }), (tags) => {
        if (tagProblems(tags).length > 0) return
        expect(tags.length).toBeLessThanOrEqual(10)
        expect(new Set(tags.map((t) => t.key)).size).toBe(tags.length)
        for (const t of tags) {
          expect(t.key.length).toBeGreaterThan(0)
          expect(t.key.length).toBeLessThanOrEqual(128)
          expect(t.value.length).toBeLessThanOrEqual(256)
          expect(t.key + t.value).not.toContain('*')
          expect(t.key + t.value).not.toContain('\u0000')
          expect(t.key.toLowerCase().startsWith('aws:')).toBe(false)
        }
      }),
    )
  })

  it('the contract refuses what the rules refuse, naming the tag', () => {
    const result = callSchemas['objects/setTags'].safeParse({ profileId: 'p', bucket: 'b', key: 'a.png', tags: [tag('ok'), tag('aws:x')] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/tag 2: .*aws:/)
    const bulk = callSchemas['objects/applyTag'].safeParse({ profileId: 'p', bucket: 'b', keys: ['a'], change: { action: 'set', key: 'x', value: 'a*b' }, operationId: 'o' })
    expect(bulk.success).toBe(false)
  })
})

describe('one tag change over an object’s tags', () => {
  const base = [tag('env', 'dev'), tag('team', 'web')]
  it('adds, replaces, removes, or says it changed nothing, keeping the other tags in order', () => {
    expect(applyTagChange(base, { action: 'set', key: 'owner', value: 'ana' })).toEqual({ tags: [...base, tag('owner', 'ana')], effect: 'added' })
    expect(applyTagChange(base, { action: 'set', key: 'env', value: 'prod' })).toEqual({ tags: [tag('env', 'prod'), tag('team', 'web')], effect: 'replaced' })
    expect(applyTagChange(base, { action: 'set', key: 'env', value: 'dev' }).effect).toBe('unchanged')
    expect(applyTagChange(base, { action: 'remove', key: 'env' })).toEqual({ tags: [tag('team', 'web')], effect: 'removed' })
    expect(applyTagChange(base, { action: 'remove', key: 'nope' }).effect).toBe('unchanged')
  })

  it('never makes an eleventh tag, and never touches another key', () => {
    const ten = Array.from({ length: 10 }, (_, i) => tag(`k${i}`, 'v'))
    expect(applyTagChange(ten, { action: 'set', key: 'new', value: 'x' })).toEqual({ tags: ten, effect: 'too-many' })
    expect(applyTagChange(ten, { action: 'set', key: 'k3', value: 'x' }).effect).toBe('replaced')
    const key = fc.constantFrom('a', 'b', 'c', 'd')
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ key, value: fc.constantFrom('1', '2') }), { selector: (t) => t.key }), key, fc.constantFrom('1', '2'), fc.boolean(), (tags, k, v, remove) => {
        const next = applyTagChange(tags, remove ? { action: 'remove', key: k } : { action: 'set', key: k, value: v })
        expect(next.tags.filter((t) => t.key !== k)).toEqual(tags.filter((t) => t.key !== k))
        expect(next.tags.length).toBeLessThanOrEqual(10)
        if (remove) expect(next.tags.some((t) => t.key === k)).toBe(false)
        else expect(next.tags.find((t) => t.key === k)?.value).toBe(v)
      }),
    )
  })
})

describe('user metadata, as S3 stores it', () => {
  it('lowercases names and drops a pasted x-amz-meta- prefix', () => {
    expect(normalizeMetadataName('  X-Amz-Meta-Autor ')).toBe('autor')
    expect(metadataRecord([{ name: 'Origen', value: 'camara' }])).toEqual({ origen: 'camara' })
  })

  it('refuses non-ASCII or spaced names, names equal but for case, and non-ASCII values', () => {
    const codesOf = (entries: { name: string; value: string }[]) => metadataProblems(entries).map((p) => p.code)
    expect(codesOf([{ name: 'año', value: 'x' }])).toEqual(['meta-name-chars'])
    expect(codesOf([{ name: 'two words', value: 'x' }])).toEqual(['meta-name-chars'])
    expect(codesOf([{ name: '', value: 'x' }])).toEqual(['meta-name-empty'])
    expect(codesOf([{ name: 'Autor', value: 'a' }, { name: 'autor', value: 'b' }])).toEqual(['meta-duplicate'])
    expect(codesOf([{ name: 'autor', value: 'José' }])).toEqual(['meta-value-chars'])
    expect(codesOf([{ name: 'autor', value: 'a\r\nX-Injected: 1' }])).toEqual(['meta-value-chars'])
    expect(codesOf([{ name: 'x-id_2.b', value: 'Plain text, with: punctuation!' }])).toEqual([])
  })

  it('counts 2 KB over every name and value: 2,048 bytes pass, 2,049 fail', () => {
    const fill = (n: number) => [{ name: 'a', value: 'v'.repeat(n - 1) }]
    expect(metadataBytes(fill(2048))).toBe(2048)
    expect(metadataProblems(fill(2048))).toEqual([])
    expect(metadataProblems(fill(2049)).map((p) => p.code)).toEqual(['meta-too-large'])
  })

  it('what passes is ASCII header text within 2 KB, whatever was typed', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', '-', ' ', 'é', '\n', ':', '_'), maxLength: 300 })
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, value: text }), { maxLength: 10 }), (entries) => {
        if (metadataProblems(entries).length > 0) return
        const record = metadataRecord(entries)
        expect(Object.keys(record)).toHaveLength(entries.length)
        for (const [name, value] of Object.entries(record)) {
          expect(name).toMatch(/^[a-z0-9_.-]+$/)
          expect(value).toMatch(/^[\x20-\x7e\t]*$/)
        }
        expect(metadataBytes(entries)).toBeLessThanOrEqual(2048)
      }),
    )
  })
})

describe('storage classes and restores', () => {
  it('only Glacier Flexible Retrieval and Deep Archive need a restore, with their own tiers', () => {
    expect(isArchived('GLACIER')).toBe(true)
    expect(isArchived('DEEP_ARCHIVE')).toBe(true)
    expect(isArchived('GLACIER_IR')).toBe(false)
    expect(isArchived(null)).toBe(false)
    expect(restoreTiersFor('GLACIER')).toEqual(['Expedited', 'Standard', 'Bulk'])
    expect(restoreTiersFor('DEEP_ARCHIVE')).toEqual(['Standard', 'Bulk'])
    expect(restoreTiersFor('GLACIER_IR')).toEqual([])
  })

  it('an Intelligent-Tiering object is archived only in an archive tier, and its restore takes no days', () => {
    expect(isArchived('INTELLIGENT_TIERING')).toBe(false)
    expect(isArchived('INTELLIGENT_TIERING', 'ARCHIVE_ACCESS')).toBe(true)
    expect(isArchived('INTELLIGENT_TIERING', 'DEEP_ARCHIVE_ACCESS')).toBe(true)
    // The header means nothing on another class, and an unknown tier is not guessed at.
    expect(isArchived('STANDARD', 'ARCHIVE_ACCESS')).toBe(false)
    expect(isArchived('INTELLIGENT_TIERING', 'FREQUENT')).toBe(false)
    expect(restoreTiersFor('INTELLIGENT_TIERING', 'ARCHIVE_ACCESS')).toEqual(['Expedited', 'Standard', 'Bulk'])
    expect(restoreTiersFor('INTELLIGENT_TIERING', 'DEEP_ARCHIVE_ACCESS')).toEqual(['Standard', 'Bulk'])
    expect(restoreTakesDays('GLACIER')).toBe(true)
    expect(restoreTakesDays('DEEP_ARCHIVE')).toBe(true)
    expect(restoreTakesDays('INTELLIGENT_TIERING', 'ARCHIVE_ACCESS')).toBe(false)
    expect(restoreTakesDays('INTELLIGENT_TIERING', 'DEEP_ARCHIVE_ACCESS')).toBe(false)
    expect(archiveOf('INTELLIGENT_TIERING', 'DEEP_ARCHIVE_ACCESS')).toBe('DEEP_ARCHIVE_ACCESS')
    expect(archiveOf('GLACIER_IR')).toBeNull()
  })

  it('reads the x-amz-restore header: in progress, or ready until a date', () => {
    expect(parseRestoreHeader('ongoing-request="true"')).toEqual({ state: 'in-progress' })
    expect(parseRestoreHeader('ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"')).toEqual({ state: 'ready', until: '2012-12-21T00:00:00.000Z' })
    expect(parseRestoreHeader('ongoing-request="false"')).toEqual({ state: 'ready', until: null })
    expect(parseRestoreHeader(undefined)).toBeNull()
    expect(parseRestoreHeader('nonsense')).toBeNull()
  })
})
