#!/usr/bin/env node
/**
 * `npm run bench` (issue #5): Cubeta's transfer engine and listing against aws-cli v2,
 * rclone and s5cmd on a local versitygw server, and the UI in Chromium.
 *
 *   npm run bench                                   the full run → bench/results/latest.md
 *   npm run bench -- --only small --reps 1 --scale 0.1
 *
 * Flags:
 *   --only large,small,list,search,ui,load,sync,tls   scenarios (memory is measured in "large";
 *                   "load" is 50,000 tiny files, a cancel at 30 %, and a 10 GiB sparse file;
 *                   "search" a 100,000-key bucket cold and warm and a 1,000,000-key index;
 *                   "sync" the small files again with 50 changed and 10 new; "tls" the large
 *                   and small scenarios over HTTPS); default all
 *   --tls-tools cubeta,s5cmd   who runs over TLS (default: Cubeta and s5cmd, whose targets they are)
 *   --tools cubeta,aws,rclone,s5cmd   default all
 *   --reps N        repetitions of each measurement (default 3)
 *   --scale X       data size factor: 1 GiB, 5,000 files, 100,000 keys, 50,000 tiny files,
 *                   a 10 GiB sparse file and a 1,000,000-key index at 1 (default 1)
 *   --out FILE      where the Markdown goes (default: bench/results/latest.md for a full
 *                   run, bench/results/dev.md otherwise)
 *   --cpu-prof      run Cubeta's driver under `node --cpu-prof` (profiles in bench/results/profiles)
 *   --no-install    find peers only; never install
 *   --profile-ui    diagnosis: serve an unminified renderer (bench/vite.renderer-debug.config.mts)
 *                   and record where the page's main thread spends the first scroll (a trace
 *                   summary in the log, a CPU profile in bench/results/profiles)
 *
 * `npm run bench` builds the app first (electron-vite build): the UI scenario serves out/.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { cpus, loadavg, totalmem, release } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { largeFile, listPrefix, seedListing, smallFolder } from './lib/data.mjs'
import { preparePeers } from './lib/peers.mjs'
import { buildReport } from './lib/report.mjs'
import { buckets, makeTools, runLarge, runList, runSmall } from './lib/scenarios.mjs'
import { runSearch } from './lib/searchScenario.mjs'
import { benchCertificate, startServer } from './lib/server.mjs'
import { runSyncScenario } from './lib/syncScenario.mjs'
import { runLoad } from './lib/load.mjs'
import { runUi } from './lib/ui.mjs'
import { firstLine, log, median, runSync } from './lib/util.mjs'

const benchDir = dirname(fileURLToPath(import.meta.url))
const repoRoot = join(benchDir, '..')
const cacheDir = join(benchDir, '.cache')
const resultsDir = join(benchDir, 'results')

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string', default: 'large,small,list,search,ui,load,sync,tls' },
    tools: { type: 'string', default: 'cubeta,aws,rclone,s5cmd' },
    'tls-tools': { type: 'string', default: 'cubeta,s5cmd' },
    reps: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1' },
    out: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'no-install': { type: 'boolean', default: false },
    'profile-ui': { type: 'boolean', default: false },
  },
})
const aliases = { memory: 'large', listing: 'list', files: 'small', https: 'tls' }
const only = [...new Set(flags.only.split(',').map((s) => s.trim()).filter(Boolean).map((s) => aliases[s] ?? s))]
const scenarios = ['large', 'small', 'list', 'search', 'ui', 'load', 'sync', 'tls']
const unknown = only.filter((s) => !scenarios.includes(s))
const reps = Number(flags.reps)
const scale = Number(flags.scale)
let tools = flags.tools.split(',').map((s) => s.trim()).filter(Boolean)
if (unknown.length || !Number.isInteger(reps) || reps < 1 || !(scale > 0 && scale <= 1) || tools.some((t) => !['cubeta', 'aws', 'rclone', 's5cmd'].includes(t))) {
  console.error('Usage: npm run bench -- [--only large,small,list,search,ui,load,sync,tls] [--tls-tools cubeta,s5cmd] [--tools cubeta,aws,rclone,s5cmd] [--reps N] [--scale 0<X≤1] [--out FILE] [--cpu-prof] [--no-install]')
  process.exit(2)
}
const full = scale === 1 && reps >= 3 && only.length === scenarios.length && tools.length === 4
const outPath = flags.out ?? join(resultsDir, full ? 'latest.md' : 'dev.md')

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`Node ${process.versions.node}: the benchmark runs on the project's Node 24. Use \`npm run bench\` (it puts node_modules/.bin first on the PATH).`)
  process.exit(2)
}

const sizes = {
  largeBytes: Math.max(1, Math.round(1024 * scale)) * 1024 * 1024,
  smallCount: Math.max(10, Math.round(5000 * scale)),
  listCount: Math.max(1000, Math.round(100_000 * scale)),
  loadCount: Math.max(100, Math.round(50_000 * scale)),
  sparseBytes: Math.max(64, Math.round(10 * 1024 * scale)) * 1024 * 1024,
  indexKeys: Math.max(10_000, Math.round(1_000_000 * scale)),
}
const started = Date.now()
// Other work on the machine skews every number: the 1-minute load average, every 10 s.
const loads = [loadavg()[0]]
const loadTimer = setInterval(() => loads.push(loadavg()[0]), 10_000)
loadTimer.unref()
log(`scenarios: ${only.join(', ')} · tools: ${tools.join(', ')} · ${reps} rep(s) · scale ${scale} (${(sizes.largeBytes / 2 ** 20).toFixed(0)} MiB file, ${sizes.smallCount} small files, ${sizes.listCount} keys) → ${relative(repoRoot, outPath)}`)

// What is measured is the code as it is now, when the driver is bundled (and the app was
// built just before): recorded here, not at the end, since the tree may change meanwhile.
const gitHead = (firstLine('git', ['-C', repoRoot, 'log', '-1', '--format=%h %s']) ?? 'unknown').replace(/^(.{90}).+$/, '$1…')
const dirty = runSync('git', ['-C', repoRoot, 'status', '--porcelain', '--', 'src-main', 'src-renderer']).stdout.split('\n').filter((l) => l.trim()).map((l) => l.slice(3))
const startedAt = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
const cubetaSettings = settingLines()

// ---- the driver: Cubeta's own services, bundled for Node
log('bundling the headless driver (vite build --config bench/vite.config.mts)…')
const vite = runSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--config', join(benchDir, 'vite.config.mts')], { cwd: repoRoot })
if (vite.status !== 0) {
  console.error(`The driver did not build:\n${vite.stdout}\n${vite.stderr}`)
  process.exit(1)
}
const profileDir = join(resultsDir, 'profiles')
const driver = { path: join(benchDir, '.build', 'driver', 'cubetaDriver.mjs'), nodeArgs: flags['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] }
if (only.includes('ui') && !existsSync(join(repoRoot, 'out', 'main', 'serve.js'))) {
  console.error('out/main/serve.js is missing: run `npm run bench` (it builds first) or `npx electron-vite build`.')
  process.exit(1)
}
let serveScript = join(repoRoot, 'out', 'main', 'serve.js')
if (flags['profile-ui']) {
  // serve.js serves ../renderer beside itself: a copy of out/main next to the unminified renderer.
  log('--profile-ui: building an unminified renderer with source maps (bench/.build/diag); UI numbers from this run are for diagnosis only.')
  const diag = runSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--config', join(benchDir, 'vite.renderer-debug.config.mts')], { cwd: repoRoot })
  if (diag.status !== 0) {
    console.error(`The diagnostic renderer did not build:\n${diag.stdout}\n${diag.stderr}`)
    process.exit(1)
  }
  rmSync(join(benchDir, '.build', 'diag', 'main'), { recursive: true, force: true })
  cpSync(join(repoRoot, 'out', 'main'), join(benchDir, '.build', 'diag', 'main'), { recursive: true })
  serveScript = join(benchDir, '.build', 'diag', 'main', 'serve.js')
}

// ---- peers
mkdirSync(join(cacheDir, 'bin'), { recursive: true })
const peers = preparePeers({ binDir: join(cacheDir, 'bin'), tools, wantsUi: only.includes('ui'), install: !flags['no-install'] })
if (!peers.versitygw) {
  console.error('No versitygw: nothing to measure against. See the messages above.')
  process.exit(1)
}
const missing = tools.filter((t) => t !== 'cubeta' && !peers[t])
if (missing.length) log(`skipping ${missing.join(', ')}: not available.`)
tools = tools.filter((t) => t === 'cubeta' || peers[t])

const server = await startServer(peers.versitygw.path, cacheDir)
const tlsTools = flags['tls-tools'].split(',').map((s) => s.trim())
let tlsServer = null
const stopAll = async () => {
  await server.stop()
  await tlsServer?.stop()
}
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)))
process.on('SIGTERM', () => void stopAll().then(() => process.exit(143)))

const results = {}
const timing = {}
const scaled = (ms) => Math.max(120_000, Math.round(ms * scale))
try {
  const toolsApi = makeTools({ peers, server, cacheDir, driver })
  const dataDir = join(cacheDir, 'data')
  let data = {}
  if (only.includes('large')) {
    const large = await largeFile(dataDir, sizes.largeBytes)
    data.large = large
    const t = Date.now()
    log(`scenario 1 (and 5): ${(sizes.largeBytes / 2 ** 20).toFixed(0)} MiB up and down, ${reps}× per tool`)
    results.large = await runLarge({ tools: toolsApi, server, data: large, reps, cacheDir, tool: tools, timeoutMs: scaled(600_000) })
    timing.large = (Date.now() - t) / 1000
  }
  if (only.includes('small')) {
    const small = await smallFolder(dataDir, sizes.smallCount)
    data.small = small
    const t = Date.now()
    log(`scenario 2: ${small.count} files up, ${reps}× per tool`)
    results.small = await runSmall({ tools: toolsApi, server, data: small, reps, tool: tools, timeoutMs: scaled(900_000) })
    timing.small = (Date.now() - t) / 1000
  }
  if (only.includes('list') || only.includes('ui') || only.includes('search')) {
    await server.bucket(buckets.list)
    const t = Date.now()
    await seedListing(server, buckets.list, sizes.listCount)
    timing.seedListing = (Date.now() - t) / 1000
  }
  if (only.includes('list')) {
    const t = Date.now()
    log(`scenario 3: listing ${sizes.listCount} keys, ${reps}× per tool`)
    results.list = await runList({ tools: toolsApi, server, count: sizes.listCount, prefix: listPrefix(sizes.listCount), reps, tool: tools, timeoutMs: scaled(300_000), rawListPath: join(benchDir, 'peers', 'rawList.mjs') })
    timing.list = (Date.now() - t) / 1000
  }
  if (only.includes('search')) {
    const t = Date.now()
    log(`scenario 7: searching the ${sizes.listCount}-key bucket cold and warm, and a ${sizes.indexKeys}-key index, ${reps}×`)
    results.search = await runSearch({ tools: toolsApi, server, reps, tool: tools, timeoutMs: scaled(600_000), rawListPath: join(benchDir, 'peers', 'rawList.mjs'), cacheDir, indexKeys: sizes.indexKeys })
    timing.search = (Date.now() - t) / 1000
  }
  if (only.includes('ui')) {
    if (!peers.chromium) {
      log('scenario 4 skipped: no Chromium.')
    } else {
      const t = Date.now()
      log(`scenario 4: the UI in Chromium, a folder of ${sizes.listCount} keys, ${reps}×`)
      mkdirSync(resultsDir, { recursive: true })
      results.ui = await runUi({ repoRoot, chromiumPath: peers.chromium.path, server, bucket: buckets.list, prefix: listPrefix(sizes.listCount), count: sizes.listCount, reps, resultsDir, timeoutMs: scaled(300_000), serveScript, profileDir: flags['profile-ui'] ? profileDir : null })
      timing.ui = (Date.now() - t) / 1000
    }
  }
  if (only.includes('load')) {
    const t = Date.now()
    log(`scenario 6 (load): ${sizes.loadCount} tiny files up, again with a cancel, and a ${(sizes.sparseBytes / 2 ** 30).toFixed(2)} GiB sparse file, once`)
    results.load = await runLoad({ tools: toolsApi, server, dataDir, count: sizes.loadCount, sparseBytes: sizes.sparseBytes, timeoutMs: scaled(1_800_000) })
    timing.load = (Date.now() - t) / 1000
  }
  if (only.includes('sync')) {
    const small = data.small ?? (await smallFolder(dataDir, sizes.smallCount))
    data.small = small
    const t = Date.now()
    log(`scenario 8: sync of the ${small.count}-file folder with 50 changed and 10 new, ${reps}× per tool (Cubeta with the quick and the exact rule)`)
    results.sync = await runSyncScenario({ tools: toolsApi, server, small, reps, tool: tools, timeoutMs: scaled(900_000), dataDir })
    timing.sync = (Date.now() - t) / 1000
  }
  if (only.includes('tls')) {
    const t = Date.now()
    const tlsTool = tools.filter((x) => tlsTools.includes(x))
    const large = data.large ?? (await largeFile(dataDir, sizes.largeBytes))
    const small = data.small ?? (await smallFolder(dataDir, sizes.smallCount))
    data.small = small
    tlsServer = await startServer(peers.versitygw.path, cacheDir, { tls: benchCertificate(cacheDir), mode: server.mode })
    const tlsApi = makeTools({ peers, server: tlsServer, cacheDir, driver })
    log(`scenario 9 (TLS): scenarios 1 and 2 over HTTPS (${tlsServer.endpoint}), ${reps}× per tool: ${tlsTool.join(', ')}`)
    results.tls = {
      large: await runLarge({ tools: tlsApi, server: tlsServer, data: large, reps, cacheDir, tool: tlsTool, timeoutMs: scaled(600_000) }),
      small: await runSmall({ tools: tlsApi, server: tlsServer, data: small, reps, tool: tlsTool, timeoutMs: scaled(900_000) }),
    }
    timing.tls = (Date.now() - t) / 1000
  }
} finally {
  await stopAll()
}

// ---- the report
const cpuModel = cpus()[0]?.model ?? 'unknown CPU'
const osName = (() => {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown'
  } catch {
    return 'unknown'
  }
})()
const packageVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version
  } catch {
    return null
  }
}
function settingLines() {
  const pick = (file, pattern) => {
    try {
      return readFileSync(join(repoRoot, file), 'utf8').split('\n').map((l, i) => [l, i + 1]).filter(([l]) => pattern.test(l)).map(([l, n]) => `// ${file}:${n}\n${l.trim()}`)
    } catch {
      return []
    }
  }
  return [
    ...pick('src-main/composition/createBackend.ts', /maxConcurrentFiles|maxRequests|partsPerFile|memoryBudget/),
    ...pick('src-main/services/transfers/transferEngine.ts', /deps\.(maxRequests|partsPerFile|memoryBudget|maxConcurrentFiles) \?\?/),
    ...pick('src-main/services/transfers/partSize.ts', /minimumPartSize =/),
    ...pick('src-main/services/aws/awsClients.ts', /maxAttempts/),
  ]
}
const versions = {
  versitygw: peers.versitygw?.version,
  aws: peers.aws?.version,
  rclone: peers.rclone?.version,
  s5cmd: peers.s5cmd?.version,
  chromium: peers.chromium?.version,
}
const meta = {
  full,
  date: `${startedAt} (start) to ${new Date().toISOString().slice(11, 16)} UTC`,
  git: `${gitHead}${dirty.length ? ` — plus uncommitted changes in ${dirty.join(', ')}` : ''} (as built and bundled at the start)`,
  machine: { cpu: cpuModel, cores: cpus().length, ram: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`, kernel: release(), os: osName },
  load: { min: Math.min(...loads), median: median(loads), max: Math.max(...loads), samples: loads.length },
  command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  scale,
  reps,
  durationMinutes: (Date.now() - started) / 60000,
  serverMode: server.mode === 'xattr' ? 'user xattrs' : 'a sidecar folder',
  versions,
  data: { largeBytes: sizes.largeBytes, smallCount: sizes.smallCount, smallBytes: data_smallBytes(), listCount: sizes.listCount, loadCount: sizes.loadCount, sparseBytes: sizes.sparseBytes, indexKeys: sizes.indexKeys },
  cubetaSettings,
  toolNotes: {
    'Cubeta': { version: `${JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version} (this checkout), Node ${process.versions.node}, @aws-sdk/client-s3 ${packageVersion('@aws-sdk/client-s3')}`, how: 'its real backend (createBackend, shell "electron": the desktop settings) in a Node process per run: `transfers/uploadPaths`, `objects/download`, and the renderer\'s browser store for listing' },
    'aws-cli': { version: versions.aws, how: 'defaults: 10 concurrent requests, 8 MB multipart threshold and parts (downloads as ranged GETs too); `addressing_style = path`; `--only-show-errors`' },
    'rclone': { version: versions.rclone, how: 'defaults: 4 transfers, 8 checkers, multipart above 200 MiB in 5 MiB chunks, 4 at once; downloads above 250 MiB in 4 streams; remote from RCLONE_CONFIG_BENCH_* (provider Other, force_path_style)' },
    's5cmd': { version: versions.s5cmd, how: 'defaults: 256 workers, 5 parts at once per file, 50 MiB parts; `--log error` for cp' },
    'raw SDK loop': { version: `@aws-sdk/client-s3 ${packageVersion('@aws-sdk/client-s3')}`, how: 'bench/peers/rawList.mjs: one S3Client, ListObjectsV2 (Delimiter "/", 1,000 keys) until the last page; for search, recursive (no Delimiter) over the whole bucket, counting the keys that end in 7.txt' },
    'versitygw': { version: versions.versitygw, how: `\`versitygw --port 127.0.0.1:PORT --quiet --keep-alive posix${server.mode === 'sidecar' ? ' --sidecar DIR' : ''} DIR\`` },
    'Chromium': { version: versions.chromium, how: `playwright-core ${packageVersion('playwright-core')}, headless, --disable-gpu` },
    'Node': { version: process.versions.node, how: 'runs the driver, the raw loop and browser mode' },
  },
  usedTools: [
    'Cubeta',
    ...tools.filter((t) => t !== 'cubeta').map((t) => ({ aws: 'aws-cli', rclone: 'rclone', s5cmd: 's5cmd' })[t]),
    ...(results.list || results.search ? ['raw SDK loop'] : []),
    'versitygw',
    ...(results.ui ? ['Chromium'] : []),
    'Node',
  ],
  method: [
    'Every tool talks to the same versitygw on loopback, over the same data, in the same run; the tools take turns within each repetition (the order rotates), and what one run wrote is removed before the next.',
    'Data is seeded and generated once into bench/.cache (AES-CTR keystream, so nothing compresses), reused while its manifest matches.',
    "Cubeta's times run from the bridge call (uploadPaths, download, navigate) to the end, inside a process whose backend is already built — as in the app, which is open before you drop a file. The command-line tools are timed from starting the program to its exit (starting aws-cli, a Python program, costs about half a second of that).",
    'Large file: uploaded, downloaded to an empty folder, and the download\'s SHA-256 compared with the original; a mismatch counts as a failed run.',
    'Small files: after each upload every key and size is listed and compared, and one object per extension is asked for its Content-Type (not timed).',
    'Memory: the driver samples its own RSS every 50 ms; idle is the median of 10 samples after the backend is built and a profile added; the peak is the kernel\'s VmHWM. Peers\' peak RSS comes from VmHWM read every 50 ms from /proc.',
    'Listing: Cubeta pulls pages into the renderer\'s own zustand store (browserStore.ts) with `window.cubeta` handing each call to the router, as Electron does; first page = the first store update with rows.',
    "IPC is paid for as in Electron, which serialises every message with V8's serializer: each call's input and answer go through v8.serialize/deserialize, and each event the backend emits (transfers/changed…) is serialised as contents.send() does for the window.",
    'UI: the real build (out/renderer) served by `node out/main/serve.js`, a "this session only" profile for the server added through the page\'s own bridge call, the "no keychain" notice closed.',
    ...(results.search ? ["Search: Cubeta's `search/start` call (the search service over the bucket index, `node:sqlite`), timed from the call to the first `search/results` event with a match and to the one that says done. Cold = a fresh data folder, so the search lists the whole bucket recursively into the index while testing each page; warm = the same search again in the same process. The 1,000,000-key index is written once from generated rows through the index file's own page writes (bench/searchDriver.ts), kept in bench/.cache, and copied into each run's data folder as the service keeps it."] : []),
    ...(results.sync ? ["Sync: each tool first uploads the unchanged folder with its own sync (its template, kept between runs); each run syncs the changed folder onto a fresh copy of its tool's template (`cp -a` in the server's folder, so metadata in xattrs comes along). Local files are dated 2026-01-01, the server's copies 2026-01-02, the 60 edited or new files now; after the run every key and size is listed, and the keys with a later LastModified are what the tool sent. Cubeta runs its sync dialog's calls (`sync/savePair`, `sync/preview`, `sync/run`) and is timed from the preview to the run's last progress event; `aws s3 sync`, `rclone sync` and `s5cmd sync` with their default comparison (size and time; rclone then checksums)."] : []),
    ...(results.tls ? [`TLS: a second versitygw over the same folder with \`--cert\`/\`--key\` (a self-signed RSA-2048 certificate for 127.0.0.1 made with openssl into bench/.cache/tls). Every client verifies it: Cubeta's driver with NODE_EXTRA_CA_CERTS, aws-cli with AWS_CA_BUNDLE, s5cmd with SSL_CERT_FILE, rclone with RCLONE_CA_CERT; none skips verification. To keep the full run short, only ${tools.filter((x) => tlsTools.includes(x)).map((t) => ({ cubeta: 'Cubeta', aws: 'aws-cli', rclone: 'rclone', s5cmd: 's5cmd' })[t]).join(' and ')} run over TLS (\`--tls-tools\` adds others): the TLS targets are against s5cmd.`] : []),
  ],
}
function data_smallBytes() {
  return results.small || results.sync || results.tls ? JSON.parse(readFileSync(join(cacheDir, 'data', `small-${sizes.smallCount}`, 'manifest.json'), 'utf8')).totalBytes : 0
}

mkdirSync(dirname(outPath), { recursive: true })
const markdown = buildReport({ results, meta })
writeFileSync(outPath, markdown + '\n')
writeFileSync(outPath.replace(/\.md$/, '.json'), JSON.stringify({ meta, results, timing }, null, 2))
log(`time per scenario (s): ${Object.entries(timing).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`)
log(`wrote ${relative(repoRoot, outPath)}`)
process.stdout.write(`\n${markdown}\n`)
