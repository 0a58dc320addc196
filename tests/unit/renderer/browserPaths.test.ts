import { describe, expect, it } from 'vitest'
import { breadcrumbsFor, parentPrefix } from '../../../src-renderer/features/browser/breadcrumbs'
import { folderNameProblem, normalizeTarget, renameTargetProblem } from '../../../src-renderer/features/browser/nameRules'
import { rowKeyFor } from '../../../src-renderer/features/browser/selectionModel'

describe('breadcrumbs', () => {
  it('starts at the bucket and adds one crumb per folder', () => {
    expect(breadcrumbsFor('media', '')).toEqual([{ label: 'media', prefix: '' }])
    expect(breadcrumbsFor('media', 'año 2024/fotos+1/')).toEqual([
      { label: 'media', prefix: '' },
      { label: 'año 2024', prefix: 'año 2024/' },
      { label: 'fotos+1', prefix: 'año 2024/fotos+1/' },
    ])
  })

  it('keeps an empty folder name that S3 allows ("a//b/")', () => {
    expect(breadcrumbsFor('b', 'a//c/').map((c) => c.prefix)).toEqual(['', 'a/', 'a//', 'a//c/'])
  })

  it('goes up one level, and nowhere from the top', () => {
    expect(parentPrefix('a/b/c/')).toBe('a/b/')
    expect(parentPrefix('a/')).toBe('')
    expect(parentPrefix('')).toBeNull()
  })
})

describe('folder names', () => {
  it('needs a name without "/" and not . or ..', () => {
    expect(folderNameProblem('', '  ')).toBe('required')
    expect(folderNameProblem('', 'a/b')).toBe('slash')
    expect(folderNameProblem('', '..')).toBe('dots')
    expect(folderNameProblem('fotos/', ' niños+1 ')).toBeNull()
  })

  it('counts the whole key in UTF-8 bytes against the 1,024 limit', () => {
    // 500 × 2 bytes + "/" = 1,001 bytes; the name and its "/" may add 23 more.
    const prefix = `${'é'.repeat(500)}/`
    expect(folderNameProblem(prefix, 'a'.repeat(22))).toBeNull()
    expect(folderNameProblem(prefix, 'a'.repeat(23))).toBe('tooLong')
  })
})

describe('rename targets', () => {
  it('moves a file by its path, and refuses the same name or a trailing slash', () => {
    expect(renameTargetProblem('a.txt', 'docs/a.txt')).toBeNull()
    expect(renameTargetProblem('a.txt', ' a.txt ')).toBe('unchanged')
    expect(renameTargetProblem('a.txt', 'docs/')).toBe('trailingSlash')
    expect(renameTargetProblem('a.txt', '')).toBe('required')
  })

  it('treats a folder target as a folder, and never moves it into itself', () => {
    expect(normalizeTarget('fotos/', 'imágenes')).toBe('imágenes/')
    expect(renameTargetProblem('fotos/', 'fotos')).toBe('unchanged')
    expect(renameTargetProblem('fotos/', 'fotos/2024')).toBe('intoItself')
    expect(renameTargetProblem('fotos/', '/imágenes/')).toBeNull()
  })
})

describe('rowKeyFor', () => {
  it('finds the row that stands for a key in the open folder', () => {
    expect(rowKeyFor('', 'foto.png')).toBe('foto.png')
    expect(rowKeyFor('', 'static/css/site.css')).toBe('static/')
    expect(rowKeyFor('a/', 'a/b/')).toBe('a/b/')
    expect(rowKeyFor('a/', 'b/c.txt')).toBeNull()
    expect(rowKeyFor('a/', 'a/')).toBeNull()
  })
})
