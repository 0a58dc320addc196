import { beforeEach, describe, expect, it, vi } from 'vitest'
import { callNames, channelFor, type CubetaApi } from '../../src-main/contract/bridge'
import { expectedCalls, expectedEvents } from './bridgeSurface'

/**
 * The preload's exposed surface, with Electron replaced at the edge
 *
 * `window.cubeta` must be exactly the contract's calls plus `on`: no generic invoke, no
 * ipcRenderer, and listeners never see the IPC event object.
 */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  }
})

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on(channel: string, listener: (...args: unknown[]) => void) {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set())
      electron.listeners.get(channel)?.add(listener)
    },
    removeListener(channel: string, listener: (...args: unknown[]) => void) {
      electron.listeners.get(channel)?.delete(listener)
    },
  },
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
}))

describe('pathForFile', () => {
  it('hands over the path of a dropped file, and nothing else about the disk', async () => {
    const api = await loadPreload()
    expect(api.pathForFile?.({ name: 'gato.png' } as File)).toBe('/dropped/gato.png')
  })
})

async function loadPreload(): Promise<CubetaApi> {
  vi.resetModules()
  electron.exposed.clear()
  await import('../../src-main/electron/preload')
  return electron.exposed.get('cubeta') as CubetaApi
}

/** What ipcRenderer would do on a message from main: an event object, then the payload. */
function sendFromMain(channel: string, payload: unknown) {
  const ipcEvent = { sender: { send: () => undefined }, senderId: 0, ports: [] }
  for (const listener of electron.listeners.get(channel) ?? []) listener(ipcEvent, payload)
}

beforeEach(() => {
  electron.listeners.clear()
  electron.invoke.mockClear()
})

describe('preload', () => {
  it('exposes only window.cubeta', async () => {
    await loadPreload()
    expect([...electron.exposed.keys()]).toEqual(['cubeta'])
  })

  it('exposes exactly one function per contract call, plus on', async () => {
    const api = await loadPreload()
    expect(Object.keys(api).sort()).toEqual([...expectedCalls, 'on', 'pathForFile'].sort())
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on', 'pathForFile'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('send')
    expect(api).not.toHaveProperty('ipcRenderer')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('sends each call on its own channel with only its one input', async () => {
    const api = await loadPreload()
    for (const name of callNames) {
      const call = api[name] as (...args: unknown[]) => Promise<unknown>
      await call({ probe: name }, 'an extra argument the page tried to smuggle')
      expect(electron.invoke).toHaveBeenLastCalledWith(channelFor(name), { probe: name })
    }
  })

  it('rejects events that are not in the contract', async () => {
    const api = await loadPreload()
    const on = api.on as (event: string, listener: unknown) => unknown
    expect(() => on('cubeta:profiles/changed', () => undefined)).toThrow(/unknown cubeta event/i)
    expect(() => on('profiles/list', () => undefined)).toThrow(/unknown cubeta event/i)
    expect(() => on('profiles/changed', 'not a function')).toThrow(TypeError)
    expect(electron.listeners.size).toBe(0)
  })

  it('passes listeners the payload only, never the IPC event object', async () => {
    const api = await loadPreload()
    for (const event of expectedEvents) {
      const listener = vi.fn()
      api.on(event as 'profiles/changed', listener)
      sendFromMain(channelFor(event as 'profiles/changed'), { profiles: [] })
      expect(listener).toHaveBeenCalledExactlyOnceWith({ profiles: [] })
    }
  })

  it('unsubscribes', async () => {
    const api = await loadPreload()
    const listener = vi.fn()
    const unsubscribe = api.on('profiles/changed', listener)
    unsubscribe()
    sendFromMain('cubeta:profiles/changed', { profiles: [] })
    expect(listener).not.toHaveBeenCalled()
    expect(electron.listeners.get('cubeta:profiles/changed')?.size).toBe(0)
  })
})
