import { backoffMs, classifyFailure, transientAttempts } from './retryPolicy'

export interface RetryContext {
  signal: AbortSignal
  /** Told when requests start failing for lack of a network, and when they work again. */
  onNetworkWait(waiting: boolean): void
  sleep?(ms: number, signal: AbortSignal): Promise<void>
}

/** While the network is gone, try again at most this often. */
const networkRetryCapMs = 5_000
const transientRetryCapMs = 8_000

/**
 * One S3 request, tried again until it works, the user cancels, or it fails for good
 *
 * The caller passes bytes it still holds, so every retry sends exactly the same body.
 * Network failures never give up on their own (see retryPolicy); transient server
 * faults get a few tries; the rest fail at once with the server's own error.
 */
export async function retrying<T>(request: (signal: AbortSignal) => Promise<T>, context: RetryContext): Promise<T> {
  const sleep = context.sleep ?? abortableSleep
  let transient = 0
  let network = 0
  for (;;) {
    try {
      const result = await request(context.signal)
      if (network > 0) context.onNetworkWait(false)
      return result
    } catch (error) {
      if (context.signal.aborted) throw error
      const kind = classifyFailure(error)
      if (kind === 'fatal') throw error
      if (kind === 'retry' && ++transient >= transientAttempts) throw error
      if (kind === 'network' && ++network === 1) context.onNetworkWait(true)
      await sleep(backoffMs(kind === 'network' ? network : transient, kind === 'network' ? networkRetryCapMs : transientRetryCapMs), context.signal)
    }
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop)
      resolve()
    }, ms)
    const stop = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', stop, { once: true })
  })
}
