import { readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { mapWithConcurrency } from '../../core/async/workerPool'

/** One stat at a time leaves libuv's thread pool idle between round trips; this many keep it busy. */
const statsAtOnce = 64

export interface SourceFile {
  absolutePath: string
  /** With "/" separators, starting at the dropped item's own name: "fotos/2024/gato.png". */
  relativePath: string
  size: number
}

/** A dropped or picked item on disk, and where it goes under the upload's prefix. */
export interface SourceItem {
  path: string
  relativePath: string
}

/**
 * Dropped files and folders, as the list of files to upload
 *
 * A file goes to its own relative path; a folder's files go under the folder's, keeping
 * their paths inside it, as a desktop copy would. Symbolic links inside a folder are not
 * followed, so a link loop can't run away.
 */
export async function listSourceFiles(items: SourceItem[]): Promise<SourceFile[]> {
  const files: SourceFile[] = []
  for (const item of items) {
    const info = await stat(item.path)
    if (info.isFile()) {
      files.push({ absolutePath: item.path, relativePath: item.relativePath, size: info.size })
      continue
    }
    if (!info.isDirectory()) continue
    const found: string[] = []
    for (const entry of await readdir(item.path, { recursive: true, withFileTypes: true })) if (entry.isFile()) found.push(join(entry.parentPath, entry.name))
    // Thousands of small files are thousands of stats: the upload waits for all of them.
    const sizes = await mapWithConcurrency(found, statsAtOnce, async (absolutePath) => (await stat(absolutePath)).size)
    found.forEach((absolutePath, i) => files.push({ absolutePath, relativePath: `${item.relativePath}/${relative(item.path, absolutePath).split(sep).join('/')}`, size: sizes[i]! }))
  }
  return files
}
