import { lstat, readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { LocalFile } from './syncPlan'

/** A download's bytes go here first; it is renamed over the real name only when complete. */
export const partialSuffix = /\.cubeta-partial-[0-9a-f]{8}$/

const lstatsAtOnce = 64

export interface ScannedFolder {
  files: (LocalFile & { absolutePath: string })[]
  /** Links, sockets and the like: not synced, listed with the reason. */
  notFiles: string[]
  /** Half-written downloads of an interrupted run, to clean up. */
  partials: string[]
}

/**
 * Every regular file below a folder, with its size and modified time
 *
 * Symbolic links are not followed (a link can point outside the folder, or into a loop).
 * Half-written downloads of an interrupted sync are left out, for the runner to remove.
 */
export async function scanFolder(root: string): Promise<ScannedFolder> {
  const scanned: ScannedFolder = { files: [], notFiles: [], partials: [] }
  const regular: { path: string; absolutePath: string }[] = []
  // Thousands of files share a few folders: each folder's path below the root is worked
  // out once (path.relative and join per file cost as much as the lstats).
  const folders = new Map<string, { below: string; absolute: string }>()
  const folder = (parentPath: string) => {
    let known = folders.get(parentPath)
    if (!known) {
      const below = relative(root, parentPath).split(sep).join('/')
      known = { below: below ? `${below}/` : '', absolute: join(parentPath, sep) }
      folders.set(parentPath, known)
    }
    return known
  }
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const { below, absolute } = folder(entry.parentPath)
    const absolutePath = absolute + entry.name
    const path = below + entry.name
    if (entry.isDirectory()) continue
    if (partialSuffix.test(entry.name)) {
      scanned.partials.push(absolutePath)
      continue
    }
    if (!entry.isFile()) {
      scanned.notFiles.push(path)
      continue
    }
    regular.push({ path, absolutePath })
  }
  // One lstat at a time leaves libuv's thread pool idle between calls: thousands of small
  // files then cost thousands of round trips. A batch at a time keeps the pool busy.
  for (let start = 0; start < regular.length; start += lstatsAtOnce) {
    const batch = regular.slice(start, start + lstatsAtOnce)
    const infos = await Promise.all(batch.map((f) => lstat(f.absolutePath)))
    batch.forEach((f, i) => scanned.files.push({ path: f.path, size: infos[i]!.size, modifiedMs: infos[i]!.mtimeMs, absolutePath: f.absolutePath }))
  }
  return scanned
}
