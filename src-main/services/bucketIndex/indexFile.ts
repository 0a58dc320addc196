import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { foldKey, type IndexedObject } from './indexedObject'

/**
 * One bucket's index on disk: a SQLite file
 *
 * Why node:sqlite and not better-sqlite3: Node 24 has SQLite built in, without a flag,
 * and Electron 45 ships Node 24 with it enabled (Electron 37.2 briefly lost the binding,
 * electron/electron#47671, fixed by #47706 before 38). A native module such as
 * better-sqlite3 must be rebuilt for every Electron ABI and its prebuilds downloaded at
 * install time, which machines without internet can't do; the built-in module needs
 * neither, and the tests run the very same code on Node 24. Both are synchronous, so
 * the service keeps every statement short (a page of 1,000 rows, a slice of a search).
 *
 * One table, `objects`, keyed by the key itself (WITHOUT ROWID: the key is the B-tree,
 * so a folder is a key range and results come out in listing order). `folded` holds the
 * case- and accent-folded key only where it differs from the key. `gen` is the listing
 * run that last saw the row, so a refresh can drop what it no longer saw without ever
 * emptying the index in the meantime. `meta` says whose index this is; a file whose meta
 * doesn't match (another bucket's, another program's, damaged) is never trusted.
 */
const format = 'cubeta-bucket-index'
const formatVersion = '1'

export interface IndexMeta {
  profileId: string
  bucket: string
  builtAt: string | null
  complete: boolean
  generation: number
}

export class DamagedIndexError extends Error {}

export interface SearchSliceQuery {
  /** SQL over the columns key, folded, size, etag, modified, class; `?` parameters. */
  where: string
  params: (string | number | null)[]
}

export function openIndexFile(path: string, owner: { profileId: string; bucket: string }) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  let db: DatabaseSync
  try {
    db = new DatabaseSync(path)
    // Reads through a memory map: a search scans the file's pages, and reading each into
    // SQLite's cache (a system call and a copy a page) was a large share of a scan. The mapped
    // pages are the system's file cache, shared and given back under pressure, not the heap.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456')
    db.exec(`CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS objects (key TEXT PRIMARY KEY, folded TEXT, size INTEGER NOT NULL, etag TEXT, modified INTEGER, class TEXT, gen INTEGER NOT NULL) WITHOUT ROWID;`)
  } catch (error) {
    throw new DamagedIndexError(String((error as Error).message))
  }
  const readMeta = () => Object.fromEntries((db.prepare('SELECT name, value FROM meta').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]))
  try {
    const meta = readMeta()
    if (Object.keys(meta).length === 0) {
      const put = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)')
      db.exec('BEGIN')
      for (const [name, value] of Object.entries({ format, formatVersion, profileId: owner.profileId, bucket: owner.bucket, complete: '0', generation: '0' })) put.run(name, value)
      db.exec('COMMIT')
    } else if (meta.format !== format || meta.formatVersion !== formatVersion || meta.profileId !== owner.profileId || meta.bucket !== owner.bucket) {
      db.close()
      throw new DamagedIndexError('foreign index file')
    }
    db.prepare('SELECT key, folded, size, etag, modified, class, gen FROM objects LIMIT 1').all()
  } catch (error) {
    try {
      db.close()
    } catch {
      // already closed
    }
    throw error instanceof DamagedIndexError ? error : new DamagedIndexError(String((error as Error).message))
  }
  return indexFile(db, readMeta)
}

