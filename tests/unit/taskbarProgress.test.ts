import { describe, expect, it } from 'vitest'
import type { BrowserWindow } from 'electron'
import { createEventHub } from '../../src-main/router/eventHub'
import { followTransferProgress } from '../../src-main/electron/taskbarProgress'

describe('taskbar progress', () => {
  it('follows the queue total and clears when idle', () => {
    const events = createEventHub()
    const bars: number[] = []
    const window = { isDestroyed: () => false, setProgressBar: (p: number) => bars.push(p) } as unknown as BrowserWindow
    const stop = followTransferProgress(events, () => window)
    const totals = (progress: number | null) => ({ count: 1, active: 1, done: 0, failed: 0, interrupted: 0, bytes: 1, transferred: 0, progress })
    events.emit('transfers/changed', { transfers: [], totals: totals(0.25), conflict: null, finishedBatches: [] })
    events.emit('profiles/changed', { profiles: [] })
    events.emit('transfers/changed', { transfers: [], totals: totals(null), conflict: null, finishedBatches: [] })
    stop()
    events.emit('transfers/changed', { transfers: [], totals: totals(0.5), conflict: null, finishedBatches: [] })
    expect(bars).toEqual([0.25, -1])
  })
})
