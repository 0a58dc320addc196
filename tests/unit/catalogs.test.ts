import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { doctorEnglish } from '../../src-main/contract/words/urlDoctor'

/**
 * Every string Cubeta shows, in both languages: the same keys, the same placeholders,
 * a real plural form for every count, and Spanish that follows src-renderer/i18n/GLOSSARY.md
 * (whose "Never" table this test reads).
 */
type Tree = { [key: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))))

// The shell's catalog first, then every feature's own (found, not listed: a feature added
// later is checked without anyone remembering to add it here).
const read = (dir: string, language: string) => flatten(JSON.parse(readFileSync(join(dir, `${language}.json`), 'utf8')) as Tree)
const featuresDir = 'src-renderer/features'
const featureCatalogs = readdirSync(featuresDir)
  .filter((feature) => existsSync(join(featuresDir, feature, 'i18n', 'en.json')))
  .sort()
  .map((feature) => ({ name: feature, dir: join(featuresDir, feature, 'i18n') }))
// The URL doctor's findings are English in the main process's own table, as the app loads them.
const englishBesides: Record<string, Record<string, string>> = { urlDoctor: flatten({ findings: doctorEnglish as Tree }) }
const catalogs = [{ name: 'shell', dir: 'src-renderer/i18n' }, ...featureCatalogs].map(({ name, dir }) => ({
  name,
  en: { ...read(dir, 'en'), ...englishBesides[name] },
  es: read(dir, 'es'),
}))
const setupCatalog = catalogs.find((catalog) => catalog.name === 'setupWizard')
const pluralSuffix = /_(zero|one|two|few|many|other)$/
const base = (key: string) => key.replace(pluralSuffix, '')
const placeholders = (texts: string[]) => [...new Set(texts.flatMap((text) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)))].sort()
const forms = (catalog: Record<string, string>, key: string) => Object.keys(catalog).filter((k) => base(k) === key && k !== key).map((k) => k.slice(key.length + 1)).sort()

describe.each(catalogs)('the $name catalog', ({ en, es }) => {
  const bases = (catalog: Record<string, string>) => [...new Set(Object.keys(catalog).map(base))].sort()

  it('says every string in both languages', () => {
    // A feature's Spanish may also word the server's errors, whose English is the server's own message.
    const serverErrors = (key: string) => key.startsWith('errors.') && !bases(en).includes(key)
    expect(bases(es).filter((key) => !serverErrors(key))).toEqual(bases(en))
    for (const [key, text] of Object.entries({ ...en, ...es })) expect(text.trim(), key).not.toBe('')
  })

  it('uses the same placeholders in both languages', () => {
    for (const key of bases(en)) {
      const of = (catalog: Record<string, string>) => Object.entries(catalog).filter(([k]) => base(k) === key).map(([, text]) => text)
      // "One file" may leave out {{count}}; the set over all forms must agree. An error
      // may drop a parameter that is English words (access-denied's {{action}}), never add one.
      const error = /^(.*errors\.[\w.-]+?)\.(message|hint)$/.exec(key)?.[1]
      if (!error) expect(placeholders(of(es)), key).toEqual(placeholders(of(en)))
      else {
        // An error's message and hint share one set of params, the server's.
        const params = (catalog: Record<string, string>) => placeholders([catalog[`${error}.message`] ?? '', catalog[`${error}.hint`] ?? ''])
        expect(params(en), key).toEqual(expect.arrayContaining(params(es)))
      }
    }
  })

  it('has real plural forms for every count: one and other in English, one, many and other in Spanish', () => {
    for (const key of bases(en)) {
      const englishForms = forms(en, key)
      const counted = Object.entries(en).some(([k, text]) => base(k) === key && /\{\{(count|n)\}\}/.test(text))
      if (key.startsWith('errors.') || key.includes('.errors.')) continue
      if (counted) expect(englishForms, `${key} has a count but no plural forms`).toEqual(['one', 'other'])
      if (englishForms.length > 0) {
        expect(englishForms, key).toEqual(['one', 'other'])
        expect(forms(es, key), key).toEqual(['many', 'one', 'other'])
        expect(key in en || key in es, `${key} has both a plain form and plural forms`).toBe(false)
      }
    }
  })
})

// JavaScript's \b knows only ASCII letters: "borró" has none after its ó, so \b there would
// never match. The glossary's \b means a boundary between Unicode letters and the rest.
const letter = '[\\p{L}\\p{N}_]'
const unicodeBoundaries = (pattern: string) => pattern.replace(/\\b/g, `(?:(?<!${letter})(?=${letter})|(?<=${letter})(?!${letter}))`)

describe('the Spanish', () => {
  const glossary = readFileSync('src-renderer/i18n/GLOSSARY.md', 'utf8')
  const never = glossary
    .slice(glossary.indexOf('## Never'))
    .split('\n')
    .map((line) => /^\| `(.+)` \| (.+) \|$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pattern, instead]) => ({ pattern: new RegExp(unicodeBoundaries(pattern!.replace(/\\\|/g, '|')), 'iu'), instead: instead! }))
  const spanish = catalogs.flatMap(({ name, es }) => Object.entries(es).map(([key, text]) => ({ where: `${name}:${key}`, text })))

  it('reads its rules from the glossary', () => {
    expect(never.length).toBeGreaterThanOrEqual(20)
    const deleteRule = never.find(({ instead }) => instead.startsWith('eliminar'))!.pattern
    for (const text of ['Cubeta borró la imagen', 'se borrará', 'Borra el filtro']) expect(deleteRule.test(text), text).toBe(true)
    expect(deleteRule.test('borrador')).toBe(false)
  })

  it('follows the glossary in every string', () => {
    const broken = spanish.flatMap(({ where, text }) => never.filter(({ pattern }) => pattern.test(text)).map(({ pattern, instead }) => `${where}: "${text}" matches ${pattern} → ${instead}`))
    expect(broken).toEqual([])
  })

  it('names the parent folder apart from uploading, and every region and storage class in Spanish', () => {
    const shell = catalogs[0]!
    expect(shell.es['browser.actions.up']).toBe('Carpeta superior')
    expect(shell.es['browser.actions.upHint']).toBe('Ir a la carpeta superior (Retroceso)')
    const regions = Object.keys(shell.en).filter((key) => key.startsWith('regions.'))
    expect(regions.length).toBeGreaterThan(30)
    expect(shell.es['regions.us-east-1']).toBe('EE. UU. Este (Norte de Virginia)')
    expect(shell.es['browser.storageClasses.STANDARD']).toBe('Estándar')
  })

  it('finds every feature catalog', () => {
    expect(catalogs.map((catalog) => catalog.name)).toEqual(expect.arrayContaining(['shell', 'setupWizard', 'transfers', 'urlDoctor', 'bucketSettings']))
  })

  it('says the same thing the same way in the wizard and the browser', () => {
    const shell = catalogs[0]
    const setup = setupCatalog
    for (const code of ['access-denied', 'invalid-access-key-id', 'signature-mismatch', 'profile-name-taken']) {
      expect(setup!.es[`errors.${code}.message`], code).toBe(shell!.es[`errors.${code}.message`])
      expect(setup!.es[`errors.${code}.hint`], code).toBe(shell!.es[`errors.${code}.hint`])
    }
  })
})
