import { join } from 'node:path'
import { app, BrowserWindow, clipboard, ipcMain, nativeTheme, session, shell } from 'electron'
import type { Backend } from '../composition/backend'
import { createBackend } from '../composition/createBackend'
import { redactSecrets } from '../core/redact'
import { ensureDataDir } from '../services/dataFiles/dataDir'
import { openLogFile, type LogFile } from '../services/logs/logFile'
import { appEntryUrl } from '../services/security/appOrigin'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { chooseDownloadFolder, showStartupError } from './dialogs'
import { registerIpc } from './ipc'
import { quitAfterClose } from './quitAfterClose'
import { followTransferProgress } from './taskbarProgress'
import { hardenSession, hardenWebContents } from './windowHardening'
import { createWindowOptions } from './windowOptions'

/**
 * The Electron entry
 *
 * A thin shell: everything Cubeta does lives in the backend (plain Node, shared with
 * browser mode). This file only orders Electron's start-up: sandbox, identity, data
 * folder, log and scheme before 'ready'; hardening for every web contents; then backend,
 * IPC and the one window. A start that fails at any point says what failed and where
 * the log is, then exits: never a silent, windowless process holding the
 * single-instance lock.
 */

/** electron-builder.yml's appId: Windows groups the window with its pinned shortcut by it. */
export const appUserModelId = 'app.cubeta.desktop'
/** The exit code of a start that failed and said why; `npm start` doesn't fall back on it. */
export const startFailedExitCode = 3
const quitTimeLimitMs = 5_000

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null
let log: LogFile | null = null
let phase = 'preparing to start'

if (prepareBeforeReady()) {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
  } else {
    app.on('second-instance', showWindow)
    app.on('activate', showWindow)
    app.on('web-contents-created', (_event, contents) =>
      hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), log: writeLog }),
    )
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit()
    })
    quitAfterClose(app, () => backend?.close() ?? null, { timeLimitMs: quitTimeLimitMs, log: writeLog })
    // .catch, not a second argument to .then: a throw inside start() must land here.
    app.whenReady().then(start).catch(failStart)
  }
}

/** What must happen before 'ready'; false when it failed (and said so). */
function prepareBeforeReady(): boolean {
  try {
    app.enableSandbox()
    app.setName('Cubeta')
    if (process.platform === 'win32') app.setAppUserModelId(appUserModelId)
    phase = 'opening its data folder'
    // Tests give each run a fresh data folder, as they do in browser mode. setPath
    // throws for a folder that doesn't exist yet, so it is created first.
    const dataDirOverride = process.env.CUBETA_DATA_DIR
    if (dataDirOverride) app.setPath('userData', ensureDataDir(dataDirOverride))
    // Linux and Windows keep logs in the data folder anyway; macOS would use ~/Library/Logs.
    if (dataDirOverride) app.setAppLogsPath(join(app.getPath('userData'), 'logs'))
    else app.setAppLogsPath()
    log = openLogFile(join(app.getPath('logs'), 'main.log'))
    phase = 'preparing to start'
    registerAppScheme()
    return true
  } catch (error) {
    failStart(error)
    return false
  }
}

async function start(): Promise<void> {
  phase = 'starting its services'
  hardenSession(session.defaultSession)
  serveRenderer(join(__dirname, '../renderer'))
  backend = await createBackend({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    osLocale: app.getLocale(),
    version: app.getVersion(),
    homeDir: app.getPath('home'),
    // userData is the data folder browser mode shares by default: unused Cubeta secrets are offered for removal.
    claimUnknownSecrets: true,
    awsEndpointOverride: process.env.CUBETA_AWS_ENDPOINT ?? null,
    log: writeLog,
    writeClipboard: (text) => clipboard.writeText(text),
    chooseFolder: () => chooseDownloadFolder(mainWindow),
  })
  registerIpc({ ipcMain, backend, windowContents: () => mainWindow?.webContents ?? null })
  followTransferProgress(backend.events, () => mainWindow)
  phase = 'opening its window'
  await openWindow()
  phase = 'running'
}

function openWindow(): Promise<void> {
  const window = new BrowserWindow(createWindowOptions(join(__dirname, '../preload/index.js'), { dark: nativeTheme.shouldUseDarkColors }))
  mainWindow = window
  window.once('ready-to-show', () => window.show())
  // Ids of dropped files belong to the page that got them: a reload or a new window starts afresh.
  const forgetDroppedFiles = () => backend?.diskFiles?.forgetAll()
  window.webContents.on('did-navigate', forgetDroppedFiles)
  window.webContents.on('render-process-gone', forgetDroppedFiles)
  window.on('closed', () => {
    forgetDroppedFiles()
    if (mainWindow === window) mainWindow = null
  })
  return window.loadURL(appEntryUrl)
}

/**
 * A second launch, or a click on the dock icon (macOS keeps running with no window):
 * bring the window back, opening a new one if it was closed. Before the backend is up
 * there is nothing to show yet; start() opens the window itself.
 */
function showWindow(): void {
  if (backend === null) return
  if (mainWindow === null) {
    openWindow().catch((error: unknown) => writeLog(`The window could not load: ${describe(error)}`))
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function failStart(error: unknown): void {
  writeLog(`Cubeta could not start while ${phase}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  const where = log ? `\n\nThe details are in ${log.path}` : ''
  showStartupError(`Cubeta stopped while ${phase}:\n${redactSecrets(describe(error))}${where}`)
  app.exit(startFailedExitCode)
}

function writeLog(line: string): void {
  console.error(redactSecrets(line.startsWith('[cubeta]') ? line : `[cubeta] ${line}`))
  log?.write(line)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
