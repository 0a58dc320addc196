/**
 * Which keys can't be file names on a disk, and which file names can't be keys
 *
 * Downloads refuse, on every system, what Windows refuses (`<>:"|?*\`, control
 * characters, names ending in a dot or space, CON/PRN/AUX/NUL/COM1-9/LPT1-9): a synced
 * folder travels (a zip, a USB stick, a colleague's laptop), and a name that breaks
 * there is better skipped with its reason here. Folder parts that are empty, "." or ".."
 * could write outside the chosen folder and are always refused. Case-only clashes are
 * refused where the disk ignores case, which the caller finds out by asking the disk.
 */
export type LocalNameProblem = 'dot-segment' | 'empty-segment' | 'forbidden-character' | 'trailing-dot-or-space' | 'reserved-name' | 'name-too-long'

const reserved = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i
// eslint-disable-next-line no-control-regex
const forbidden = /[<>:"|?*\\\u0000-\u001f]/

export function localNameProblem(path: string): LocalNameProblem | null {
  for (const segment of path.split('/')) {
    if (segment === '') return 'empty-segment'
    if (segment === '.' || segment === '..') return 'dot-segment'
    if (forbidden.test(segment)) return 'forbidden-character'
    if (/[. ]$/.test(segment)) return 'trailing-dot-or-space'
    if (reserved.test(segment)) return 'reserved-name'
    if (Buffer.byteLength(segment, 'utf8') > 255) return 'name-too-long'
  }
  return null
}

/** S3 keys are at most 1,024 bytes of UTF-8, the folder prefix included. */
export function keyProblem(prefix: string, path: string): 'key-too-long' | null {
  return Buffer.byteLength(`${prefix}${path}`, 'utf8') > 1024 ? 'key-too-long' : null
}

/**
 * Paths that would collide on the disk: two that differ only by case (where case is
 * ignored), and a file where another path needs a folder ("docs" and "docs/a.md").
 * The first in key order wins; each loser gets its reason and the winner's path.
 */
export function collisions(paths: readonly string[], caseInsensitive: boolean): Map<string, { reason: 'case-clash' | 'file-and-folder'; with: string }> {
  const norm = (p: string) => (caseInsensitive ? p.toLocaleLowerCase('und') : p)
  const out = new Map<string, { reason: 'case-clash' | 'file-and-folder'; with: string }>()
  const folders = new Map<string, string>()
  for (const path of paths) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) {
      const folder = norm(parts.slice(0, i).join('/'))
      if (!folders.has(folder)) folders.set(folder, path)
    }
  }
  const files = new Map<string, string>()
  for (const path of paths) {
    const key = norm(path)
    const folderUser = folders.get(key)
    if (folderUser !== undefined) {
      out.set(path, { reason: 'file-and-folder', with: folderUser })
      continue
    }
    const first = files.get(key)
    if (first !== undefined) out.set(path, { reason: 'case-clash', with: first })
    else files.set(key, path)
  }
  return out
}
