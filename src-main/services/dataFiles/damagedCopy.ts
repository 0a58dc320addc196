import { constants } from 'node:fs'
import { copyFile, link, lstat, rename } from 'node:fs/promises'

/**
 * `profiles.json.corrupt-20260115093012345`: the date and time (UTC, to the millisecond)
 * when Cubeta found the file damaged, so several damaged copies sort by age and none
 * replaces another.
 */
export function damagedCopyName(path: string, at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, '')
  return `${path}.corrupt-${stamp}`
}

/**
 * Keeps the damaged file's exact bytes under a dated name before anything replaces it
 *
 * `leaveInPlace` keeps the original where it is as well (a hard link, or a copy where
 * links are not possible), so the file never goes missing while the repaired version is
 * written over it. Otherwise (a directory, a file Cubeta will not rewrite) it is moved.
 */
export async function keepDamagedCopy(path: string, how: 'leave-in-place' | 'move', now = new Date()): Promise<string> {
  let at = now.getTime()
  for (;;) {
    const target = damagedCopyName(path, new Date(at))
    if (!(await exists(target))) {
      if (how === 'move') await rename(path, target)
      else await link(path, target).catch(() => copyFile(path, target, constants.COPYFILE_EXCL))
      return target
    }
    at++
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  )
}
