/**
 * Cubeta's own engine, driven headless for `npm run bench`
 *
 * Built by bench/vite.config.mts into bench/.build/driver/cubetaDriver.mjs and started by
 * bench/run.mjs as its own process per scenario, so its RSS is the engine's alone.
 *
 * Nothing here is a copy of the app: it builds the real backend through the composition
 * root (createBackend, shell "electron", so the desktop app's engine settings), adds a
 * "this session only" profile for the benchmark server through the real `profiles/add`
 * call, and then uses the same bridge calls the window makes:
 *   - `transfers/uploadPaths` for a dropped file or folder, then waits on the
 *     `transfers/changed` events until the batch is finished;
 *   - `objects/download` with the folder "chosen" in the dialog;
 *   - for listing, the renderer's own browser store (browserStore.ts), whose
 *     `window.cubeta` bridge here hands each call to the router, as Electron's IPC does.
 *
 * IPC costs are kept: Electron serialises every message with V8's serializer, so every
 * event the backend emits is serialised here (v8.serialize) as contents.send() would do
 * for the window, and every call's input and answer is serialised and deserialised (the
 * renderer's half of a call is on the listing's critical path). The window's own
 * deserialising of events happens in another process in the app, so it is not done here.
 *
 * Input: one JSON argument (see Job). Output: one line `BENCH-RESULT {json}` on stdout.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { deserialize, serialize } from 'node:v8'
import { createBackend } from '../src-main/composition/createBackend'
import { createMemorySecretStore } from '../src-main/services/keychain/secretStore'
import { loadFiles, loadSparse, type LoadContext, type LoadJob } from './loadDriver'
import { runSearchJob, type SearchContext, type SearchJob } from './searchDriver'
import { runSyncJob, type SyncContext, type SyncJob } from './syncDriver'
import { callNames, type BridgeResult, type CallInput, type CallName, type CallOutput, type TransfersSnapshot } from '../src-main/contract/bridge'

interface Server {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  region: string
}

type Job =
  | LoadJob
  | SearchJob
  | SyncJob
  | { op: 'large'; server: Server; bucket: string; prefix: string; file: string; downloadDir: string; timeoutMs: number }
  | { op: 'small'; server: Server; bucket: string; prefix: string; dir: string; expected: number; timeoutMs: number }
  | { op: 'list'; server: Server; bucket: string; prefix: string; expected: number; timeoutMs: number }

const job = JSON.parse(process.argv[2] ?? '{}') as Job & { diagnoseWithoutEventIpc?: boolean }
const log = (line: string) => process.stderr.write(`[cubeta-driver] ${line}\n`)

// ---- memory: process.memoryUsage.rss() every 50 ms, plus the kernel's own high-water mark

const memory = (() => {
  let peak = 0
  let samples = 0
  const sample = () => {
    const rss = process.memoryUsage.rss()
    samples++
    if (rss > peak) peak = rss
    return rss
  }
  const timer = setInterval(sample, 50)
  timer.unref()
  return {
    sample,
    /** Starts a new phase: its peak is measured from now on. */
    reset() {
      peak = 0
      samples = 0
      sample()
    },
    phase: () => ({ peakRss: Math.max(peak, sample()), samples }),
    async vmHwm(): Promise<number | null> {
      const status = await readFile('/proc/self/status', 'utf8').catch(() => '')
      const match = /VmHWM:\s+(\d+) kB/.exec(status)
      return match ? Number(match[1]) * 1024 : null
    },
  }
})()

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// ---- the real backend, as the Electron shell builds it

