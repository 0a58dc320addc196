import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The same data folder Electron uses (app.getPath('userData') for "Cubeta"), so the
 * desktop app and browser mode share profiles. CUBETA_DATA_DIR overrides it (tests).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = homedir()): string {
  if (env.CUBETA_DATA_DIR) return env.CUBETA_DATA_DIR
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Cubeta')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Cubeta')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Cubeta')
}
