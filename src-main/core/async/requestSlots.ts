/**
 * A counting semaphore: at most `capacity` units in use, waiters served in order
 *
 * The queue uses one for requests in flight (so 5,000 small files and one big file share
 * the connection pool fairly) and one for bytes held in memory (so parts read ahead of
 * the network can't grow without bound).
 */
export function createSlots(capacity: number) {
  let used = 0
  const waiting: { units: number; wake: () => void }[] = []
  const drain = () => {
    while (waiting.length > 0 && used + waiting[0]!.units <= capacity) {
      const next = waiting.shift()!
      used += next.units
      next.wake()
    }
  }
  return {
    acquire(units = 1): Promise<void> {
      // One request bigger than the whole budget still runs, alone.
      const need = Math.min(units, capacity)
      if (waiting.length === 0 && used + need <= capacity) {
        used += need
        return Promise.resolve()
      }
      return new Promise((wake) => waiting.push({ units: need, wake }))
    },
    release(units = 1) {
      used -= Math.min(units, capacity)
      drain()
    },
    async run<T>(work: () => Promise<T>, units = 1): Promise<T> {
      await this.acquire(units)
      try {
        return await work()
      } finally {
        this.release(units)
      }
    },
    get inUse() {
      return used
    },
  }
}

export type Slots = ReturnType<typeof createSlots>
