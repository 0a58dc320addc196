/**
 * Runs `work` over items, at most `limit` at a time, and stops starting new ones after
 * the first failure, which it then rethrows once the running ones have settled
 *
 * Unlike mapWithConcurrency, a failed copy does not let hundreds more start: the caller
 * is about to undo what was done.
 */
export async function runLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++
      try {
        results[index] = await work(items[index] as T, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure !== null) throw (failure as { error: unknown }).error
  return results
}
