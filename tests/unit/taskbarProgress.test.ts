import { describe, expect, it } from 'vitest'
import type { BrowserWindow } from 'electron'
import { createEventHub } from '../../src-main/core/eventHub'
import { followTransferProgress } from '../../src-main/electron/taskbarProgress'
import { firstWindow, snapshotOf } from '../../src-main/services/transfers/transferSnapshot'

describe('taskbar progress', () => {
  it('follows the queue total and clears when idle', () => {
    const events = createEventHub()
    const bars: number[] = []
    const window = { isDestroyed: () => false, setProgressBar: (p: number) => bars.push(p) } as unknown as BrowserWindow
    const stop = followTransferProgress(events, () => window)
    const idle = snapshotOf([], firstWindow, [], [])
    const snapshot = (progress: number | null) => ({ ...idle, totals: { ...idle.totals, count: 1, active: 1, bytes: 1, progress } })
    events.emit('transfers/changed', snapshot(0.25))
    events.emit('profiles/changed', { profiles: [] })
    events.emit('transfers/changed', snapshot(null))
    stop()
    events.emit('transfers/changed', snapshot(0.5))
    expect(bars).toEqual([0.25, -1])
  })
})
