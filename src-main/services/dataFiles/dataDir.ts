import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { AppError } from '../../core/appError'

/**
 * Cubeta's data folder, for both shells
 *
 * The default is the folder Electron uses (app.getPath('userData') for "Cubeta"), so the
 * desktop app and browser mode share profiles. CUBETA_DATA_DIR overrides it (tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
  if (env.CUBETA_DATA_DIR) return env.CUBETA_DATA_DIR
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Cubeta')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Cubeta')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Cubeta')
}

/**
 * Creates the data folder if it is missing (private to the user) and returns its
 * absolute path. Electron's app.setPath throws for a folder that doesn't exist, and a
 * first run or a fresh test folder must still start; a folder that can't be created
 * is said in words, with the path.
 */
export function ensureDataDir(path: string): string {
  const absolute = resolve(path)
  try {
    mkdirSync(absolute, { recursive: true, mode: 0o700 })
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new AppError('data-dir-unusable', `Cubeta could not create its data folder ${absolute} (${reason}).`, 'Check that the folder, or its parent, is yours and writable, or point CUBETA_DATA_DIR at another folder.', { path: absolute })
  }
  return absolute
}
