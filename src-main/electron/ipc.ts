import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { callNames, channelFor, registerDiskFilesChannel, type BridgeResult } from '../contract/bridge'
import type { Backend } from '../composition/backend'
import { describeInvalidInput } from '../router/invalidInput'
import { isTrustedSender, untrustedSenderError } from '../services/security/ipcSender'
import { diskFilePaths } from '../services/transfers/diskFiles'

/**
 * The bridge's IPC side: one handler per call, and events pushed to the window
 *
 * Every handler checks its sender first (the main frame of our window, on our own
 * origin), and only then hands the raw input to the router, which validates it against
 * the call's schema. The IPC event object never leaves this file. Registered channels
 * are exactly `callNames.map(channelFor)` plus the preload's `registerDiskFilesChannel`
 * (paths of dropped files, turned into ids); a test pins that list.
 */
export interface IpcWiring {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  backend: Pick<Backend, 'router' | 'events' | 'diskFiles'>
  /** Our window's web contents, or null while there is no window. */
  windowContents(): WebContents | null
}

/** Returns a function that removes every handler and stops forwarding events. */
export function registerIpc({ ipcMain, backend, windowContents }: IpcWiring): () => void {
  for (const name of callNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown): Promise<BridgeResult<unknown>> => {
      if (!isTrustedSender(describeSender(event, windowContents()))) {
        return { ok: false, error: untrustedSenderError }
      }
      return backend.router.dispatch(name, input)
    })
  }

  ipcMain.handle(registerDiskFilesChannel, async (event, paths: unknown): Promise<BridgeResult<string[]>> => {
    if (!isTrustedSender(describeSender(event, windowContents()))) return { ok: false, error: untrustedSenderError }
    const parsed = diskFilePaths.safeParse(paths)
    if (!parsed.success) return { ok: false, error: describeInvalidInput(parsed.error) }
    if (!backend.diskFiles) return { ok: false, error: { code: 'paths-not-allowed', message: 'This Cubeta can not upload from disk.', hint: 'Drop the files again; they will be sent from the window.' } }
    return { ok: true, value: backend.diskFiles.register(parsed.data) }
  })

  const unsubscribe = backend.events.subscribe((event, payload) => {
    const contents = windowContents()
    if (contents !== null && !contents.isDestroyed()) contents.send(channelFor(event), payload)
  })

  return () => {
    unsubscribe()
    for (const name of callNames) ipcMain.removeHandler(channelFor(name))
    ipcMain.removeHandler(registerDiskFilesChannel)
  }
}

function describeSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, ours: WebContents | null) {
  const frame = event.senderFrame
  return {
    url: frame?.url ?? null,
    isMainFrame: frame !== null && ours !== null && event.sender === ours && frame.parent === null,
  }
}
