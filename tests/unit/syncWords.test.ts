import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import es from '../../src-renderer/features/sync/i18n/es.json'

// Keys, placeholders and plural forms of every catalog: tests/unit/catalogs.test.ts.
describe('the sync catalog', () => {
  type Tree = { [key: string]: string | Tree }
  const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
    Object.fromEntries(Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))))
  it('has Spanish for every error the sync service can answer with', async () => {
    const folder = 'src-main/services/sync'
    const codes = new Set<string>()
    for (const name of await readdir(folder)) for (const m of (await readFile(`${folder}/${name}`, 'utf8')).matchAll(/new AppError\('([\w-]+)'/g)) codes.add(m[1]!)
    expect(codes.size).toBeGreaterThan(3)
    const spanish = flatten(es as Tree)
    for (const code of codes) expect([spanish[`errors.${code}.message`], spanish[`errors.${code}.hint`]].every(Boolean), code).toBe(true)
  })
})
