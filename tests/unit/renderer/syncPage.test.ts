import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pickedFolder, prefixFromInput } from '../../../src-renderer/features/sync/pickedFolder'
import { deleteCountFor, runCount } from '../../../src-renderer/features/sync/syncChoices'

const entry = (relativePath: string, size = 1, lastModified = 1_700_000_000_000) => ({ relativePath, size, lastModified })
const category = (count: number) => ({ count, bytes: 0, items: [] })

describe('a folder from the page’s folder picker', () => {
  it('drops the chosen folder’s own name and keeps the paths below it', () => {
    const picked = pickedFolder([entry('sitio/index.html', 13), entry('sitio/fotos/año niño.txt', 7, 5)])
    expect(picked?.name).toBe('sitio')
    expect(picked?.files).toEqual([
      { path: 'index.html', size: 13, modifiedMs: 1_700_000_000_000 },
      { path: 'fotos/año niño.txt', size: 7, modifiedMs: 5 },
    ])
    expect(picked?.byPath.get('fotos/año niño.txt')?.size).toBe(7)
  })

  it('has no folder when the picker gave plain files, and skips paths no key could take', () => {
    expect(pickedFolder([entry('suelto.txt')])).toBeNull()
    expect(pickedFolder([entry('a/ok.txt'), entry('a/x/../y.txt'), entry('a//z.txt'), entry('b/otro.txt')])?.files.map((f) => f.path)).toEqual(['ok.txt'])
  })

  it('every path it keeps is a clean path below the folder, and leads back to its entry', () => {
    const part = fc.oneof(fc.constantFrom('.', '..', '', 'a', 'ñ', 'x y'), fc.string({ minLength: 1, maxLength: 5 }).filter((s) => !s.includes('/')))
    fc.assert(
      fc.property(fc.array(fc.array(part, { minLength: 1, maxLength: 4 }), { maxLength: 20 }), (paths) => {
        const entries = paths.map((parts) => entry(['top', ...parts].join('/')))
        const picked = pickedFolder(entries)
        for (const f of picked?.files ?? []) {
          expect(f.path.split('/').every((p) => p !== '' && p !== '.' && p !== '..')).toBe(true)
          expect(picked!.byPath.get(f.path)!.relativePath).toBe(`top/${f.path}`)
        }
      }),
    )
  })
})

describe('what the user types as the bucket folder', () => {
  it('becomes the prefix S3 uses', () => {
    expect(prefixFromInput('')).toBe('')
    expect(prefixFromInput('  /  ')).toBe('')
    expect(prefixFromInput('static')).toBe('static/')
    expect(prefixFromInput('/media/fotos/')).toBe('media/fotos/')
  })
})

describe('what a run will touch', () => {
  const preview = { transfers: category(2), deletions: category(3), newerAtDestination: category(1) }
  it('counts deletes and overwrites only when ticked', () => {
    expect(runCount(preview, false, false)).toBe(2)
    expect(runCount(preview, true, false)).toBe(5)
    expect(runCount(preview, true, true)).toBe(6)
  })
  it('sends the preview’s delete count only when the box is ticked and there is something to delete', () => {
    expect(deleteCountFor(preview, false)).toBeNull()
    expect(deleteCountFor(preview, true)).toBe(3)
    expect(deleteCountFor({ deletions: category(0) }, true)).toBeNull()
  })
})
