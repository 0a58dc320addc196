import { randomUUID } from 'node:crypto'
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import { AppError } from '../../core/appError'

/**
 * Files on disk that the user handed to this window, by id
 *
 * In Electron the main process reads and uploads files itself, so an upload call that
 * took paths would let any script in the page upload ~/.ssh. Instead the preload reads
 * the paths of the File objects a drop or a file picker produced and registers them
 * here over its own channel; the page gets opaque ids and uploads by id. An id works
 * once, and all of them end when the window closes or reloads, so an old drop can't be
 * replayed later into another bucket.
 */
export interface DiskFiles {
  /** One new id per path, in order. Only the Electron shell calls this, for the preload. */
  register(paths: string[]): string[]
  /** The paths for these ids, which are used up; refuses the whole call if any id is unknown or repeated. */
  take(ids: string[]): string[]
  /** The window closed or reloaded. */
  forgetAll(): void
}

/** The preload's registration, checked as strictly as any call (it comes from a renderer process). */
export const diskFilePaths = z
  .array(z.string().min(1).max(4096).refine(isAbsolute, 'a dropped file has an absolute path'))
  .min(1)
  .max(100_000)

export function createDiskFiles(capacity = 200_000): DiskFiles {
  const paths = new Map<string, string>()
  return {
    register(list) {
      return list.map((path) => {
        const id = randomUUID()
        paths.set(id, path)
        // Map keeps insertion order: the oldest ids go first when a window hoards them.
        if (paths.size > capacity) paths.delete(paths.keys().next().value as string)
        return id
      })
    },
    take(ids) {
      const unique = new Set(ids)
      if (unique.size !== ids.length || ids.some((id) => !paths.has(id))) {
        throw new AppError('file-not-picked', 'Cubeta uploads from disk only the files you drop or pick in its window, once each.', 'Drop the files again, or use the Upload buttons.')
      }
      const found = ids.map((id) => paths.get(id) as string)
      for (const id of ids) paths.delete(id)
      return found
    },
    forgetAll() {
      paths.clear()
    },
  }
}
