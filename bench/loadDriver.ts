/**
 * The load scenario's two operations, for cubetaDriver.ts (issue 14, section 5)
 *
 * - `load-files`: one dropped folder of many tiny files. Memory is read at each twentieth of
 *   the files done, after a full garbage collection (the driver runs with --expose-gc), so
 *   the number is what the queue keeps, not what it has not freed yet: flat means no
 *   per-file growth beyond the row every file has from the moment it is queued. The panel's
 *   side is the `transfers/changed` events: how often, and the longest gap while running.
 *   With `cancelAt`, "Cancel all" is pressed when that share is done, and the time until
 *   nothing is active is measured, then the server is listed twice, 2 s apart, to prove no
 *   object arrives after that.
 * - `load-sparse`: one sparse file (no disk) as a multipart upload to the counting sink
 *   (bench/lib/sinkServer.mjs); RSS against the engine's memory budget.
 */
import { performance } from 'node:perf_hooks'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { TransfersSnapshot } from '../src-main/contract/bridge'

export interface LoadServer {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  region: string
}
export type LoadJob =
  | { op: 'load-files'; server: LoadServer; bucket: string; prefix: string; dir: string; expected: number; cancelAt: number | null; timeoutMs: number }
  | { op: 'load-sparse'; server: LoadServer; bucket: string; prefix: string; file: string; timeoutMs: number }

