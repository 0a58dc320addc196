import { describe, expect, it } from 'vitest'
import en from '../../../src-renderer/i18n/en.json'
import es from '../../../src-renderer/i18n/es.json'
import { formatModified, formatSize, storageClassLabel } from '../../../src-renderer/features/browser/formatting'
import { looksLikeImage, previewReasonKey } from '../../../src-renderer/features/browser/previewRules'
import { copyableKeys, expiryChoices, expiryLabel, isFormAvailable, urlForms } from '../../../src-renderer/features/browser/urlForms'

type Tree = { [key: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  )

describe('the browser’s words', () => {
  const english = flatten(en.browser as Tree)
  const spanish = flatten(es.browser as Tree)

  // Keys, placeholders and plural forms of every catalog: tests/unit/catalogs.test.ts.
  it('name every control the way the tests and the brief expect', () => {
    expect([english['actions.back'], english['actions.up'], english['actions.refresh'], english['actions.newFolder'], english['actions.copyUrl']]).toEqual(['Back', 'Up', 'Refresh', 'New folder', 'Copy URL'])
    expect([english['filter.label'], english['grid.label'], english.breadcrumbs]).toEqual(['Filter', 'Objects', 'Breadcrumbs'])
    expect(spanish.breadcrumbs).toBe('Ruta')
  })

  it('translate every URL form and the file browser’s error codes', () => {
    for (const form of urlForms) expect(spanish[`forms.${form}`], form).toBeDefined()
    const codes = ['folder-exists', 'target-exists', 'object-not-found', 'bucket-not-found', 'object-archived', 'rename-into-itself', 'invalid-target',
      'key-too-long', 'object-changed', 'rename-incomplete', 'no-base-url', 'public-check-failed']
    for (const code of codes) for (const part of ['message', 'hint']) expect(spanish[`errors.${code}.${part}`], `${code}.${part}`).toBeDefined()
  })
})

describe('formatting', () => {
  it('shows sizes in the format locale, and a dash for folders', () => {
    expect(formatSize(1500, 'en-US')).toBe('1.5 KB')
    expect(formatSize(1500, 'es-ES')).toBe('1,5 KB')
    expect(formatSize(1500, 'es-419')).toBe('1.5 KB')
    expect(formatSize(null, 'en')).toBe('—')
  })

  it('shows dates in the format locale, and a dash when there is none', () => {
    expect(formatModified('2024-03-05T14:07:00.000Z', 'en-US', 'UTC')).toBe('Mar 5, 2024, 2:07 PM')
    expect(formatModified('2024-03-05T14:07:00.000Z', 'es-ES', 'UTC')).toBe('5 mar 2024, 14:07')
    expect(formatModified(null, 'en')).toBe('—')
    expect(formatModified('not a date', 'en')).toBe('—')
  })

  it('tidies storage classes', () => {
    expect(storageClassLabel('STANDARD')).toBe('Standard')
    expect(storageClassLabel('STANDARD_IA')).toBe('Standard IA')
    expect(storageClassLabel('ONEZONE_IA')).toBe('One Zone IA')
    expect(storageClassLabel('DEEP_ARCHIVE')).toBe('Deep Archive')
    expect(storageClassLabel(null)).toBe('—')
  })
})

describe('URL forms', () => {
  it('copies objects only, in order', () => {
    expect(copyableKeys([{ key: 'a/', kind: 'folder' }, { key: 'a.png', kind: 'object' }, { key: 'b.txt', kind: 'object' }])).toEqual(['a.png', 'b.txt'])
  })

  it('needs a public base URL for the custom-base form only', () => {
    expect(isFormAvailable('custom-base', null)).toBe(false)
    expect(isFormAvailable('custom-base', 'https://d111.cloudfront.net')).toBe(true)
    expect(isFormAvailable('presigned', null)).toBe(true)
  })

  it('offers presigned lifetimes from 1 minute to 7 days, as SigV4 allows', () => {
    const seconds = expiryChoices.map((c) => c.seconds)
    expect(Math.min(...seconds)).toBe(60)
    expect(Math.max(...seconds)).toBe(604_800)
    expect(expiryLabel(expiryChoices[0], 'en')).toBe('1 minute')
    expect(expiryLabel(expiryChoices[5], 'es')).toBe('7 días')
  })
})

describe('previews', () => {
  it('are asked for images only, by type or by name', () => {
    expect(looksLikeImage('a/foto niño+1 #2.PNG', null)).toBe(true)
    expect(looksLikeImage('a/file', 'image/webp')).toBe(true)
    expect(looksLikeImage('notes.txt', 'text/plain')).toBe(false)
    expect(looksLikeImage('.png', null)).toBe(false)
  })

  it('explain known reasons in the UI language', () => {
    expect(previewReasonKey('larger than 10 MB')).toBe('tooLarge')
    expect(previewReasonKey('not an image')).toBe('notImage')
    expect(previewReasonKey('something else')).toBeNull()
  })
})
