import type { ObjectToolOutcome, ObjectToolResult } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import { mapWithConcurrency } from '../../core/async/workerPool'
import type { BucketScope } from '../objects/bucketScope'
import { listAllUnder } from '../objects/listing'
import type { ProgressReporter } from '../objects/progressReporter'
import { expandSelection } from '../objects/selection'

/** Each object's own request; a few at once, so a large selection moves without flooding S3. */
const concurrency = 4

/**
 * One change over every object of a selection, each with its own result
 *
 * Folders stand for every object under them; their zero-byte markers are not files and
 * are left alone. One object's failure is its own result, never the others'. A cancel
 * stops between objects: the ones in flight finish and are counted, the rest are not
 * touched, and `total` says how many that leaves.
 */
export async function runOverSelection(
  scope: BucketScope,
  keys: readonly string[],
  signal: AbortSignal,
  progress: ProgressReporter,
  perObject: (key: string) => Promise<ObjectToolResult['outcome']>,
): Promise<ObjectToolOutcome> {
  progress.report(0, null)
  const all = (await expandSelection(keys, async (prefix) => (await listAllUnder(scope, prefix)).map((o) => o.key))).filter((k) => !k.endsWith('/'))
  const results: ObjectToolResult[] = []
  progress.report(0, all.length)
  try {
    await mapWithConcurrency(all, concurrency, async (key) => {
      if (signal.aborted) return
      try {
        results.push({ key, outcome: await perObject(key) })
      } catch (error) {
        const bridge = error instanceof AppError ? error.toBridge() : scope.fail(error, `change “${key}”`).toBridge()
        results.push({ key, outcome: 'failed', error: bridge })
      }
      progress.report(results.length, all.length)
    })
  } finally {
    progress.finish(results.length, all.length)
  }
  // Workers finish out of order; the answer follows the selection's order.
  const order = new Map(all.map((k, i) => [k, i]))
  results.sort((a, b) => order.get(a.key)! - order.get(b.key)!)
  return { results, total: all.length, stopped: signal.aborted && results.length < all.length ? 'cancelled' : null }
}
