import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * A JSON file that a crash can never truncate
 *
 * Writes go to a temporary file in the same folder, are fsynced, then renamed over the
 * target, which is atomic on every platform we ship to. With `keepBackup`, the current
 * copy is kept as `.bak` first; the caller says so only when it has checked that copy
 * is good, so a damaged file never replaces the last good backup.
 */
export async function writeJsonAtomic(path: string, value: unknown, options: { keepBackup: boolean }): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 })
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
  const handle = await open(temporary, 'w', 0o600)
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    if (options.keepBackup) await copyFile(path, `${path}.bak`)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}
