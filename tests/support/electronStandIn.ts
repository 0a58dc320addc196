import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join } from 'node:path'

/**
 * A stand-in for the `electron` module that is no kinder than Electron 45
 *
 * These machines can't download Electron's binary, so the shell's tests replace the
 * module. A stand-in that quietly accepts what Electron refuses hides real failures, so
 * each behaviour below follows electron.d.ts and Electron's documentation:
 * - `app.setPath` throws for a relative path or a folder that doesn't exist;
 * - `app.quit()` emits 'before-quit' and 'will-quit', and goes on quitting unless a
 *   listener calls preventDefault() (it never waits for a promise); `app.exit()` emits
 *   neither;
 * - closing the last window emits 'window-all-closed', and with no listener the app quits;
 * - `app.setAppUserModelId` exists only on Windows;
 * - an unhandled rejection in main is only a warning: no dialog, no exit;
 * - `dialog.showErrorBox` before 'ready' on Linux prints to stderr instead;
 * - `protocol.handle` throws for a scheme that is already handled;
 * - `webUtils.getPathForFile` returns '' for a File not backed by a file on disk (built
 *   in JS, or an image dragged from a web page) and throws for anything but a File;
 * - `ipcRenderer.invoke` rejects when main has no handler, and both directions copy
 *   their arguments (structured clone), so nothing is shared by reference.
 * Calls that Electron says may only happen before 'ready' are recorded in `misuse`
 * when they come after it.
 *
 * No vitest import: the checklist test loads the built app through Node's loader with
 * this stand-in, and the source tests through vi.doMock.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stands in for any Electron listener or method
type Listener = (...args: any[]) => any

export interface StandInOptions {
  /** The OS the app should see; process.platform is pretended while the stand-in lives. */
  platform?: NodeJS.Platform
  singleInstanceLock?: boolean
  version?: string
}

export interface Ending {
  how: 'quit' | 'exit'
  code: number
}

