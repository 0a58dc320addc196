import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Backend } from '../../src-main/composition/backend'
import type { BackendOptions } from '../../src-main/composition/backendOptions'
import { createEventHub } from '../../src-main/core/eventHub'
import { startFailedExitCode as launcherKnowsThisCode } from '../../src-main/electron/start.mjs'
import { createElectronStandIn, type ElectronStandIn, type StandInOptions } from '../support/electronStandIn'

/**
 * The Electron entry (src-main/electron/main.ts) as Electron 45 would run it
 *
 * `electron` is the stand-in from tests/support/electronStandIn.ts, which behaves as the
 * real API documents (setPath refuses a missing folder, will-quit goes on unless
 * prevented, an unhandled rejection is only a warning); the backend is a fake the test
 * controls, so a start can fail and a close can hang on purpose.
 */
const projectDir = resolve(import.meta.dirname, '../..')
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }
let standIn: ElectronStandIn
const scratch: string[] = []

afterEach(() => {
  vi.useRealTimers()
  standIn?.dispose()
  delete process.env.CUBETA_DATA_DIR
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function fakeBackend(overrides: Partial<Backend> = {}): Backend {
  return {
    router: { dispatch: vi.fn(async () => ({ ok: true as const, value: null })) },
    events: createEventHub(),
    transfers: { provideBytes: () => false, settled: async () => undefined },
    diskFiles: null,
    openDownload: async () => null,
    openZip: () => null,
    close: vi.fn(async () => undefined),
    ...overrides,
  }
}

/** Loads main.ts fresh against a new stand-in, makes the app ready, and waits until it has a window or ended. */
async function startMain(options: StandInOptions & { backend?: (options: BackendOptions) => Promise<Backend>; before?: (s: ElectronStandIn) => void; wait?: boolean } = {}) {
  standIn = createElectronStandIn(options)
  options.before?.(standIn)
  vi.resetModules()
  vi.doMock('electron', () => standIn.electron)
  const createBackend = vi.fn(options.backend ?? (async () => fakeBackend()))
  vi.doMock('../../src-main/composition/createBackend', () => ({ createBackend }))
  const main = await import('../../src-main/electron/main')
  standIn.becomeReady()
  if (options.wait !== false) await standIn.settled()
  return { createBackend, main }
}

const logFile = () => join(standIn.electron.app.getPath('userData'), 'logs', 'main.log')

describe('a start that fails', () => {
  it('shows a plain dialog with what failed and where the log is, then exits non-zero', async () => {
    await startMain({
      backend: async () => {
        throw new Error('the keychain could not be opened (secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY)')
      },
    })
    expect(standIn.unhandledRejections).toEqual([])
    expect(standIn.dialogs).toHaveLength(1)
    const [dialog] = standIn.dialogs
    expect(dialog?.title).toBe('Cubeta could not start')
    expect(dialog?.content).toMatch(/starting its services/)
    expect(dialog?.content).toMatch(/the keychain could not be opened/)
    expect(dialog?.content).toContain(logFile())
    expect(dialog?.content).not.toMatch(/wJalrXUtnFEMI/)
    expect(standIn.ending()).toMatchObject({ how: 'exit' })
    expect(standIn.ending()?.code).not.toBe(0)
    expect(standIn.windows()).toHaveLength(0)
    const logged = readFileSync(logFile(), 'utf8')
    expect(logged).toMatch(/the keychain could not be opened/)
    expect(logged).toMatch(/at /) // the stack is in the log, not in the dialog
    expect(logged).not.toMatch(/wJalrXUtnFEMI/)
  })

  it('says so too when the protocol can not be registered', async () => {
    await startMain({ before: (s) => s.protocolHandlers.set('app', () => undefined) })
    expect(standIn.unhandledRejections).toEqual([])
    expect(standIn.dialogs[0]?.content).toMatch(/Failed to register protocol: app/)
    expect(standIn.ending()?.code).not.toBe(0)
  })

  it('exits with the code npm start knows as "already explained", so it does not fall back on top', async () => {
    const { main } = await startMain({ backend: async () => Promise.reject(new Error('no')) })
    expect(standIn.ending()).toEqual({ how: 'exit', code: main.startFailedExitCode })
    expect(main.startFailedExitCode).toBe(launcherKnowsThisCode)
  })
})

describe('quitting', () => {
  it('waits for the backend to close, then quits', async () => {
    let finishClose!: () => void
    const close = vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve)))
    await startMain({ backend: async () => fakeBackend({ close }) })
    standIn.electron.app.quit()
    expect(close).toHaveBeenCalledTimes(1)
    expect(standIn.ending()).toBeNull()
    standIn.electron.app.quit() // a second Cmd+Q while closing
    expect(close).toHaveBeenCalledTimes(1)
    finishClose()
    expect(await standIn.ended).toEqual({ how: 'quit', code: 0 })
    expect(close).toHaveBeenCalledTimes(1)
  })

  it('quits anyway when closing hangs past the time limit, and logs it', async () => {
    const close = vi.fn(() => new Promise<void>(() => undefined))
    await startMain({ backend: async () => fakeBackend({ close }) })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    standIn.electron.app.quit()
    await vi.advanceTimersByTimeAsync(4_900)
    expect(standIn.ending()).toBeNull()
    await vi.advanceTimersByTimeAsync(200)
    expect(await standIn.ended).toEqual({ how: 'quit', code: 0 })
    expect(readFileSync(logFile(), 'utf8')).toMatch(/had not closed after 5 s/)
  })

  it('quits at once when the backend never started', async () => {
    await startMain({ backend: () => new Promise<Backend>(() => undefined), wait: false })
    await new Promise((r) => setImmediate(r))
    standIn.electron.app.quit()
    expect(standIn.ending()).toEqual({ how: 'quit', code: 0 })
  })
})

