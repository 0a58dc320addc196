import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * A JSON file that a crash can never truncate
 *
 * Writes go to a temporary file in the same folder, are fsynced, then renamed over the
 * target, which is atomic on every platform we ship to. Before each write the current
 * good copy is kept as `.bak`, so a corrupt file (edited by hand, a bad disk) can fall
 * back to the last version Cubeta wrote.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
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
    if (await readJsonIfValid(path)) await copyFile(path, `${path}.bak`)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * The parsed file, or null when it is missing. A corrupt file falls back to `.bak`, or to
 * `empty` when there is no good copy either.
 */
export async function readJsonWithFallback(path: string, empty: unknown): Promise<{ value: unknown; recovered: boolean; damagedCopy?: string; fromBackup?: boolean } | null> {
  const current = await readText(path)
  if (current === null) return null
  try {
    return { value: JSON.parse(current), recovered: false }
  } catch {
    // Keep the damaged file for the user to inspect; never overwrite it silently.
    const damagedCopy = `${path}.corrupt-${Date.now()}`
    await rename(path, damagedCopy).catch(() => undefined)
    const backup = await readJsonIfValid(`${path}.bak`)
    // Put the good copy back in place, so the next read finds it and not an empty list.
    if (backup !== null) await writeJsonAtomic(path, backup)
    return { value: backup ?? empty, recovered: true, damagedCopy, fromBackup: backup !== null }
  }
}

async function readJsonIfValid(path: string): Promise<unknown | null> {
  const text = await readText(path)
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
