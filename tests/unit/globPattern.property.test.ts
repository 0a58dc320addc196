import { DatabaseSync } from 'node:sqlite'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileGlob, isGlob } from '../../src-main/services/search/globPattern'

/**
 * The glob rule of search and of sync's Cache-Control patterns
 *
 * The exact RegExp decides; the loose SQLite GLOB lets the index skip rows first, so it
 * must never drop a row the RegExp would keep. That is checked against SQLite itself.
 */
const db = new DatabaseSync(':memory:')
const sqliteGlob = db.prepare('SELECT ? GLOB ? AS hit')
const looseMatches = (loose: string, text: string) => (sqliteGlob.get(text, loose) as { hit: number }).hit === 1
const matches = (pattern: string, text: string) => compileGlob(pattern).regexp.test(text)

describe('glob patterns', () => {
  it('matches the examples people type', () => {
    expect(matches('*.png', 'gato.png')).toBe(true)
    expect(matches('*.png', 'gato.png.txt')).toBe(false)
    expect(matches('2024/**/foto*', '2024/foto1.jpg')).toBe(true)
    expect(matches('2024/**/foto*', '2024/enero/playa/foto-3.jpg')).toBe(true)
    expect(matches('2024/**/foto*', '2024/enero/xfoto.jpg')).toBe(false)
    expect(matches('2024/**/foto*', '2023/foto.jpg')).toBe(false)
    expect(matches('static/**', 'static/css/site.css')).toBe(true)
    expect(matches('**/*.css', 'site.css')).toBe(true)
    expect(matches('**/*.css', 'a/b/site.css')).toBe(true)
    expect(matches('*.{png,jpg}', 'a.jpg')).toBe(true)
    expect(matches('*.{png,jpg}', 'a.gif')).toBe(false)
    expect(matches('app.{hash}.css', 'app.3f9a2c.css')).toBe(true)
    expect(matches('*.{hash}.*', 'main.3f9a2c1b4d5e.js')).toBe(true)
    expect(matches('*.{hash}.*', 'main.v2.js')).toBe(false)
    expect(matches('foto-?.jpg', 'foto-1.jpg')).toBe(true)
    expect(matches('foto-[0-4].jpg', 'foto-5.jpg')).toBe(false)
    expect(matches('foto-[!0-4].jpg', 'foto-5.jpg')).toBe(true)
    expect(matches('x\\*y', 'x*y')).toBe(true)
    expect(matches('x\\*y', 'xay')).toBe(false)
    expect(compileGlob('*.png').matchesPaths).toBe(false)
    expect(compileGlob('fotos/*.png').matchesPaths).toBe(true)
  })

  it('takes malformed sets and braces literally instead of failing', () => {
    expect(matches('[z-a]x', '[z-a]x')).toBe(true)
    expect(matches('a[b', 'a[b')).toBe(true)
    expect(matches('a{b', 'a{b')).toBe(true)
    expect(isGlob('foto')).toBe(false)
    expect(isGlob('*.png')).toBe(true)
  })

  const segment = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', 'ñ', '.', '-', ' ', '+', '😀', '%'), minLength: 1, maxLength: 6 })
  const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'))
  const patternPiece = fc.oneof(segment, fc.constantFrom('*', '**', '?', '[ab]', '[!a]', '{a,b}', '{hash}', '[z-a]', '\\*', '[', '{', '/'))
  const pattern = fc.array(patternPiece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''))

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (typed) => {
      const compiled = compileGlob(typed)
      compiled.regexp.test('a/b/c.png')
      looseMatches(compiled.looseGlob, 'a/b/c.png')
    }))
  })

  it('a pattern without wildcards matches exactly itself', () => {
    fc.assert(fc.property(path, path, (a, b) => {
      expect(matches(a, b)).toBe(a === b)
    }))
  })

  it('a single * never crosses a folder, ** does', () => {
    fc.assert(fc.property(segment, segment, segment, (a, b, c) => {
      const pattern = `${a.replace(/[*?[{\\]/g, '')}*`
      const deeper = `${pattern.slice(0, -1)}${b}/${c}`
      expect(matches(pattern, deeper)).toBe(false)
      expect(matches(`${pattern}*`, deeper)).toBe(false === pattern.includes('/') ? matches(`${pattern}*`, deeper) : false)
      expect(matches(`${pattern.slice(0, -1)}**/*`, deeper)).toBe(pattern.slice(0, -1) === '' || deeper.startsWith(pattern.slice(0, -1)))
    }))
  })

  it('the loose SQLite GLOB keeps every exact match', () => {
    fc.assert(fc.property(pattern, path, (glob, text) => {
      const compiled = compileGlob(glob)
      if (compiled.regexp.test(text)) expect(looseMatches(compiled.looseGlob, text)).toBe(true)
    }), { numRuns: 2000 })
  })

  it('every exact match starts with the leading text (search reads only keys that do)', () => {
    expect(compileGlob('media/2021/**/foto*').leadingText).toBe('media/2021/')
    expect(compileGlob('/static\\*/x*').leadingText).toBe('static*/x')
    expect(compileGlob('**/*.css').leadingText).toBe('')
    fc.assert(fc.property(pattern, path, (glob, text) => {
      const compiled = compileGlob(glob)
      if (compiled.regexp.test(text)) expect(text.startsWith(compiled.leadingText)).toBe(true)
    }), { numRuns: 2000 })
  })

  it('the loose GLOB keeps what the exact rule finds, also on paths built to match', () => {
    const piece = fc.oneof(fc.tuple(segment, fc.constantFrom('*', '?', '{hash}', '')), fc.constant(['**', ''] as const))
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (parts) => {
      const clean = (text: string) => text.replace(/[*?[\]{}\\]/g, '')
      const glob = parts.map(([text, wild]) => (text === '**' ? '**' : `${clean(text)}${wild}`)).join('/')
      const expand = { '*': 'zz', '?': 'x', '{hash}': 'abc123', '': '' } as Record<string, string>
      const text = parts.map(([seg, wild]) => (seg === '**' ? 'd/e' : `${clean(seg)}${expand[wild]}`)).join('/')
      const compiled = compileGlob(glob)
      expect(compiled.regexp.test(text)).toBe(true)
      expect(looseMatches(compiled.looseGlob, text)).toBe(true)
    }))
  })
})
