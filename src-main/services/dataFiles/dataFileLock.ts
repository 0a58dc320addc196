import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import lockfile from 'proper-lockfile'
import { AppError } from '../../core/appError'

/**
 * One writer at a time for a data file: first in this process, then across processes
 *
 * Inside the process, changes to one file wait in a single queue (whatever object asked
 * for them). Across processes (the desktop app and browser mode may share the data
 * folder), `proper-lockfile` holds `<file>.lock` for the whole read-change-write. The
 * lock's date is refreshed while it is held, so one left by a crashed process is known
 * stale after a few seconds and taken over, instead of blocking every later start.
 */
const queues = new Map<string, Promise<unknown>>()

/** How old a lock must be, untouched, before it counts as left by a crash. */
export const staleLockMs = 5_000

export function withDataFileLock<R>(path: string, work: () => Promise<R>): Promise<R> {
  const key = resolve(path)
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(() => underProcessLock(key, work))
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  // Forget an idle queue, so a process touching many files does not keep them all.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return run
}

/** Resolves once every change asked for so far on this file has finished. */
export function dataFileIdle(path: string): Promise<void> {
  return (queues.get(resolve(path)) ?? Promise.resolve()).then(() => undefined)
}

async function underProcessLock<R>(path: string, work: () => Promise<R>): Promise<R> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  let lost: Error | null = null
  const release = await lockfile
    .lock(path, {
      realpath: false,
      stale: staleLockMs,
      update: 1_000,
      retries: { retries: 300, factor: 1.3, minTimeout: 5, maxTimeout: 60, randomize: true },
      // The default throws from a timer, which would end the process; note it instead.
      onCompromised: (error) => {
        lost = error
      },
    })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ELOCKED') {
        throw new AppError('data-file-busy', `Another Cubeta window kept ${path} locked for too long.`, 'Wait a moment and try again; if it persists, close the other Cubeta window.', { path })
      }
      throw new AppError('data-file-unwritable', `Cubeta could not lock ${path}: ${error.message}.`, 'Check that the data folder exists and is writable.', { path })
    })
  try {
    const result = await work()
    if (lost) throw new AppError('data-file-busy', `Another program took over ${path} while Cubeta was saving it.`, 'Try again.', { path })
    return result
  } finally {
    await release().catch(() => undefined)
  }
}
