import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { callNames, channelFor, registerDiskFilesChannel, type EventName, type Events } from '../../src-main/contract/bridge'
import { registerIpc } from '../../src-main/electron/ipc'
import type { EventListener } from '../../src-main/core/eventHub'
import { createDiskFiles } from '../../src-main/services/transfers/diskFiles'
import { expectedIpcChannels } from '../support/bridgeSurface'

/**
 * The IPC side of the bridge, with a fake ipcMain, router and window
 *
 * Every channel must check its sender before the router sees anything, and the set of
 * channels must be exactly the contract's calls.
 */
type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

function wired(options: { browserMode?: boolean } = {}) {
  const handlers = new Map<string, Handler>()
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => void handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  }
  const router = { dispatch: vi.fn(async (name: string, input: unknown) => ({ ok: true as const, value: { name, input } })) }
  let emit: EventListener = () => undefined
  const events = {
    emit: vi.fn(),
    subscribe: vi.fn((listener: EventListener) => {
      emit = listener
      return () => (emit = () => undefined)
    }),
  }
  const mainFrame = { url: 'app://cubeta/index.html', parent: null }
  const window = { mainFrame, send: vi.fn(), isDestroyed: () => false } as unknown as WebContents & { send: ReturnType<typeof vi.fn> }
  let current: WebContents | null = window
  const diskFiles = createDiskFiles()
  const dispose = registerIpc({
    ipcMain: ipcMain as never,
    backend: { router, events, diskFiles: options.browserMode ? null : diskFiles },
    windowContents: () => current,
  })
  return {
    handlers,
    ipcMain,
    router,
    diskFiles,
    window,
    mainFrame,
    dispose,
    closeWindow: () => (current = null),
    emit: <E extends EventName>(event: E, payload: Events[E]) => emit(event, payload),
  }
}

const invokeEvent = (sender: unknown, senderFrame: unknown) => ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent

describe('registerIpc', () => {
  it("registers exactly one channel per contract call and the preload's own, and no other", () => {
    const { ipcMain } = wired()
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel)
    expect(channels).toEqual([...callNames.map(channelFor), registerDiskFilesChannel])
    expect(channels).toEqual(expectedIpcChannels)
  })

  it('turns the paths the preload read from dropped files into ids, and nothing else', async () => {
    const { handlers, window, mainFrame, diskFiles, router } = wired()
    const register = handlers.get(registerDiskFilesChannel)!
    const answer = (await register(invokeEvent(window, mainFrame), ['/home/ana/fotos/gato.png', '/home/ana/fotos'])) as { ok: true; value: string[] }
    expect(answer.ok).toBe(true)
    expect(answer.value).toHaveLength(2)
    expect(diskFiles.take(answer.value)).toEqual(['/home/ana/fotos/gato.png', '/home/ana/fotos'])
    for (const bad of ['/etc/passwd', ['relative/path'], [''], [42], [], {}, null]) {
      expect(await register(invokeEvent(window, mainFrame), bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    expect(router.dispatch).not.toHaveBeenCalled()
  })

  it('registers no dropped files where the backend uploads none from disk', async () => {
    const { handlers, window, mainFrame } = wired({ browserMode: true })
    const result = await handlers.get(registerDiskFilesChannel)?.(invokeEvent(window, mainFrame), ['/home/ana/a.png'])
    expect(result).toMatchObject({ ok: false, error: { code: 'paths-not-allowed' } })
  })

  it('dispatches a call from our window to the router, input untouched', async () => {
    const { handlers, router, window, mainFrame } = wired()
    for (const name of callNames) {
      const input = { probe: name }
      const result = await handlers.get(channelFor(name))?.(invokeEvent(window, mainFrame), input)
      expect(result).toEqual({ ok: true, value: { name, input } })
    }
    expect(router.dispatch).toHaveBeenCalledTimes(callNames.length)
  })

  it('refuses foreign senders on every channel before the router sees anything', async () => {
    const { handlers, router, window, mainFrame } = wired()
    const otherWindow = { mainFrame: { url: 'app://cubeta/index.html', parent: null } }
    const foreign = [
      ['a subframe of our window', invokeEvent(window, { url: 'app://cubeta/index.html', parent: mainFrame })],
      ['our window showing another site', invokeEvent(window, { url: 'https://evil.example/', parent: null })],
      ['our window on a file URL', invokeEvent(window, { url: 'file:///tmp/x.html', parent: null })],
      ['another host on our scheme', invokeEvent(window, { url: 'app://evil/index.html', parent: null })],
      ['a frame that is gone', invokeEvent(window, null)],
      ['another web contents', invokeEvent(otherWindow, otherWindow.mainFrame)],
    ] as const
    for (const channel of [...callNames.map(channelFor), registerDiskFilesChannel]) {
      for (const [label, event] of foreign) {
        const result = await handlers.get(channel)?.(event, channel === registerDiskFilesChannel ? ['/home/ana/.ssh/id_ed25519'] : {})
        expect(result, `${channel} from ${label}`).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
      }
    }
    expect(router.dispatch).not.toHaveBeenCalled()
  })

  it('refuses every call once the window is closed', async () => {
    const { handlers, router, window, mainFrame, closeWindow } = wired()
    closeWindow()
    const result = await handlers.get(channelFor('profiles/list'))?.(invokeEvent(window, mainFrame), {})
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    expect(router.dispatch).not.toHaveBeenCalled()
  })

  it('forwards backend events to the window on their own channel, payload only', () => {
    const { window, emit } = wired()
    emit('profiles/changed', { profiles: [] })
    expect(window.send).toHaveBeenCalledExactlyOnceWith('cubeta:profiles/changed', { profiles: [] })
  })

  it('drops events while there is no window', () => {
    const { window, emit, closeWindow } = wired()
    closeWindow()
    emit('profiles/changed', { profiles: [] })
    expect(window.send).not.toHaveBeenCalled()
  })

  it('removes every handler and stops forwarding when disposed', () => {
    const { handlers, dispose, window, emit } = wired()
    dispose()
    expect(handlers.size).toBe(0)
    emit('profiles/changed', { profiles: [] })
    expect(window.send).not.toHaveBeenCalled()
  })
})
