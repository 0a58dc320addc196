import fc from 'fast-check'
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

describe('merging pages', () => {
  const compare = compareEntries({ column: 'name', direction: 'ascending' }, collatorFor('es'))

  it('gives what one stable sort of everything gives, for any pages in any order', () => {
    const entry = fc.record({ name: fc.constantFrom('a', 'A', 'á', 'b', 'foto 2', 'foto 10', 'z', 'Ñ'), kind: fc.constantFrom('object' as const, 'folder' as const), n: fc.nat(30) })
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { maxLength: 6 }), (pages) => {
        const asRows = pages.map((page, p) => page.map((e, i) => ({ ...(e.kind === 'folder' ? folder(e.name) : file(e.name, e.n, '2024-01-01T00:00:00.000Z')), key: `p/${e.name}#${e.n}-${p}-${i}` })))
        const merged = asRows.reduce<ObjectEntry[]>((acc, page) => mergeSorted(acc, sortEntries(page, compare), compare), [])
        expect(merged.map((e) => e.key)).toEqual(sortEntries(asRows.flat(), compare).map((e) => e.key))
      }),
    )
  })

  it('compares a page that lands after every row with only a handful of them', () => {
    const row = (i: number) => file(`file-${String(i).padStart(6, '0')}.bin`, i, '2024-01-01T00:00:00.000Z')
    const before = Array.from({ length: 50_000 }, (_, i) => row(i))
    const page = Array.from({ length: 1_000 }, (_, i) => row(50_000 + i))
    let comparisons = 0
    const counting = (a: ObjectEntry, b: ObjectEntry) => (comparisons++, compare(a, b))
    const merged = mergeSorted(before, page, counting)
    expect(merged.length).toBe(51_000)
    expect(merged[50_000]).toBe(page[0])
    // Bisection (17 steps for 50,000 rows) and the page itself: not one per row already there.
    expect(comparisons).toBeLessThan(100)
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
