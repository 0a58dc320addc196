/**
 * Runs `work` over items with at most `limit` in flight, keeping the input order
 *
 * After the first failure no new item starts; the running ones settle, then that
 * failure is rethrown. A failed copy must not let hundreds more start while the caller
 * is about to undo what was done, and a failed delete batch must not hide the next ones'
 * outcome behind a half-finished run.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
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
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failure !== null) throw (failure as { error: unknown }).error
  return results
}
