import { vi } from 'vitest'
import type { CubetaApi } from '../../src-main/contract/bridge'
import { registerIpc } from '../../src-main/electron/ipc'
import { createElectronStandIn, type ElectronStandIn } from './electronStandIn'

/**
 * What a window's page sees in Electron, without Electron: the stand-in made ready, one
 * window, the real IPC side registered over `backend`, and the real preload loaded fresh
 * over the stand-in. Returns the `window.cubeta` it exposed; dispose the stand-in after.
 */
export async function preloadPage(backend: Parameters<typeof registerIpc>[0]['backend']): Promise<{ standIn: ElectronStandIn; page: CubetaApi }> {
  const standIn = createElectronStandIn()
  standIn.becomeReady()
  const window = new standIn.electron.BrowserWindow({})
  registerIpc({ ipcMain: standIn.electron.ipcMain as never, backend, windowContents: () => window.webContents as never })
  vi.resetModules()
  vi.doMock('electron', () => standIn.electron)
  await import('../../src-main/electron/preload')
  return { standIn, page: standIn.exposed.get('cubeta') as CubetaApi }
}