describe('the data folder', () => {
  it('is created when CUBETA_DATA_DIR names one that does not exist yet', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cubeta-main-'))
    scratch.push(parent)
    process.env.CUBETA_DATA_DIR = join(parent, 'not', 'yet')
    const { createBackend } = await startMain()
    expect(existsSync(process.env.CUBETA_DATA_DIR)).toBe(true)
    expect(standIn.electron.app.getPath('userData')).toBe(process.env.CUBETA_DATA_DIR)
    expect(createBackend.mock.calls[0]?.[0].dataDir).toBe(process.env.CUBETA_DATA_DIR)
    expect(standIn.dialogs).toEqual([])
    expect(standIn.windows()).toHaveLength(1)
    expect(existsSync(join(process.env.CUBETA_DATA_DIR, 'logs'))).toBe(true)
  })

  it('that can not be created stops the start with the folder named, and a non-zero exit', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cubeta-main-'))
    scratch.push(parent)
    writeFileSync(join(parent, 'a-file'), 'x')
    process.env.CUBETA_DATA_DIR = join(parent, 'a-file', 'data')
    const { createBackend } = await startMain({ platform: 'linux' })
    // Before 'ready' on Linux, Electron prints the error box to stderr.
    expect(standIn.stderr.join('\n')).toMatch(/could not create its data folder .*a-file\/data/)
    expect(standIn.ending()?.code).not.toBe(0)
    expect(createBackend).not.toHaveBeenCalled()
  })
})

describe('the log', () => {
  it('gets the backend log lines, redacted', async () => {
    const { createBackend } = await startMain()
    createBackend.mock.calls[0]?.[0].log?.('[cubeta] profiles/add failed: key AKIAIOSFODNN7EXAMPLE')
    const logged = readFileSync(logFile(), 'utf8')
    expect(logged).toMatch(/profiles\/add failed/)
    expect(logged).not.toMatch(/AKIAIOSFODNN7EXAMPLE/)
  })
})

describe('windows', () => {
  it('macOS: a second launch or a dock click with the window closed opens it again', async () => {
    await startMain({ platform: 'darwin' })
    standIn.windows()[0]?.close()
    expect(standIn.ending()).toBeNull() // macOS apps stay open without windows
    expect(standIn.windows()).toHaveLength(0)
    standIn.launchAgain()
    expect(standIn.windows()).toHaveLength(1)
    standIn.windows()[0]?.close()
    standIn.activate()
    expect(standIn.windows()).toHaveLength(1)
    expect(standIn.windows()[0]?.loaded).toEqual(['app://cubeta/index.html'])
  })

  it('a second launch brings the open window back instead of opening another', async () => {
    await startMain()
    const window = standIn.windows()[0]!
    window.minimized = true
    standIn.launchAgain()
    expect(standIn.windows()).toEqual([window])
    expect(window.minimized).toBe(false)
    expect(window.focused).toBe(1)
  })

  it('Linux and Windows quit when the last window closes', async () => {
    await startMain({ platform: 'linux' })
    standIn.windows()[0]?.close()
    expect(await standIn.ended).toEqual({ how: 'quit', code: 0 })
  })
})

describe('identity and order', () => {
  it("Windows: the app user model id is electron-builder's appId, set before ready", async () => {
    await startMain({ platform: 'win32' })
    const config = yaml.load(readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8')) as { appId: string }
    expect(standIn.appUserModelIds).toEqual([config.appId])
    expect(standIn.calls.indexOf('app.setAppUserModelId')).toBeGreaterThanOrEqual(0)
    expect(standIn.calls.indexOf('app.setAppUserModelId')).toBeLessThan(standIn.calls.indexOf('app.whenReady'))
  })

  it('does only before ready what Electron allows only before ready', async () => {
    await startMain()
    expect(standIn.misuse).toEqual([])
    expect(standIn.unhandledRejections).toEqual([])
    expect(standIn.windows()).toHaveLength(1)
  })
})
