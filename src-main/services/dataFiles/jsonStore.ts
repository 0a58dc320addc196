import { lstat, readFile, rm, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { z } from 'zod'
import type { DataFileDamage, DataFileKind, DataFileReport } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import { writeJsonAtomic } from './atomicJsonFile'
import { keepDamagedCopy } from './damagedCopy'
import { dataFileIdle, withDataFileLock } from './dataFileLock'
import { interpretDataFile, unreadableField, type EntriesOf, type Interpreted, type KeptEntry } from './interpretDataFile'

export interface JsonStoreOptions<T> {
  /** Which data file this is, for the notice the user sees. */
  kind: DataFileKind
  /** The value of a file that does not exist yet. */
  empty: () => T
  /** Where the file keeps a list of independent entries, so one bad entry costs only itself. */
  entries?: EntriesOf
  /** Larger files are not read at all (a data file of ours is a few kilobytes). */
  maxBytes?: number
}

/** One read-change-write, holding the file for the whole of it. */
export interface StoreTransaction<T> {
  /** The file as it is now, after any write made in this transaction. */
  readonly value: T
  /** Entries that did not validate, kept in the file as they are. */
  readonly kept: readonly KeptEntry[]
  write(next: T): Promise<void>
}

export interface JsonStore<T> {
  readonly path: string
  read(): Promise<T>
  readWithKept(): Promise<{ value: T; kept: KeptEntry[] }>
  /** Every change goes through here: one queue in the process, a lock file across processes. */
  update<R>(work: (file: StoreTransaction<T>) => Promise<R>): Promise<R>
  /** Deletes the file and its backup (a journal with nothing left to say). */
  remove(): Promise<void>
  /** What this process found wrong with the file, and did about it; null when nothing. */
  report(): DataFileReport | null
  idle(): Promise<void>
}

type Found<T> = { kind: 'missing' } | Interpreted<T> | { kind: 'damaged'; damage: DataFileDamage; regular: boolean }

/**
 * A data file with a schema: the one way Cubeta reads and writes profiles.json and the
 * journals
 *
 * Reads need no lock (writes are atomic renames). A file that does not validate is
 * handled once, under the lock, before anything may overwrite it:
 * - its exact bytes are kept as a dated damaged copy (`<file>.corrupt-<date>`);
 * - a list with some bad entries keeps the good ones, and the bad ones stay in the file,
 *   unchanged, under `unreadableEntries` with what is wrong, until fixed by hand;
 * - otherwise the last good `.bak` is put back, or the file starts empty;
 * - if the damaged file can't be set aside, nothing is written over it at all.
 * `report()` says which of these happened, for the notice at start.
 */
export function createJsonStore<T>(path: string, schema: z.ZodType<T>, options: JsonStoreOptions<T>): JsonStore<T> {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024
  let lastReport: DataFileReport | null = null
  let blocked: AppError | null = null

  const found = async (file: string): Promise<Found<T>> => {
    const info = await lstat(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : error))
    if (info === null) return { kind: 'missing' }
    if (info instanceof Error) return { kind: 'damaged', damage: 'unreadable', regular: false }
    // A link to a regular file is read through; anything else is not a data file.
    const target = info.isSymbolicLink() ? await stat(file).catch(() => null) : info
    if (!target?.isFile()) return { kind: 'damaged', damage: 'not-a-file', regular: false }
    if (target.size > maxBytes) return { kind: 'damaged', damage: 'too-large', regular: true }
    const text = await readFile(file, 'utf8').catch(() => null)
    if (text === null) return { kind: 'damaged', damage: 'unreadable', regular: true }
    return interpretDataFile(text, schema, options.entries)
  }

  const describe = (kept: KeptEntry[]) =>
    kept.map((k) => ({ position: k.position, name: options.entries?.label?.(k.entry) ?? null, problems: k.problems }))
  const note = (report: Omit<DataFileReport, 'file' | 'path' | 'unreadableEntries'>, kept: KeptEntry[]) => {
    lastReport = { file: options.kind, path, ...report, unreadableEntries: describe(kept) }
  }
  /** A good file may still hold entries kept from an earlier start: they are shown each time. */
  const noteKept = (kept: KeptEntry[]) => {
    if (lastReport) {
      lastReport = { ...lastReport, unreadableEntries: describe(kept) }
      if (kept.length === 0 && lastReport.damage === null && lastReport.damagedCopy === null) lastReport = null
    } else if (kept.length > 0) note({ damage: null, outcome: 'kept-good-entries', damagedCopy: null }, kept)
  }

  const serialise = (value: T, kept: readonly KeptEntry[]) =>
    kept.length > 0 && value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [unreadableField]: kept } : value

  /** Under the lock: the file's value, after setting aside whatever was damaged. */
  async function settle(): Promise<{ value: T; kept: KeptEntry[]; good: boolean }> {
    const now = await found(path)
    if (now.kind === 'missing') return { value: options.empty(), kept: [], good: false }
    if (now.kind === 'ok') {
      blocked = null
      noteKept(now.kept)
      return { value: now.value, kept: now.kept, good: true }
    }
    if (now.kind === 'salvaged') {
      const damagedCopy = await setAside('leave-in-place')
      await writeJsonAtomic(path, serialise(now.value, now.kept), { keepBackup: false })
      note({ damage: null, outcome: 'kept-good-entries', damagedCopy }, now.kept)
      return { value: now.value, kept: now.kept, good: true }
    }
    const backup = await found(`${path}.bak`)
    const usable = backup.kind === 'ok' || backup.kind === 'salvaged' ? backup : null
    const regular = now.kind === 'damaged' && 'regular' in now ? now.regular : true
    const damagedCopy = await setAside(usable && regular ? 'leave-in-place' : 'move')
    if (usable) {
      await writeJsonAtomic(path, serialise(usable.value, usable.kept), { keepBackup: false })
      note({ damage: now.damage, outcome: 'restored-backup', damagedCopy }, usable.kept)
      return { value: usable.value, kept: usable.kept, good: true }
    }
    note({ damage: now.damage, outcome: 'started-empty', damagedCopy }, [])
    return { value: options.empty(), kept: [], good: false }

    async function setAside(how: 'leave-in-place' | 'move'): Promise<string> {
      try {
        return await keepDamagedCopy(path, how)
      } catch (error) {
        // Never overwrite what could not be kept: the user's data may be in it.
        blocked = new AppError('data-file-damaged', `${basename(path)} is damaged, and Cubeta could not keep a copy of it: ${(error as Error).message}.`,
          `Move ${path} somewhere safe yourself, then restart Cubeta.`, { path })
        note({ damage: now.kind === 'damaged' ? now.damage : 'wrong-shape', outcome: 'left-alone', damagedCopy: null }, [])
        throw blocked
      }
    }
  }

  const underLock = <R>(work: () => Promise<R>) => withDataFileLock(path, work)

  async function readWithKept(): Promise<{ value: T; kept: KeptEntry[] }> {
    const now = await found(path)
    if (now.kind === 'missing') return { value: options.empty(), kept: [] }
    if (now.kind === 'ok') {
      noteKept(now.kept)
      return { value: now.value, kept: now.kept }
    }
    // Damaged: set it aside once, under the lock (another reader may have done it already).
    return underLock(settle).catch((error: unknown) => {
      if (error === blocked) return { value: options.empty(), kept: [] }
      throw error
    })
  }

  return {
    path,
    readWithKept,
    read: async () => (await readWithKept()).value,
    update: (work) =>
      underLock(async () => {
        const settled = await settle()
        const { kept } = settled
        let { value, good } = settled
        return work({
          get value() {
            return value
          },
          kept,
          async write(next) {
            await writeJsonAtomic(path, serialise(next, kept), { keepBackup: good })
            value = next
            good = true
          },
        })
      }),
    remove: () =>
      underLock(async () => {
        await settle()
        await Promise.all([rm(path, { force: true }), rm(`${path}.bak`, { force: true })])
      }),
    report: () => lastReport,
    idle: () => dataFileIdle(path),
  }
}
