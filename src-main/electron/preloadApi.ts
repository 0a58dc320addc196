import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron'
import { callNames, channelFor, eventNames, type CubetaApi, type EventName } from '../contract/bridge'

/**
 * The object the preload exposes as `window.cubeta`
 *
 * Exactly one function per call in the contract, each sending its one input on its own
 * channel, plus `on` for the contract's events and `pathForFile` for drops. No generic `invoke(channel, ...)` and
 * never the IPC event object (Electron's security checklist, item 20). Built from an
 * injected ipcRenderer so tests can pin the exposed surface.
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
  // Dropped files reach the main process as paths, so uploads stream from disk there.
  api.pathForFile = (file: File): string => webUtils.getPathForFile(file)
  return Object.freeze(api) as unknown as CubetaApi
}
