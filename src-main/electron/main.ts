import { join } from 'node:path'
import { app, BrowserWindow, clipboard, ipcMain, session, shell } from 'electron'
import type { Backend } from '../services/backend/backend'
import { createBackend } from '../services/backend/createBackend'
import { redactSecrets } from '../services/security/redact'
import { appEntryUrl } from '../services/security/appOrigin'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { chooseDownloadFolder, showStartupError } from './dialogs'
import { registerIpc } from './ipc'
import { followTransferProgress } from './taskbarProgress'
import { hardenSession, hardenWebContents } from './windowHardening'
import { createWindowOptions } from './windowOptions'

/**
 * The Electron entry
 *
 * A thin shell: everything Cubeta does lives in the backend (plain Node, shared with
 * browser mode). This file only orders Electron's start-up: sandbox and scheme before
 * 'ready', hardening for every web contents, then backend, IPC and the one window.
 */
let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null

app.enableSandbox()
app.setName('Cubeta')
// Tests give each run a fresh data folder, as they do in browser mode.
if (process.env.CUBETA_DATA_DIR) app.setPath('userData', process.env.CUBETA_DATA_DIR)
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusWindow)
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url) }),
  )
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (backend !== null && BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.on('will-quit', () => void backend?.close())
  app.whenReady().then(start, failStart)
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession)
  serveRenderer(join(__dirname, '../renderer'))
  backend = await createBackend({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    osLocale: app.getLocale(),
    version: app.getVersion(),
    homeDir: app.getPath('home'),
    awsEndpointOverride: process.env.CUBETA_AWS_ENDPOINT ?? null,
    writeClipboard: (text) => clipboard.writeText(text),
    chooseFolder: () => chooseDownloadFolder(mainWindow),
  })
  registerIpc({ ipcMain, backend, windowContents: () => mainWindow?.webContents ?? null })
  followTransferProgress(backend.events, () => mainWindow)
  openWindow()
}

function openWindow(): void {
  const window = new BrowserWindow(createWindowOptions(join(__dirname, '../preload/index.js')))
  mainWindow = window
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  void window.loadURL(appEntryUrl)
}

function focusWindow(): void {
  if (mainWindow === null) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function failStart(error: unknown): void {
  showStartupError(redactSecrets(error instanceof Error ? error.message : String(error)))
  app.exit(1)
}