/** A preventable event, as Electron hands to app and web contents listeners. */
function preventable(fields: Record<string, unknown> = {}) {
  let prevented = false
  return {
    event: { ...fields, preventDefault: () => void (prevented = true), get defaultPrevented() { return prevented } },
    prevented: () => prevented,
  }
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>

export function createElectronStandIn(options: StandInOptions = {}) {
  const platform = options.platform ?? process.platform
  const root = mkdtempSync(join(tmpdir(), 'cubeta-standin-'))
  const paths = new Map<string, string>()
  for (const name of ['home', 'appData', 'userData', 'temp', 'downloads', 'documents', 'desktop']) {
    paths.set(name, join(root, name))
    mkdirSync(join(root, name))
  }
  let name = 'Electron'
  let ready = false
  let ending: Ending | null = null
  let quitting = false

  /** What the app asked of Electron, in order ("app.enableSandbox", "new BrowserWindow"...). */
  const calls: string[] = []
  const misuse: string[] = []
  const dialogs: { title: string; content: string }[] = []
  const stderr: string[] = []
  const unhandledRejections: unknown[] = []
  const appUserModelIds: string[] = []
  const schemes: { scheme: string; privileges: Record<string, boolean> }[] = []
  const protocolHandlers = new Map<string, Listener>()
  const ipcHandlers = new Map<string, Listener>()
  const ipcListeners: string[] = []
  const exposed = new Map<string, unknown>()
  /** The preload's side: what it sent to main, and its listeners for main's messages. */
  const invoked: { channel: string; args: unknown[] }[] = []
  const rendererListeners = new Map<string, Set<Listener>>()
  const openedExternally: string[] = []
  const clipboardWrites: string[] = []
  const defaultSession = fakeSession()
  const diskFiles = new WeakMap<File, string>()

  let signalReady!: () => void
  const readyPromise = new Promise<void>((resolve) => (signalReady = resolve))
  let signalEnd!: (ending: Ending) => void
  const ended = new Promise<Ending>((resolve) => (signalEnd = resolve))
  let signalWindow!: () => void
  const windowLoaded = new Promise<void>((resolve) => (signalWindow = resolve))
  let signalRejection!: () => void
  const rejected = new Promise<void>((resolve) => (signalRejection = resolve))

  const beforeReady = (what: string) => {
    calls.push(what)
    if (ready) misuse.push(`${what} after ready`)
  }
  const end = (how: Ending['how'], code: number) => {
    if (ending) return
    ending = { how, code }
    signalEnd(ending)
  }

  const appEvents = new EventEmitter()
  const app = {
    on(event: string, listener: Listener) {
      appEvents.on(event, listener)
      return app
    },
    once(event: string, listener: Listener) {
      appEvents.once(event, listener)
      return app
    },
    enableSandbox: () => beforeReady('app.enableSandbox'),
    setName: (value: string) => void (name = value),
    getName: () => name,
    getVersion: () => options.version ?? '0.0.0-standin',
    getLocale: () => 'en-US',
    isReady: () => ready,
    whenReady: () => {
      calls.push('app.whenReady')
      return readyPromise
    },
    requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
    getPath(which: string) {
      if (which === 'logs' && !paths.has('logs')) app.setAppLogsPath()
      const path = paths.get(which)
      if (path === undefined) throw new Error(`Failed to get '${which}' path`)
      return path
    },
    setPath(which: string, path: string) {
      calls.push(`app.setPath(${which})`)
      if (!isAbsolute(path)) throw new Error('Path must be absolute')
      if (!paths.has(which) && which !== 'sessionData' && which !== 'crashDumps') throw new Error('Failed to set path')
      if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new Error('Failed to set path')
      paths.set(which, path)
    },
    /** Without a path: <userData>/logs on Linux and Windows, ~/Library/Logs/<name> on macOS. */
    setAppLogsPath(path?: string) {
      calls.push('app.setAppLogsPath')
      if (path !== undefined && !isAbsolute(path)) throw new Error('Path must be absolute')
      const logs = path ?? (platform === 'darwin' ? join(paths.get('home')!, 'Library', 'Logs', name) : join(paths.get('userData')!, 'logs'))
      mkdirSync(logs, { recursive: true })
      paths.set('logs', logs)
    },
    ...(platform === 'win32'
      ? {
          setAppUserModelId(id: string) {
            calls.push('app.setAppUserModelId')
            appUserModelIds.push(id)
          },
        }
      : {}),
    quit() {
      calls.push('app.quit')
      if (ending) return
      const before = preventable()
      appEvents.emit('before-quit', before.event)
      if (before.prevented()) return
      quitting = true
      for (const window of [...FakeBrowserWindow.all]) window.close()
      quitting = false
      const will = preventable()
      appEvents.emit('will-quit', will.event)
      if (will.prevented()) return
      end('quit', 0)
      appEvents.emit('quit', {}, 0)
    },
    exit(code = 0) {
      calls.push(`app.exit(${code})`)
      end('exit', code)
    },
  }

  class FakeWebContents extends EventEmitter {
    static nextId = 1
    id = FakeWebContents.nextId++
    sent: { channel: string; payload: unknown }[] = []
    mainFrame = { url: 'app://cubeta/index.html', parent: null }
    session = fakeSession()
    destroyed = false
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload: structuredClone(payload) })
      // What ipcRenderer listeners get: an event object first, then a copy of the payload.
      const event = { sender: electron.ipcRenderer, senderId: 0, ports: [] }
      for (const listener of rendererListeners.get(channel) ?? []) listener(event, structuredClone(payload))
    }
    isDestroyed = () => this.destroyed
    windowOpenHandler: Listener | null = null
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static all: FakeBrowserWindow[] = []
    static getAllWindows = () => [...FakeBrowserWindow.all]
    readonly webContents = new FakeWebContents()
    readonly loaded: string[] = []
    destroyed = false
    minimized = false
    focused = 0
    progress: number[] = []
    constructor(readonly options: Record<string, unknown>) {
      super()
      calls.push('new BrowserWindow')
      if (!ready) misuse.push('new BrowserWindow before ready')
      FakeBrowserWindow.all.push(this)
    }
    loadURL(url: string) {
      this.loaded.push(url)
      this.webContents.mainFrame.url = url
      signalWindow()
      return Promise.resolve()
    }
    loadFile(file: string) {
      this.loaded.push(`loadFile:${file}`)
      signalWindow()
      return Promise.resolve()
    }
    show() {}
    focus() {
      this.focused++
    }
    restore() {
      this.minimized = false
    }
    isMinimized = () => this.minimized
    isDestroyed = () => this.destroyed
    setProgressBar(value: number) {
      this.progress.push(value)
    }
    close() {
      if (this.destroyed) return
      const close = preventable()
      this.emit('close', close.event)
      if (close.prevented()) return
      this.destroyed = true
      this.webContents.destroyed = true
      FakeBrowserWindow.all = FakeBrowserWindow.all.filter((w) => w !== this)
      this.emit('closed')
      if (FakeBrowserWindow.all.length === 0 && !quitting) {
        if (appEvents.listenerCount('window-all-closed') > 0) appEvents.emit('window-all-closed')
        else app.quit()
      }
    }
  }

  /** The IPC event main sees for a message from our window's main frame. */
  const eventFromWindow = () => {
    const window = FakeBrowserWindow.all[0]
    return { sender: window?.webContents ?? null, senderFrame: window?.webContents.mainFrame ?? null }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showErrorBox(title: string, content: string) {
        calls.push('dialog.showErrorBox')
        if (!ready && platform === 'linux') stderr.push(`${title}\n${content}`)
        else dialogs.push({ title, content })
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
    },
    protocol: {
      registerSchemesAsPrivileged(list: typeof schemes) {
        beforeReady('protocol.registerSchemesAsPrivileged')
        schemes.push(...list)
      },
      handle(scheme: string, handler: Listener) {
        calls.push(`protocol.handle(${scheme})`)
        if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
        protocolHandlers.set(scheme, handler)
      },
    },
    session: { defaultSession },
    ipcMain: {
      handle(channel: string, handler: Listener) {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        ipcHandlers.set(channel, handler)
      },
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
      on: (channel: string) => void ipcListeners.push(channel),
    },
    ipcRenderer: {
      async invoke(channel: string, ...args: unknown[]) {
        invoked.push({ channel, args: structuredClone(args) })
        const handler = ipcHandlers.get(channel)
        if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
        return structuredClone(await handler(eventFromWindow(), ...structuredClone(args)))
      },
      on(channel: string, listener: Listener) {
        if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set())
        rendererListeners.get(channel)?.add(listener)
        return electron.ipcRenderer
      },
      removeListener(channel: string, listener: Listener) {
        rendererListeners.get(channel)?.delete(listener)
        return electron.ipcRenderer
      },
      send: (channel: string) => void misuse.push(`ipcRenderer.send(${channel}): Cubeta only invokes`),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    webUtils: {
      getPathForFile(file: unknown) {
        if (!(file instanceof File)) throw new TypeError('getPathForFile: the argument must be a File')
        return diskFiles.get(file) ?? ''
      },
    },
    shell: { openExternal: async (url: string) => void openedExternally.push(url) },
    clipboard: { writeText: (text: string) => void clipboardWrites.push(text) },
    // A light desktop: the window opens in the light theme's colour.
    nativeTheme: { shouldUseDarkColors: false },
  }

  const platformBefore = Object.getOwnPropertyDescriptor(process, 'platform')
  if (options.platform) Object.defineProperty(process, 'platform', { value: options.platform, configurable: true })

  // Electron only warns about an unhandled rejection in main; vitest would fail the run
  // instead, so while the stand-in lives they are recorded, as the warning would be.
  const vitestListeners = process.listeners('unhandledRejection')
  const recordRejection = (reason: unknown) => {
    unhandledRejections.push(reason)
    signalRejection()
  }
  process.removeAllListeners('unhandledRejection')
  process.on('unhandledRejection', recordRejection)

  return {
    /** What `import ... from 'electron'` returns. */
    electron,
    calls,
    misuse,
    dialogs,
    stderr,
    unhandledRejections,
    appUserModelIds,
    schemes,
    protocolHandlers,
    ipcHandlers,
    ipcListeners,
    exposed,
    invoked,
    rendererListeners,
    openedExternally,
    clipboardWrites,
    defaultSession,
    windows: () => FakeBrowserWindow.all,
    ending: () => ending,
    /** Resolves when the app quits or exits. */
    ended,
    /** The first window loaded, the app ended, or main left a rejection unhandled. */
    settled: () => Promise.race([windowLoaded, ended, rejected]),
    appEvents,
    becomeReady() {
      ready = true
      appEvents.emit('ready', {}, {})
      signalReady()
    },
    /** A File that Chromium would back with this file on disk (a drop or a picker); a dropped folder is an empty one. */
    fileOnDisk(path: string) {
      const file = new File(statSync(path).isDirectory() ? [] : [readFileSync(path)], basename(path))
      diskFiles.set(file, path)
      return file
    },
    /** The OS launching Cubeta again while it runs (single-instance lock held here). */
    launchAgain: () => appEvents.emit('second-instance', {}, ['cubeta'], root, {}),
    /** macOS: a click on the dock icon, or opening the app again. */
    activate: () => appEvents.emit('activate', {}, FakeBrowserWindow.all.length > 0),
    /** A web contents as 'web-contents-created' hands it over. */
    webContentsCreated() {
      const contents = new FakeWebContents()
      appEvents.emit('web-contents-created', {}, contents)
      return contents
    },
    dispose() {
      process.removeListener('unhandledRejection', recordRejection)
      for (const listener of vitestListeners) process.on('unhandledRejection', listener as Listener)
      if (platformBefore) Object.defineProperty(process, 'platform', platformBefore)
      FakeBrowserWindow.all = []
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** A session that records its permission handlers; any other call is recorded by name. */
function fakeSession() {
  const record = { request: null as Listener | null, check: null as Listener | null, other: [] as string[] }
  const session = new Proxy(
    {
      setPermissionRequestHandler: (handler: Listener) => void (record.request = handler),
      setPermissionCheckHandler: (handler: Listener) => void (record.check = handler),
    } as Record<string, unknown>,
    { get: (target, key: string) => target[key] ?? (key === 'record' ? record : () => void record.other.push(key)) },
  )
  return session as typeof session & { record: typeof record }
}
