import type { BridgeError } from '../../contract/bridge'
import { isAppUrl } from './appOrigin'

/**
 * Who may call the bridge over Electron IPC
 *
 * Only the main frame of our window, showing our own `app://cubeta` page. A subframe, a
 * page that somehow navigated elsewhere, or a frame that is already gone is refused
 * before any input is parsed (Electron's security checklist, item 17). Takes plain
 * values so it is tested without Electron.
 */
export interface IpcSender {
  /** The sending frame's current URL, or null when the frame is gone. */
  url: string | null
  /** True only for the top frame of the window the bridge was registered for. */
  isMainFrame: boolean
}

export function isTrustedSender(sender: IpcSender): boolean {
  return sender.isMainFrame && sender.url !== null && isAppUrl(sender.url)
}

export const untrustedSenderError: BridgeError = {
  code: 'untrusted-sender',
  message: 'Cubeta refused a request that did not come from its own window.',
  hint: 'Restart Cubeta. If this keeps happening, report it: it may be an attack.',
}