interface LoadApp {
  profileId: string
  call(name: 'transfers/cancel' | 'transfers/list' | 'transfers/uploadPaths', input: unknown): Promise<unknown>
  drop(paths: string[]): string[]
  listeners: Set<(name: string, payload: unknown) => void>
  close(): Promise<void>
}
export interface LoadContext {
  startApp(server: LoadServer): Promise<LoadApp>
  upload(app: LoadApp, bucket: string, prefix: string, paths: string[], expected: number, timeoutMs: number): Promise<{ seconds: number }>
  memory: { sample(): number; reset(): void; phase(): { peakRss: number }; vmHwm(): Promise<number | null> }
  log(line: string): void
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const gc = (globalThis as { gc?: () => void }).gc
/** The driver's own pauses: the full collections of its memory readings, which the app never makes. */
const driverPauses: { from: number; to: number }[] = []
/** What the process keeps: the heap after a full collection. */
const keptHeap = () => {
  const from = performance.now()
  gc?.()
  const heap = process.memoryUsage().heapUsed
  driverPauses.push({ from, to: performance.now() })
  return heap
}
/** How much of the time between two moments the driver spent in its own readings. */
const pausedWithin = (from: number, to: number) => driverPauses.reduce((sum, p) => sum + Math.max(0, Math.min(to, p.to) - Math.max(from, p.from)), 0)

async function idle(ctx: LoadContext) {
  await pause(500)
  const samples: number[] = []
  for (let i = 0; i < 10; i++) {
    samples.push(ctx.memory.sample())
    await pause(50)
  }
  return { idleRss: samples.sort((a, b) => a - b)[5]!, idleHeap: keptHeap() }
}

async function countObjects(server: LoadServer, bucket: string, prefix: string) {
  const s3 = new S3Client({ endpoint: server.endpoint, region: server.region, forcePathStyle: true, credentials: server })
  let count = 0
  let token: string | undefined
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    count += page.KeyCount ?? 0
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  s3.destroy()
  return count
}

/**
 * Bytes kept per file done: the least-squares slope through every checkpoint, since any
 * one reading moves by a few MB with what is in flight at that moment.
 */
function slope(points: [number, number][]): number | null {
  if (points.length < 2) return null
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return sxx === 0 ? null : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx
}

export async function loadFiles(j: Extract<LoadJob, { op: 'load-files' }>, ctx: LoadContext) {
  if (!gc) throw new Error('the load scenario needs node --expose-gc (bench/run.mjs passes it)')
  const app = await ctx.startApp(j.server)
  const { idleRss, idleHeap } = await idle(ctx)
  ctx.memory.reset()
  const checkpoints: { done: number; heap: number; rss: number }[] = []
  const events: number[] = []
  // Twenty readings: what is in flight at each moves it by a few MB, and the slope through more points is steadier.
  const readings = 20
  let nextReading = 1
  let cancel: { requestedAt: number; answeredMs: number | null; settledMs: number | null; doneAtCancel: number } | null = null
  let finish!: (s: TransfersSnapshot) => void
  const finished = new Promise<TransfersSnapshot>((resolve) => (finish = resolve))
  const cancelDone = j.cancelAt === null ? Infinity : Math.max(1, Math.floor(j.expected * j.cancelAt))

  const onEvent = (name: string, payload: unknown) => {
    if (name !== 'transfers/changed') return
    const s = payload as TransfersSnapshot
    events.push(performance.now())
    const { done, active, count } = s.totals
    // Read just after the event, not inside it: the engine times its own snapshots (to space
    // them, snapshotEmitter.ts), and a full collection there would be counted as the panel's cost.
    if (!cancel && nextReading <= readings && done >= (j.expected * nextReading) / readings) {
      while (nextReading <= readings && done >= (j.expected * nextReading) / readings) nextReading++
      setImmediate(() => checkpoints.push({ done, heap: keptHeap(), rss: ctx.memory.sample() }))
    }
    if (!cancel && done >= cancelDone && active > 0) {
      cancel = { requestedAt: performance.now(), answeredMs: null, settledMs: null, doneAtCancel: done }
      const pressed = cancel
      void app.call('transfers/cancel', { ids: null }).then(() => (pressed.answeredMs = performance.now() - pressed.requestedAt))
    }
    if (count >= j.expected && active === 0) {
      if (cancel && cancel.settledMs === null) cancel.settledMs = performance.now() - cancel.requestedAt
      finish(s)
    }
  }
  app.listeners.add(onEvent)
  const timer = setTimeout(() => finish({ totals: { active: -1 } } as TransfersSnapshot), j.timeoutMs)
  const start = performance.now()
  const ids = app.drop([j.dir])
  await app.call('transfers/uploadPaths', { profileId: app.profileId, bucket: j.bucket, prefix: j.prefix, files: [{ fileId: ids[0], relativePath: 'load' }], cacheControl: null })
  const queuedHeap = keptHeap()
  const queuedMs = performance.now() - start
  const last = await finished
  // The last reading is taken just after the last event.
  await new Promise((resolve) => setImmediate(resolve))
  clearTimeout(timer)
  app.listeners.delete(onEvent)
  if (last.totals.active === -1) throw new Error(`the queue did not finish within ${j.timeoutMs / 1000} s`)
  const seconds = (performance.now() - start) / 1000
  const finalHeap = keptHeap()
  const phase = ctx.memory.phase()
  const hwm = await ctx.memory.vmHwm()

  // The panel's rhythm while there is a queue (from its first snapshot), less the driver's own pauses.
  const rawGaps = events.slice(1).map((t, i) => t - events[i]!)
  const gaps = events.slice(1).map((t, i) => t - events[i]! - pausedWithin(events[i]!, t))
  const queueSeconds = events.length > 1 ? (events.at(-1)! - events[0]!) / 1000 : null
  const growthPerFile = slope(checkpoints.map((c) => [c.done, c.heap]))
  let afterCancel = null
  if (cancel) {
    const c = cancel as { requestedAt: number; answeredMs: number | null; settledMs: number | null; doneAtCancel: number }
    const atSettle = await countObjects(j.server, j.bucket, j.prefix)
    await pause(2000)
    const later = await countObjects(j.server, j.bucket, j.prefix)
    afterCancel = { ...c, doneAtEnd: last.totals.done, objectsAtSettle: atSettle, objectsWrittenAfterSettle: later - atSettle, notUploaded: last.totals.count - last.totals.done }
  }
  await app.close()
  return {
    seconds,
    files: last.totals.count,
    done: last.totals.done,
    failed: last.totals.failed,
    queuedMs,
    idleRss,
    idleHeap,
    queuedHeap,
    finalHeap,
    rowBytes: (queuedHeap - idleHeap) / j.expected,
    growthPerFile,
    checkpoints,
    peakRss: Math.max(phase.peakRss, hwm ?? 0),
    snapshots: {
      count: events.length,
      perSecond: queueSeconds ? (events.length - 1) / queueSeconds : null,
      perSecondFromDrop: events.length / seconds,
      maxGapMs: gaps.length ? Math.max(...gaps) : null,
      rawMaxGapMs: rawGaps.length ? Math.max(...rawGaps) : null,
      p95GapMs: gaps.length ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length * 0.95)]! : null,
    },
    cancel: afterCancel,
  }
}

export async function loadSparse(j: Extract<LoadJob, { op: 'load-sparse' }>, ctx: LoadContext) {
  const app = await ctx.startApp(j.server)
  const { idleRss } = await idle(ctx)
  ctx.memory.reset()
  const up = await ctx.upload(app, j.bucket, j.prefix, [j.file], 1, j.timeoutMs)
  const phase = ctx.memory.phase()
  const hwm = await ctx.memory.vmHwm()
  await app.close()
  return { seconds: up.seconds, idleRss, sampledPeakRss: phase.peakRss, peakRss: Math.max(phase.peakRss, hwm ?? 0) }
}
