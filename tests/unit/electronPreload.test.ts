import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { callNames, channelFor, registerDiskFilesChannel, type CubetaApi } from '../../src-main/contract/bridge'
import { createEventHub } from '../../src-main/core/eventHub'
import { registerIpc } from '../../src-main/electron/ipc'
import { createDiskFiles } from '../../src-main/services/transfers/diskFiles'
import { expectedBridgeKeys, expectedEvents } from '../support/bridgeSurface'
import { createElectronStandIn, type ElectronStandIn } from '../support/electronStandIn'

/**
 * The preload's exposed surface, over the Electron stand-in, wired to the real IPC side
 *
 * `window.cubeta` must be exactly the contract's calls plus the extras in
 * tests/support/bridgeSurface.ts (the list the `_electron` spec checks too): no generic
 * invoke, no ipcRenderer, listeners never see the IPC event object, and dropped files
 * reach the page as ids, never as paths.
 */
let standIn: ElectronStandIn
let dir: string
const dispatched: { name: string; input: unknown }[] = []
const events = createEventHub()
const diskFiles = createDiskFiles()

beforeEach(() => {
  dispatched.length = 0
  diskFiles.forgetAll()
  dir = mkdtempSync(join(tmpdir(), 'cubeta-preload-'))
  standIn = createElectronStandIn()
  standIn.becomeReady()
  const window = new standIn.electron.BrowserWindow({})
  const router = { dispatch: async (name: string, input: unknown) => (dispatched.push({ name, input }), { ok: true as const, value: null }) }
  registerIpc({ ipcMain: standIn.electron.ipcMain as never, backend: { router, events, diskFiles }, windowContents: () => window.webContents as never })
})
afterEach(() => {
  standIn.dispose()
  rmSync(dir, { recursive: true, force: true })
})

async function loadPreload(): Promise<CubetaApi> {
  vi.resetModules()
  vi.doMock('electron', () => standIn.electron)
  await import('../../src-main/electron/preload')
  return standIn.exposed.get('cubeta') as CubetaApi
}

const onDisk = (name: string) => {
  const path = join(dir, name)
  writeFileSync(path, `bytes of ${name}`)
  return { path, file: standIn.fileOnDisk(path) }
}

describe('preload', () => {
  it('exposes only window.cubeta', async () => {
    await loadPreload()
    expect([...standIn.exposed.keys()]).toEqual(['cubeta'])
  })

  it('exposes exactly one function per contract call, plus the extras the _electron spec expects', async () => {
    const api = await loadPreload()
    expect(Object.keys(api).sort()).toEqual(expectedBridgeKeys)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('send')
    expect(api).not.toHaveProperty('ipcRenderer')
    expect(api).not.toHaveProperty('pathForFile')
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('sends each call on its own channel with only its one input', async () => {
    const api = await loadPreload()
    for (const name of callNames) {
      const call = api[name] as (...args: unknown[]) => Promise<unknown>
      await call({ probe: name }, 'an extra argument the page tried to smuggle')
      expect(standIn.invoked.at(-1)).toEqual({ channel: channelFor(name), args: [{ probe: name }] })
      expect(dispatched.at(-1)).toEqual({ name, input: { probe: name } })
    }
  })

  it('rejects events that are not in the contract', async () => {
    const api = await loadPreload()
    const on = api.on as (event: string, listener: unknown) => unknown
    expect(() => on('cubeta:profiles/changed', () => undefined)).toThrow(/unknown cubeta event/i)
    expect(() => on('profiles/list', () => undefined)).toThrow(/unknown cubeta event/i)
    expect(() => on('profiles/changed', 'not a function')).toThrow(TypeError)
    expect(standIn.rendererListeners.size).toBe(0)
  })

  it('passes listeners the payload only, never the IPC event object', async () => {
    const api = await loadPreload()
    for (const event of expectedEvents) {
      const listener = vi.fn()
      api.on(event as 'profiles/changed', listener)
      events.emit(event as 'profiles/changed', { profiles: [] })
      expect(listener).toHaveBeenCalledExactlyOnceWith({ profiles: [] })
    }
  })

  it('unsubscribes', async () => {
    const api = await loadPreload()
    const listener = vi.fn()
    const unsubscribe = api.on('profiles/changed', listener)
    unsubscribe()
    events.emit('profiles/changed', { profiles: [] })
    expect(listener).not.toHaveBeenCalled()
    expect(standIn.rendererListeners.get('cubeta:profiles/changed')?.size).toBe(0)
  })
})

describe('diskFileIds', () => {
  it('gives ids for files on disk and null for one that is not (an image dragged from a web page)', async () => {
    const api = await loadPreload()
    const photo = onDisk('gato.png')
    const fromTheWeb = new File(['<png bytes>'], 'meme.png') // getPathForFile answers '' for it
    const answer = await api.diskFileIds!([photo.file, fromTheWeb])
    expect(answer.ok).toBe(true)
    const ids = answer.ok ? answer.value : []
    expect(ids).toHaveLength(2)
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(ids[1]).toBeNull()
    // The page learns no path; main maps the id back to the file the user dropped.
    expect(JSON.stringify(answer)).not.toContain(dir)
    expect(diskFiles.take([ids[0] as string])).toEqual([photo.path])
  })

  it('asks main nothing when no file is on disk', async () => {
    const api = await loadPreload()
    expect(await api.diskFileIds!([new File(['a'], 'a.png'), new File(['b'], 'b.png')])).toEqual({ ok: true, value: [null, null] })
    expect(standIn.invoked.filter((i) => i.channel === registerDiskFilesChannel)).toEqual([])
  })

  it('refuses what is not a File, as getPathForFile does', async () => {
    const api = await loadPreload()
    await expect(api.diskFileIds!([{ name: '/home/ana/.ssh/id_ed25519' } as unknown as File])).rejects.toThrow(TypeError)
    await expect(api.diskFileIds!('not an array' as unknown as File[])).rejects.toThrow(TypeError)
  })
})
