import { describe, expect, it } from 'vitest'
import type { ObjectEntry } from '../../../src-main/contract/bridge'
import { filterEntries, foldForFilter } from '../../../src-renderer/features/browser/filterRows'
import { collatorFor, compareEntries, mergeSorted, nextSort, sortEntries, type SortState } from '../../../src-renderer/features/browser/sortRows'

const file = (name: string, size: number, lastModified: string, storageClass = 'STANDARD'): ObjectEntry => ({ key: `p/${name}`, name, kind: 'object', size, lastModified, storageClass })
const folder = (name: string): ObjectEntry => ({ key: `p/${name}/`, name, kind: 'folder', size: null, lastModified: null, storageClass: null })

const rows = [
  file('foto 10.png', 300, '2024-01-03T00:00:00.000Z'),
  folder('zeta'),
  file('Foto 2.png', 100, '2024-03-01T00:00:00.000Z', 'GLACIER'),
  file('árbol.txt', 200, '2024-02-01T00:00:00.000Z'),
  folder('Álbum'),
]
const names = (list: readonly ObjectEntry[]) => list.map((e) => e.name)
const sorted = (sort: SortState, language = 'es') => names(sortEntries(rows, compareEntries(sort, collatorFor(language))))

describe('sorting', () => {
  it('puts folders first, then names in the language’s order with numbers by value', () => {
    expect(sorted({ column: 'name', direction: 'ascending' })).toEqual(['Álbum', 'zeta', 'árbol.txt', 'Foto 2.png', 'foto 10.png'])
  })

  it('keeps folders first when the direction flips', () => {
    expect(sorted({ column: 'name', direction: 'descending' })).toEqual(['zeta', 'Álbum', 'foto 10.png', 'Foto 2.png', 'árbol.txt'])
  })

  it('sorts by size, date and storage class', () => {
    expect(sorted({ column: 'size', direction: 'ascending' }).slice(2)).toEqual(['Foto 2.png', 'árbol.txt', 'foto 10.png'])
    expect(sorted({ column: 'modified', direction: 'descending' }).slice(2)).toEqual(['Foto 2.png', 'árbol.txt', 'foto 10.png'])
    expect(sorted({ column: 'storageClass', direction: 'ascending' }).slice(2)).toEqual(['Foto 2.png', 'árbol.txt', 'foto 10.png'])
  })

  it('flips the same column and starts a new one ascending', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' })
    expect(nextSort({ column: 'name', direction: 'descending' }, 'size')).toEqual({ column: 'size', direction: 'ascending' })
  })

  it('merges a sorted page into sorted rows exactly as a full sort would', () => {
    const compare = compareEntries({ column: 'name', direction: 'ascending' }, collatorFor('en'))
    const many = Array.from({ length: 500 }, (_, i) => file(`k${(i * 7919) % 500}.txt`, i, '2024-01-01T00:00:00.000Z'))
    const pages = [many.slice(0, 200), many.slice(200, 350), [folder('late'), ...many.slice(350)]]
    const merged = pages.reduce<ObjectEntry[]>((acc, page) => mergeSorted(acc, sortEntries(page, compare), compare), [])
    expect(names(merged)).toEqual(names(sortEntries([...many, folder('late')], compare)))
    expect(merged[0]?.name).toBe('late')
  })
})

describe('filter', () => {
  it('matches names ignoring case and accents', () => {
    expect(names(filterEntries(rows, 'FOTO'))).toEqual(['foto 10.png', 'Foto 2.png'])
    expect(names(filterEntries(rows, 'arbol'))).toEqual(['árbol.txt'])
    expect(names(filterEntries(rows, 'album'))).toEqual(['Álbum'])
    expect(foldForFilter('Niño')).toBe('nino')
  })

  it('returns the same rows when the box is empty', () => {
    expect(filterEntries(rows, '  ')).toBe(rows)
  })
})
