/**
 * Retry with exponential backoff, for AWS's eventual consistency
 *
 * A new access key can answer InvalidAccessKeyId for seconds, and a bucket policy naming
 * a user created a moment ago can be "Invalid principal". There is no API that says when
 * either is ready, so we poll: 1 s, 2 s, 4 s… capped at 10 s, for about 2 minutes.
 * `sleep` and `now` are injected so unit tests run instantly.
 */
export interface BackoffOptions {
  isRetryable(error: unknown): boolean
  maxWaitMs?: number
  firstDelayMs?: number
  maxDelayMs?: number
  onWait?(info: { attempt: number; waitedMs: number; nextDelayMs: number }): void
  sleep?(ms: number): Promise<void>
  now?(): number
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function retryWithBackoff<T>(run: () => Promise<T>, options: BackoffOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep
  const now = options.now ?? Date.now
  const started = now()
  const maxWait = options.maxWaitMs ?? 120_000
  let delay = options.firstDelayMs ?? 1_000
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const waited = now() - started
      if (!options.isRetryable(error) || waited + delay > maxWait) throw error
      options.onWait?.({ attempt, waitedMs: waited, nextDelayMs: delay })
      await sleep(delay)
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000)
    }
  }
}
