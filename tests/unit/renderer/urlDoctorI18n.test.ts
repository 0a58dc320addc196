import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { doctorEnglish, doctorText } from '../../../src-main/contract/words/urlDoctor'
import { sayDoctor } from '../../../src-renderer/features/urlDoctor/doctorText'
import { registerUrlDoctorTranslations, urlDoctorNamespace } from '../../../src-renderer/features/urlDoctor/i18n'
import en from '../../../src-renderer/features/urlDoctor/i18n/en.json'
import es from '../../../src-renderer/features/urlDoctor/i18n/es.json'
import { lineDiff } from '../../../src-renderer/features/urlDoctor/lineDiff'

type Tree = { [key: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))))
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const { findings: spanishFindings, errors: spanishErrors, ...spanishChrome } = es as Tree & { findings: Record<string, string>; errors: Tree }

describe('the URL doctor’s catalogs', () => {
  it('say every window string in both languages, with the same placeholders', () => {
    const english = flatten(en as Tree)
    const spanish = flatten(spanishChrome as Tree)
    // Spanish has one plural form more (_many, for round millions); catalogs.test.ts checks it.
    expect(Object.keys(spanish).filter((key) => !key.endsWith('_many')).sort()).toEqual(Object.keys(english).sort())
    for (const [key, text] of Object.entries(english)) expect(placeholders(spanish[key] ?? ''), key).toEqual(placeholders(text))
  })

  it('have Spanish for every sentence the main process sends, with the same values', () => {
    expect(Object.keys(spanishFindings).sort()).toEqual(Object.keys(doctorEnglish).sort())
    for (const [code, text] of Object.entries(doctorEnglish)) {
      expect(spanishFindings[code]?.trim(), code).not.toBe('')
      expect(placeholders(spanishFindings[code] ?? ''), code).toEqual(placeholders(text))
    }
  })

  it('translate the doctor’s own errors, message and hint', () => {
    for (const code of ['doctor-stale', 'doctor-fix-gone', 'no-base-url', 'doctor-run-exists']) expect(Object.keys(spanishErrors[code] as Tree).sort(), code).toEqual(['hint', 'message'])
  })

  it('show a finding’s code in the UI language, filled, whatever dots the code has', async () => {
    const i18n = createInstance()
    await i18n.init({ lng: 'es', fallbackLng: 'en', resources: {}, interpolation: { escapeValue: false } })
    registerUrlDoctorTranslations(i18n)
    const t = i18n.getFixedT('es', urlDoctorNamespace)
    expect(sayDoctor(t, doctorText('object.content-type', { actual: 'binary/octet-stream', expected: 'image/png' }))).toBe(
      'Su Content-Type es binary/octet-stream, así que un navegador lo descarga en vez de mostrarlo; un archivo con este nombre debería ser image/png.',
    )
    const english = i18n.getFixedT('en', urlDoctorNamespace)
    expect(sayDoctor(english, doctorText('not-checked.permission', { permission: 's3:GetBucketPolicy' }))).toBe('Not checked: needs s3:GetBucketPolicy.')
    // A code the catalog lacks (a newer main process) falls back to the English it carries.
    expect(sayDoctor(t, { code: 'policy.brand-new', params: {}, message: 'Something new.' })).toBe('Something new.')
  })
})

describe('the fix preview’s line diff', () => {
  it('marks only the lines that go and the lines that come', () => {
    const before = '{\n  "Statement": [\n    "a"\n  ]\n}'
    const after = '{\n  "Statement": [\n    "a",\n    "b"\n  ]\n}'
    const diff = lineDiff(before, after)
    expect(diff.before.filter((l) => l.changed).map((l) => l.text)).toEqual(['    "a"'])
    expect(diff.after.filter((l) => l.changed).map((l) => l.text)).toEqual(['    "a",', '    "b"'])
    expect(lineDiff(null, 'x')).toEqual({ before: [], after: [{ text: 'x', changed: true }] })
    expect(lineDiff('same', 'same').after).toEqual([{ text: 'same', changed: false }])
  })
})
