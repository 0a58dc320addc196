/**
 * Speed and time left for one transfer
 *
 * An exponentially weighted average over progress samples, so the speed shown doesn't
 * jump with every part; `now` is injected for tests.
 */
export interface RateState {
  lastBytes: number
  lastTime: number
  speed: number | null
}

export const startRate = (now: number): RateState => ({ lastBytes: 0, lastTime: now, speed: null })

export function sampleRate(state: RateState, bytes: number, now: number, smoothing = 0.3): RateState {
  const elapsed = (now - state.lastTime) / 1000
  if (elapsed < 0.2) return state
  const instant = Math.max(0, bytes - state.lastBytes) / elapsed
  const speed = state.speed === null ? instant : state.speed + smoothing * (instant - state.speed)
  return { lastBytes: bytes, lastTime: now, speed }
}

export function etaSeconds(remainingBytes: number, speed: number | null): number | null {
  if (speed === null || speed <= 0) return null
  return Math.ceil(remainingBytes / speed)
}
