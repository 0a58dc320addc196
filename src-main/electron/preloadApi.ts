import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron'
import { callNames, channelFor, eventNames, registerDiskFilesChannel, type BridgeResult, type CubetaApi, type EventName } from '../contract/bridge'

/**
 * The object the preload exposes as `window.cubeta`
 *
 * Exactly one function per call in the contract, each sending its one input on its own
 * channel, plus `on` for the contract's events and `diskFileIds` for drops and pickers.
 * No generic `invoke(channel, ...)`, never the IPC event object (Electron's security
 * checklist, item 20), and never a file's path: the preload reads it and hands it to
 * main itself, and the page gets an id. Built from an injected ipcRenderer so tests can
 * pin the exposed surface.
 */
export function createPreloadApi(
  ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
  webUtils: Pick<WebUtils, 'getPathForFile'>,
): CubetaApi {
  const api: Record<string, unknown> = {}
  for (const name of callNames) {
    api[name] = (input: unknown) => ipcRenderer.invoke(channelFor(name), input)
  }
  api.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(eventNames as readonly string[]).includes(event)) throw new Error(`Unknown Cubeta event: ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.')
    const channel = channelFor(event)
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => {
      ipcRenderer.removeListener(channel, forward)
    }
  }
  // Files on disk are streamed from there by main, which knows them only from here: a
  // script in the page can't make up a File that getPathForFile maps to ~/.ssh. A File
  // built in JS, or an image dragged from a web page, has no path ('') and gets null.
  api.diskFileIds = async (files: File[]): Promise<BridgeResult<(string | null)[]>> => {
    if (!Array.isArray(files)) throw new TypeError('diskFileIds takes an array of File objects.')
    const paths = files.map((file) => webUtils.getPathForFile(file))
    const onDisk = paths.filter((path) => path !== '')
    if (onDisk.length === 0) return { ok: true, value: paths.map(() => null) }
    const registered = (await ipcRenderer.invoke(registerDiskFilesChannel, onDisk)) as BridgeResult<string[]>
    if (!registered.ok) return registered
    let next = 0
    return { ok: true, value: paths.map((path) => (path === '' ? null : (registered.value[next++] ?? null))) }
  }
  return Object.freeze(api) as unknown as CubetaApi
}
