import type { SearchRequest } from '../../contract/bridge'
import { foldKey, type IndexedObject } from '../bucketIndex/indexedObject'
import type { SearchSliceQuery } from '../bucketIndex/indexFile'
import { extensionOf, extensionsByType } from './fileTypes'
import { compileGlob, isGlob } from './globPattern'

export interface CompiledSearch {
  /** A SQL filter that keeps every match (and maybe a few more) for the index to run. */
  sql: SearchSliceQuery
  /** The rule itself, for rows from the index and rows straight from a listing page. */
  test(object: IndexedObject): boolean
  mode: 'substring' | 'glob' | 'everything'
  /** Every match's key, below the search folder and folded as asked, starts with this. */
  leading: string
}

/**
 * A search request as one pure rule
 *
 * Text without wildcards is found anywhere in the key below the search folder; text with
 * them is a glob (globPattern.ts). Case and accents are ignored unless asked for, by
 * comparing folded keys with folded text. Filters: size range, modified range
 * (inclusive), type by extension. Folder markers ("fotos/") are never results.
 */
export function compileSearch(request: Pick<SearchRequest, 'scope' | 'query' | 'caseSensitive' | 'minSize' | 'maxSize' | 'modifiedAfter' | 'modifiedBefore' | 'type'>): CompiledSearch {
  const text = request.query.trim()
  const fold = request.caseSensitive ? (s: string) => s : foldKey
  const column = request.caseSensitive ? 'key' : 'coalesce(folded, key)'
  const where: string[] = []
  const params: (string | number)[] = []
  /** Each test sees the object and its key below the search folder, folded as asked. */
  const tests: ((o: IndexedObject, below: string) => boolean)[] = [(o) => !o.key.endsWith('/')]
  const scope = fold(request.scope)
  let mode: CompiledSearch['mode'] = 'everything'
  let leading = ''

  if (text !== '' && isGlob(text)) {
    mode = 'glob'
    const glob = compileGlob(fold(text))
    const escapedScope = scope.replace(/[*?[]/g, (c) => `[${c}]`)
    where.push(`${column} GLOB ?`)
    params.push(glob.matchesPaths ? `${escapedScope}${glob.looseGlob}` : `*${glob.looseGlob}`)
    tests.push((_o, below) => glob.regexp.test(glob.matchesPaths ? below : below.slice(below.lastIndexOf('/') + 1)))
    if (glob.matchesPaths) leading = glob.leadingText
  } else if (text !== '') {
    mode = 'substring'
    const wanted = fold(text)
    where.push(`instr(${column}, ?) > 0`)
    params.push(wanted)
    // Text is looked for below the search folder, not in the folder's own name.
    tests.push((_o, below) => below.includes(wanted))
  }

  if (request.minSize !== null) {
    where.push('size >= ?')
    params.push(request.minSize)
    tests.push((o) => o.size >= request.minSize!)
  }
  if (request.maxSize !== null) {
    where.push('size <= ?')
    params.push(request.maxSize)
    tests.push((o) => o.size <= request.maxSize!)
  }
  const after = request.modifiedAfter === null ? null : Date.parse(request.modifiedAfter)
  const before = request.modifiedBefore === null ? null : Date.parse(request.modifiedBefore)
  if (after !== null) {
    where.push('modified >= ?')
    params.push(after)
    tests.push((o) => o.modified !== null && o.modified >= after)
  }
  if (before !== null) {
    where.push('modified <= ?')
    params.push(before)
    tests.push((o) => o.modified !== null && o.modified <= before)
  }
  if (request.type !== 'any') {
    const extensions = new Set(extensionsByType[request.type])
    where.push(`(${[...extensions].map(() => 'key LIKE ?').join(' OR ')})`)
    params.push(...[...extensions].map((ext) => `%.${ext}`))
    tests.push((o) => extensions.has(extensionOf(o.key)))
  }

  // Last, so it runs only on rows the filters above kept: substr(key, -1) walks every
  // character of a key to find its end, which first cost more than the GLOB itself.
  where.push("substr(key, -1) <> '/'")
  return {
    sql: { where: where.join(' AND '), params },
    mode,
    leading,
    test(object) {
      if (!object.key.startsWith(request.scope)) return false
      const below = fold(object.key.slice(request.scope.length))
      return tests.every((t) => t(object, below))
    },
  }
}
