import type { BrowserWindow } from 'electron'
import type { EventHub } from '../core/eventHub'

/**
 * The taskbar / dock progress follows the transfer queue's total
 *
 * -1 removes the bar when nothing is moving. Returns the unsubscribe.
 */
export function followTransferProgress(events: EventHub, window: () => BrowserWindow | null): () => void {
  return events.subscribe((event, payload) => {
    if (event !== 'transfers/changed') return
    const target = window()
    if (target === null || target.isDestroyed()) return
    const progress = (payload as { totals: { progress: number | null } }).totals.progress
    target.setProgressBar(progress === null ? -1 : progress)
  })
}
