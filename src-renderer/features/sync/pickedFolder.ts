import type { DeclaredLocalFile } from '../../../src-main/contract/bridge'

/**
 * A folder the page's folder picker handed over, as a sync sees it
 *
 * Chromium gives each file a `webkitRelativePath` that starts with the chosen folder's
 * own name ("sitio/css/app.css"): the sync wants the path below it ("css/app.css"), so
 * the first part is the folder and the rest is the path. Files without such a path
 * (a plain file picker) have no folder and are left out rather than guessed at.
 */
export interface PickedFolder<F> {
  name: string
  files: DeclaredLocalFile[]
  /** Path below the folder → the File, whose bytes the page sends when the queue asks. */
  byPath: Map<string, F>
}

export interface FolderEntry {
  relativePath: string
  size: number
  lastModified: number
}

export function pickedFolder<F extends FolderEntry>(entries: readonly F[]): PickedFolder<F> | null {
  let name: string | null = null
  const files: DeclaredLocalFile[] = []
  const byPath = new Map<string, F>()
  for (const entry of entries) {
    const parts = entry.relativePath.split('/')
    if (parts.length < 2) continue
    const [top, ...below] = parts
    if (name === null) name = top!
    if (top !== name) continue
    const path = below.join('/')
    if (below.some((part) => part === '' || part === '.' || part === '..')) continue
    files.push({ path, size: entry.size, modifiedMs: Math.max(0, entry.lastModified) })
    byPath.set(path, entry)
  }
  return name === null ? null : { name, files, byPath }
}

/** What the user types as a bucket folder ("static", "/static/", "") as the prefix S3 uses. */
export function prefixFromInput(typed: string): string {
  const trimmed = typed.trim().replace(/^\/+/, '').replace(/\/+$/, '')
  return trimmed === '' ? '' : `${trimmed}/`
}