async function startApp(server: Server) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cubeta-bench-data-'))
  let downloadFolder: string | null = null
  const backend = await createBackend({
    dataDir,
    shell: 'electron',
    osLocale: 'en-US',
    version: 'bench',
    homeDir: dataDir,
    secretStore: createMemorySecretStore(),
    awsEndpointOverride: null,
    log: (line) => log(line),
    chooseFolder: async () => downloadFolder,
  })
  // What the Electron shell does with every event: serialise it for the window (ipc.ts → contents.send).
  const listeners = new Set<(name: string, payload: unknown) => void>()
  let ipcBytes = 0
  backend.events.subscribe((name, payload) => {
    // Diagnosis only (never in the benchmark's runs): how long without the window's copy.
    if (!job.diagnoseWithoutEventIpc) ipcBytes += serialize(payload).length
    for (const listener of listeners) listener(name, payload)
  })
  // A bridge call: the input crosses to main, the answer crosses back (ipcRenderer.invoke).
  const ipc = <T>(value: T): T => deserialize(serialize(value)) as T
  const dispatch = async <K extends CallName>(name: K, input: CallInput<K>) =>
    ipc(await backend.router.dispatch(name, ipc(input))) as BridgeResult<CallOutput<K>>
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await dispatch(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`)
    return result.value
  }
  const profile = await call('profiles/add', {
    name: 'Benchmark',
    accessKeyId: server.accessKeyId,
    secretAccessKey: server.secretAccessKey,
    region: server.region,
    endpoint: server.endpoint,
    forcePathStyle: true,
    secretStorage: 'session',
  })
  return {
    profileId: profile.id,
    dataDir,
    call,
    dispatch,
    // What the preload does with dropped files: registers their paths with main, for ids.
    drop: (paths: string[]) => ipc(backend.diskFiles!.register(ipc(paths))),
    listeners,
    setDownloadFolder: (folder: string) => (downloadFolder = folder),
    ipcBytes: () => ipcBytes,
    close: async () => {
      await backend.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
type App = Awaited<ReturnType<typeof startApp>>

/** Resolves when the queue holds `expected` transfers and none is active any more. */
function queueFinished(app: App, expected: number, timeoutMs: number): Promise<TransfersSnapshot['totals']> {
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (error: Error | null, totals?: TransfersSnapshot['totals']) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearInterval(poll)
      app.listeners.delete(onEvent)
      if (error) reject(error)
      else resolve(totals!)
    }
    const look = (snapshot: TransfersSnapshot) => {
      if (snapshot.conflict) finish(new Error(`the queue asks about an existing key (${snapshot.conflict.key}); the benchmark uses fresh prefixes, so this is a bug`))
      else if (snapshot.totals.count >= expected && snapshot.totals.active === 0) finish(null, snapshot.totals)
    }
    const onEvent = (name: string, payload: unknown) => {
      if (name === 'transfers/changed') look(payload as TransfersSnapshot)
    }
    app.listeners.add(onEvent)
    // A slow fallback in case the last change came before we listened.
    const poll = setInterval(() => void app.call('transfers/list', {}).then(look, (e: Error) => finish(e)), 2000)
    const timer = setTimeout(() => finish(new Error(`the queue did not finish within ${timeoutMs / 1000} s`)), timeoutMs)
  })
}

async function upload(app: App, bucket: string, prefix: string, paths: string[], expected: number, timeoutMs: number) {
  const start = performance.now()
  const finished = queueFinished(app, expected, timeoutMs)
  const ids = app.drop(paths)
  const files = paths.map((path, i) => ({ fileId: ids[i]!, relativePath: basename(path) }))
  await app.call('transfers/uploadPaths', { profileId: app.profileId, bucket, prefix, files, cacheControl: null })
  const totals = await finished
  const seconds = (performance.now() - start) / 1000
  if (totals.failed > 0 || totals.done !== expected) {
    const snapshot = await app.call('transfers/list', {})
    const failed = snapshot.transfers.filter((t) => t.status === 'failed').slice(0, 3)
    throw new Error(`upload finished with ${totals.done}/${expected} done and ${totals.failed} failed: ${JSON.stringify(failed.map((t) => t.error))}`)
  }
  return { seconds, totals }
}

// ---- the operations

async function large(j: Extract<Job, { op: 'large' }>) {
  const app = await startApp(j.server)
  // Idle: the backend built, a profile added, nothing transferring.
  await pause(1000)
  const idleSamples: number[] = []
  for (let i = 0; i < 10; i++) {
    idleSamples.push(memory.sample())
    await pause(50)
  }
  const idleRss = idleSamples.sort((a, b) => a - b)[5]!
  memory.reset()
  const up = await upload(app, j.bucket, j.prefix, [j.file], 1, j.timeoutMs)
  const uploadPhase = memory.phase()
  const hwmAfterUpload = await memory.vmHwm()

  memory.reset()
  app.setDownloadFolder(j.downloadDir)
  const key = `${j.prefix}${basename(j.file)}`
  const downStart = performance.now()
  const got = await app.call('objects/download', { profileId: app.profileId, bucket: j.bucket, keys: [key] })
  const downloadSeconds = (performance.now() - downStart) / 1000
  const downloadPhase = memory.phase()
  if (got.written.length !== 1) throw new Error(`download wrote ${got.written.length} files`)
  const hwmEnd = await memory.vmHwm()
  await app.close()
  return {
    uploadSeconds: up.seconds,
    downloadSeconds,
    downloadedPath: got.written[0],
    key,
    idleRss,
    uploadPeakRss: Math.max(uploadPhase.peakRss, hwmAfterUpload ?? 0),
    uploadSampledPeakRss: uploadPhase.peakRss,
    downloadSampledPeakRss: downloadPhase.peakRss,
    vmHwmAfterUpload: hwmAfterUpload,
    vmHwmEnd: hwmEnd,
    samples: uploadPhase.samples + downloadPhase.samples,
  }
}

async function small(j: Extract<Job, { op: 'small' }>) {
  const app = await startApp(j.server)
  memory.reset()
  const up = await upload(app, j.bucket, j.prefix, [j.dir], j.expected, j.timeoutMs)
  const result = { uploadSeconds: up.seconds, done: up.totals.done, bytes: up.totals.bytes, peakRss: memory.phase().peakRss, eventBytes: app.ipcBytes() }
  await app.close()
  return result
}

async function list(j: Extract<Job, { op: 'list' }>) {
  const app = await startApp(j.server)
  // The renderer's bridge, as the Electron preload exposes it: one function per call.
  const api: Record<string, unknown> = Object.fromEntries(callNames.map((name) => [name, (input: never) => app.dispatch(name, input)]))
  api.on = (event: string, listener: (payload: unknown) => void) => {
    const forward = (name: string, payload: unknown) => name === event && listener(payload)
    app.listeners.add(forward)
    return () => app.listeners.delete(forward)
  }
  ;(globalThis as unknown as { window: unknown }).window = { cubeta: api }
  // Imported only now: bridgeClient.ts reads window.cubeta when it loads.
  const { useBrowserStore } = await import('../src-renderer/features/browser/browserStore')
  const store = useBrowserStore

  const until = (test: (s: ReturnType<typeof store.getState>) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop()
        reject(new Error(`the store did not reach "${what}" within ${j.timeoutMs / 1000} s (status ${store.getState().status}, ${store.getState().rows.length} rows, error ${JSON.stringify(store.getState().error)})`))
      }, j.timeoutMs)
      const check = (s: ReturnType<typeof store.getState>) => {
        if (s.status === 'error') {
          clearTimeout(timer)
          stop()
          reject(new Error(`the store failed: ${JSON.stringify(s.error)}`))
        } else if (test(s)) {
          clearTimeout(timer)
          stop()
          resolve()
        }
      }
      const stop = store.subscribe(check)
      check(store.getState())
    })

  // The bucket opens at its root first, as in the app; then the timed part: opening the folder.
  store.getState().open(app.profileId, j.bucket)
  await until((s) => s.status === 'ready' && s.location?.prefix === '', 'bucket root ready')

  let firstPageMs: number | null = null
  let pages = 0
  let lastLength = 0
  const start = performance.now()
  const stopWatching = store.subscribe((s) => {
    if (s.location?.prefix !== j.prefix) return
    if (s.rows.length !== lastLength) {
      if (lastLength === 0 && s.rows.length > 0) firstPageMs = performance.now() - start
      lastLength = s.rows.length
      pages++
    }
  })
  store.getState().navigate(j.prefix)
  await until((s) => s.status === 'ready' && s.location?.prefix === j.prefix, 'folder ready')
  const totalMs = performance.now() - start
  stopWatching()
  const rows = store.getState().rows.length
  if (rows !== j.expected) throw new Error(`the store holds ${rows} rows, expected ${j.expected}`)
  const peakRss = memory.phase().peakRss
  await app.close()
  return { firstPageMs, totalMs, rows, pages, peakRss }
}

async function main() {
  const started = performance.now()
  // The load scenario's operations live in loadDriver.ts, with what they need from here.
  const loadContext = { startApp, upload, memory, log } as unknown as LoadContext
  const result =
    job.op === 'search-bucket' || job.op === 'index-build' || job.op === 'search-index' ? await runSearchJob(job, { startApp, log } as unknown as SearchContext)
    : job.op === 'sync' ? await runSyncJob(job, { startApp } as unknown as SyncContext)
    : job.op === 'large' ? await large(job)
    : job.op === 'small' ? await small(job)
    : job.op === 'list' ? await list(job)
    : job.op === 'load-files' ? await loadFiles(job, loadContext)
    : job.op === 'load-sparse' ? await loadSparse(job, loadContext)
    : null
  if (result === null) throw new Error(`unknown op ${(job as { op?: string }).op}`)
  process.stdout.write(`BENCH-RESULT ${JSON.stringify({ ...result, processSeconds: (performance.now() - started) / 1000 })}\n`)
  // Any handles the SDK keeps (sockets in keep-alive) must not hold the benchmark up.
  process.exit(0)
}

main().catch((error: Error) => {
  process.stderr.write(`[cubeta-driver] failed: ${error.stack ?? error.message}\n`)
  process.exit(1)
})
