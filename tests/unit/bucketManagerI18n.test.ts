import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The catalogs of bucket management's features (create/delete, settings, versions,
 * object details, incomplete uploads): every string in both languages, the same
 * placeholders, and every error code a service of theirs throws translated.
 */
type Tree = { [key: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  )
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const root = resolve(import.meta.dirname, '../../src-renderer/features')
const features = ['bucketAdmin', 'bucketSettings', 'versions', 'objectDetails', 'incompleteUploads'].filter((f) => {
  try {
    return readdirSync(resolve(root, f, 'i18n')).includes('en.json')
  } catch {
    return false
  }
})
const catalog = (feature: string, language: string) => flatten(JSON.parse(readFileSync(resolve(root, feature, 'i18n', `${language}.json`), 'utf8')) as Tree)

/** Codes thrown as `new AppError('code', …)` (or built as `{ code: '…' }`) in a service folder. */
function codesThrownIn(folder: string): string[] {
  const dir = resolve(import.meta.dirname, '../../src-main/services', folder)
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
  } catch {
    return []
  }
  return files.flatMap((f) => [...readFileSync(resolve(dir, f), 'utf8').matchAll(/new AppError\(\s*'([a-z-]+)'|code: '([a-z-]+)'/g)].map((m) => m[1] ?? m[2] ?? '')).filter((c) => c !== 'cancelled')
}

describe('bucket management catalogs', () => {
  it('exist for the first feature at least', () => {
    expect(features).toContain('bucketAdmin')
  })

  for (const feature of features) {
    it(`${feature}: says every string in both languages, with the same placeholders`, () => {
      const english = catalog(feature, 'en')
      const spanish = catalog(feature, 'es')
      // Spanish has one plural form more (_many, for round millions); catalogs.test.ts checks it.
      expect(Object.keys(spanish).filter((key) => !key.endsWith('_many')).sort()).toEqual(Object.keys(english).sort())
      for (const [key, text] of Object.entries(english)) {
        expect(text.trim(), key).not.toBe('')
        expect(spanish[key]?.trim(), key).not.toBe('')
        expect(placeholders(spanish[key] ?? ''), key).toEqual(placeholders(text))
      }
    })
  }

  it('translates every error code the bucket services throw', () => {
    const translated = new Set(features.flatMap((f) => Object.keys(catalog(f, 'es')).filter((k) => k.startsWith('errors.')).map((k) => k.split('.')[1])))
    const thrown = new Set(['bucketAdmin', 'bucketSettings', 'versions', 'objectDetails', 'incompleteUploads'].flatMap(codesThrownIn))
    expect(thrown.size).toBeGreaterThan(0)
    expect([...thrown].filter((code) => !translated.has(code))).toEqual([])
  })
})
