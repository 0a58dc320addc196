import { readdir, stat } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'

export interface SourceFile {
  absolutePath: string
  /** With "/" separators, starting at the dropped item's own name: "fotos/2024/gato.png". */
  relativePath: string
  size: number
}

/**
 * Dropped files and folders, as the list of files to upload
 *
 * Folders recurse and keep their relative paths under the folder's own name, as a
 * desktop copy would. Symbolic links are not followed, so a link loop can't run away.
 */
export async function listSourceFiles(paths: string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = []
  for (const path of paths) {
    const info = await stat(path)
    if (info.isFile()) {
      files.push({ absolutePath: path, relativePath: basename(path), size: info.size })
      continue
    }
    if (!info.isDirectory()) continue
    const parent = join(path, '..')
    for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const absolutePath = join(entry.parentPath, entry.name)
      files.push({
        absolutePath,
        relativePath: relative(parent, absolutePath).split(sep).join('/'),
        size: (await stat(absolutePath)).size,
      })
    }
  }
  return files
}