function indexFile(db: DatabaseSync, readMeta: () => Record<string, string>) {
  const upsert = db.prepare('INSERT OR REPLACE INTO objects (key, folded, size, etag, modified, class, gen) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const remove = db.prepare('DELETE FROM objects WHERE key = ?')
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)')
  const countAll = db.prepare('SELECT count(*) AS n FROM objects')
  const statements = new Map<string, StatementSync>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  // count(*) walks the whole table (about 0.25 s at 1,000,000 keys, more with a cold cache),
  // and every search and status asks for it: counted once, again only after a write.
  let counted: number | null = null
  const transaction = <T>(work: () => T): T => {
    counted = null
    db.exec('BEGIN')
    try {
      const result = work()
      db.exec('COMMIT')
      return result
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
  const put = (o: IndexedObject, gen: number) => {
    const folded = foldKey(o.key)
    upsert.run(o.key, folded === o.key ? null : folded, o.size, o.etag, o.modified, o.storageClass, gen)
  }

  return {
    meta(): IndexMeta {
      const m = readMeta()
      return { profileId: m.profileId ?? '', bucket: m.bucket ?? '', builtAt: m.builtAt ?? null, complete: m.complete === '1', generation: Number(m.generation ?? 0) }
    },
    count: () => (counted ??= Number((countAll.get() as { n: number }).n)),

    /** A new listing run; its rows carry this number. */
    beginGeneration(): number {
      const next = this.meta().generation + 1
      setMeta.run('generation', String(next))
      return next
    },
    /** One listed page, in one transaction. */
    putPage(objects: readonly IndexedObject[], gen: number) {
      transaction(() => {
        for (const o of objects) put(o, gen)
      })
    },
    /** The run saw everything: rows it didn't see are gone from the bucket. */
    finishGeneration(gen: number, builtAt: string) {
      transaction(() => {
        db.prepare('DELETE FROM objects WHERE gen < ?').run(gen)
        setMeta.run('complete', '1')
        setMeta.run('builtAt', builtAt)
      })
    },
    /** A fresh listing of one folder: what it saw replaces what the index had there. */
    replaceUnder(prefix: string, objects: readonly IndexedObject[]) {
      const gen = this.meta().generation
      transaction(() => {
        db.prepare('DELETE FROM objects WHERE key >= ? AND key < ?').run(prefix, upperBound(prefix))
        for (const o of objects) put(o, gen)
      })
    },
    putObjects(objects: readonly IndexedObject[]) {
      const gen = this.meta().generation
      transaction(() => {
        for (const o of objects) put(o, gen)
      })
    },
    removeKeys(keys: readonly string[]) {
      transaction(() => {
        for (const key of keys) remove.run(key)
      })
    },
    /** The key `offset` rows after `after` inside [low, high), to cut a scan into slices. */
    keyAfter(after: string | null, low: string, high: string, offset: number): string | null {
      // Over the whole bucket there is no upper bound to test on every row stepped over.
      const bounded = high !== everything
      const sql = `SELECT key FROM objects WHERE key ${after === null ? '>=' : '>'} ?${bounded ? ' AND key < ?' : ''} ORDER BY key LIMIT 1 OFFSET ?`
      const row = prepared(sql).get(after ?? low, ...(bounded ? [high] : []), offset) as { key: string } | undefined
      return row?.key ?? null
    },
    /** The first key at or after `from` (just after, when not inclusive) and below `high`: one seek. */
    firstKeyFrom(from: { key: string; inclusive: boolean }, high: string): string | null {
      const row = prepared(`SELECT key FROM objects WHERE key ${from.inclusive ? '>=' : '>'} ? AND key < ? ORDER BY key LIMIT 1`).get(from.key, high) as { key: string } | undefined
      return row?.key ?? null
    },
    /** Rows in (after, upTo] (or [low, …) on the first slice), below `high`, that pass `query`, in key order; the first `limit` of them when given. */
    slice(query: SearchSliceQuery, range: { after: string | null; low: string; upTo: string | null; high: string }, limit: number | null = null): IndexedObject[] {
      const lower = range.after === null ? 'key >= ?' : 'key > ?'
      // One upper bound, the nearer: with two, SQLite seeks by one and reads on to the other.
      const toUpTo = range.upTo !== null && compareKeys(range.upTo, range.high) < 0
      const sql = `SELECT key, size, etag, modified, class FROM objects WHERE ${lower} AND ${toUpTo ? 'key <= ?' : 'key < ?'}${query.where ? ` AND (${query.where})` : ''} ORDER BY key${limit === null ? '' : ' LIMIT ?'}`
      const rows = prepared(sql).all(range.after ?? range.low, toUpTo ? range.upTo : range.high, ...query.params, ...(limit === null ? [] : [limit])) as { key: string; size: number; etag: string | null; modified: number | null; class: string | null }[]
      return rows.map((r) => ({ key: r.key, size: r.size, etag: r.etag, modified: r.modified, storageClass: r.class }))
    },
    /** Everything under a prefix, in key order (sync reads its side of the bucket here). */
    under(prefix: string): IndexedObject[] {
      return this.slice({ where: '', params: [] }, { after: null, low: prefix, upTo: null, high: upperBound(prefix) })
    },
    close() {
      try {
        db.close()
      } catch {
        // closing twice is harmless
      }
    },
  }
}

export type IndexFile = ReturnType<typeof indexFile>

/** The first string after every key that starts with `prefix` (UTF-8 order, as S3 lists). */
export function upperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`
}
const everything = upperBound('')

/** Keys in the order S3 lists them and the index keeps them: UTF-8 bytes, not UTF-16 units. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/** A damaged file is only a cache of the bucket's listing: it goes, with its WAL. */
export function discardIndexFile(path: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}
