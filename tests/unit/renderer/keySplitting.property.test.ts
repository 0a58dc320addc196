import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { breadcrumbsFor, parentPrefix } from '../../../src-renderer/features/browser/breadcrumbs'
import { folderNameProblem, normalizeTarget, renameTargetProblem } from '../../../src-renderer/features/browser/nameRules'

/**
 * The browser's folder names and breadcrumbs, for any key S3 can hold
 *
 * The window splits keys into folders itself; whatever the names (empty segments from
 * "a//b/", "..", controls, emoji, a leading "/"), walking the crumbs and going up must
 * land on exactly the prefixes the keys have, never on a neighbour's.
 */
const runs = { numRuns: 300 }
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

const folderName = fc.oneof(
  fc.constantFrom('', '.', '..', ' ', '+', '#', '?', '%2F', '\\', '\u0000', '\u200b', 'é', '📷', 'a'),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
).map((name) => name.replace(/\//g, ''))
const folders = fc.array(folderName, { minLength: 1, maxLength: 8 })
const bucket = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,20}[a-z0-9]$/)
/** What a user might type: paths, slashes alone or around, spaces, anything. */
const typed = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('/', '//', ' / ', '///x', ' ', '..', './', 'a/', '/a'),
  fc.tuple(fc.constantFrom('', ' ', '/', '//'), folders, fc.constantFrom('', '/', ' ')).map(([head, parts, tail]) => `${head}${parts.join('/')}${tail}`),
)

describe('breadcrumbs for any prefix', () => {
  it('start at the bucket, show one crumb per folder, and each opens exactly its own prefix', () => {
    fc.assert(
      fc.property(bucket, folders, (name, parts) => {
        const prefix = parts.map((part) => `${part}/`).join('')
        const crumbs = breadcrumbsFor(name, prefix)
        expect(crumbs.map((crumb) => crumb.label)).toEqual([name, ...parts])
        expect(crumbs.map((crumb) => crumb.prefix)).toEqual(['', ...parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`)])
        expect(crumbs.at(-1)?.prefix).toBe(prefix)
      }),
      runs,
    )
  })

  it('go up one folder at a time and reach the top after as many steps as there are folders', () => {
    fc.assert(
      fc.property(folders, (parts) => {
        let prefix: string | null = parts.map((part) => `${part}/`).join('')
        for (let depth = parts.length; depth > 0; depth--) {
          const up: string | null = parentPrefix(prefix as string)
          expect(up).toBe(parts.slice(0, depth - 1).map((part) => `${part}/`).join(''))
          expect((prefix as string).startsWith(up as string)).toBe(true)
          prefix = up
        }
        expect(prefix).toBe('')
        expect(parentPrefix('')).toBeNull()
      }),
      runs,
    )
  })
})

describe('names typed for new folders and renames', () => {
  it('never throw, and any accepted folder name makes a key of at most 1,024 bytes with no extra "/"', () => {
    fc.assert(
      fc.property(folders.map((p) => p.map((s) => `${s}/`).join('')), typed, (prefix, name) => {
        if (folderNameProblem(prefix, name) !== null) return
        const key = `${prefix}${name.trim()}/`
        expect(utf8Bytes(key)).toBeLessThanOrEqual(1024)
        expect(name.trim()).not.toBe('')
        expect(name.trim()).not.toContain('/')
        expect(['.', '..']).not.toContain(name.trim())
      }),
      runs,
    )
  })

  it('never throw on a rename target, and an accepted one is a different key that keeps the kind (file or folder)', () => {
    const from = fc.oneof(folders.map((p) => p.map((s) => `${s}/`).join('')), folders.map((p) => p.join('/'))).filter((key) => key !== '' && key !== '/')
    fc.assert(
      fc.property(from, typed, (source, to) => {
        if (renameTargetProblem(source, to) !== null) return
        const target = normalizeTarget(source, to)
        expect(target.replace(/\/$/, '')).not.toBe('')
        expect(target).not.toBe(source)
        expect(target.startsWith('/')).toBe(false)
        expect(target.endsWith('/')).toBe(source.endsWith('/'))
        expect(utf8Bytes(target)).toBeLessThanOrEqual(1024)
      }),
      runs,
    )
  })
})

describe('regressions', () => {
  it('refuses a rename to only slashes, which would be an empty key', () => {
    for (const to of ['//', ' / ', '///']) {
      expect(renameTargetProblem('a.png', to), to).toBe('required')
      expect(renameTargetProblem('fotos/', to), to).toBe('required')
    }
  })
})
