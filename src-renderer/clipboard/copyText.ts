import { bridge, unwrap } from '../bridge/bridgeClient'

/**
 * Puts text on the clipboard
 *
 * In Electron the main process writes it: the hardened window denies the permission the
 * Clipboard API needs. In browser mode the page writes it itself, with the async API
 * first and the older copy command (allowed inside a click) as the fallback.
 * Throws when nothing worked.
 */
export async function copyText(text: string): Promise<void> {
  if (window.cubeta) {
    unwrap(await bridge['clipboard/writeText']({ text }))
    return
  }
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    // Fall through to the copy command.
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.className = 'offscreen'
  document.body.append(area)
  try {
    area.select()
    if (!document.execCommand('copy')) throw new Error('copy refused')
  } finally {
    // Removed at once: the text (maybe a secret) must not linger in the page.
    area.value = ''
    area.remove()
  }
}
