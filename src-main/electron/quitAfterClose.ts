import type { App, Event } from 'electron'

export interface QuitOptions {
  /** How long quitting waits for the backend before it goes on anyway. */
  timeLimitMs: number
  log(line: string): void
}

/**
 * Quitting waits for the backend to close
 *
 * Electron goes on quitting after 'will-quit' unless a listener calls preventDefault(),
 * and it never waits for a promise. So the first 'will-quit' is held, `close()` runs for
 * at most `timeLimitMs` (a quit during the guided setup must not lose the journal's last
 * write, and a hung close must not keep a windowless app alive), then app.quit() runs
 * again and this time goes through. `close` returns null when nothing needs closing.
 */
export function quitAfterClose(app: Pick<App, 'on' | 'quit'>, close: () => Promise<void> | null, options: QuitOptions): void {
  let state: 'open' | 'closing' | 'closed' = 'open'
  app.on('will-quit', (event: Event) => {
    if (state === 'closed') return
    if (state === 'closing') return event.preventDefault()
    const closing = close()
    if (closing === null) {
      state = 'closed'
      return
    }
    event.preventDefault()
    state = 'closing'
    void settleWithin(closing, options).then(() => {
      state = 'closed'
      app.quit()
    })
  })
}

async function settleWithin(closing: Promise<void>, { timeLimitMs, log }: QuitOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeLimitMs)
  })
  try {
    const outcome = await Promise.race([closing.then(() => 'closed' as const), timedOut])
    if (outcome === 'timed-out') log(`Quit without waiting any longer: the services had not closed after ${timeLimitMs / 1000} s.`)
  } catch (error) {
    log(`Closing the services failed while quitting: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  } finally {
    clearTimeout(timer)
  }
}
