// Scenario 4: the real UI in Chromium, against browser mode (`node out/main/serve.js`),
// a folder of 100,000 keys on the benchmark server.
//
// - first rows: from the dblclick on the folder's row (the event's own timeStamp) to the
//   end of the frame that first shows a row of the folder: a MutationObserver sees the
//   row arrive in the grid, then requestAnimationFrame + a MessageChannel message mark the
//   point just after that frame was rendered;
// - frame times: requestAnimationFrame deltas while the grid is scrolled from the first
//   row to the last in `scrollFrames` frames (as dragging the scrollbar to the end over
//   ~4 s does), once the whole listing is in.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { credentials, region } from './server.mjs'
import { summariseTrace, traceCategories } from './uiTrace.mjs'
import { log, percentile, sleep } from './util.mjs'

export const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const scrollFrames = 240

async function startBrowserMode(repoRoot, serveScript) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cubeta-bench-ui-data-'))
  const home = mkdtempSync(join(tmpdir(), 'cubeta-bench-ui-home-'))
  let output = ''
  const child = spawn(process.execPath, [serveScript], {
    cwd: repoRoot,
    // The profile uses the server as its custom endpoint, as a user of a local S3 would.
    env: { ...process.env, CUBETA_DATA_DIR: dataDir, HOME: home, CUBETA_AWS_ENDPOINT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (c) => (output += c))
  child.stderr.on('data', (c) => (output += c))
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.js printed no URL:\n${output}`)), 30_000)
    const look = () => {
      const match = /http:\/\/[a-z0-9.-]+:\d+\/\?token=[\w-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout.on('data', look)
    child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}:\n${output}`)))
  })
  return {
    url,
    origin: new URL(url).origin,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await Promise.race([new Promise((r) => child.once('exit', r)), sleep(3000)])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(home, { recursive: true, force: true })
    },
  }
}

/** Installs the in-page probes; they wait for a dblclick on the grid. */
function installProbes(folderFirstRow) {
  const w = window
  w.__bench = { t0: null, firstRowsMs: null, domRowsMs: null }
  document.addEventListener('dblclick', (event) => {
    if (w.__bench.t0 === null) w.__bench.t0 = event.timeStamp
  }, { capture: true })
  const grid = document.querySelector('[role="grid"]')
  const observer = new MutationObserver(() => {
    if (w.__bench.t0 === null || w.__bench.domRowsMs !== null) return
    const rows = grid.querySelectorAll('[role="row"]')
    for (const row of rows) {
      if (row.textContent.includes(folderFirstRow)) {
        w.__bench.domRowsMs = performance.now() - w.__bench.t0
        observer.disconnect()
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => (w.__bench.firstRowsMs = performance.now() - w.__bench.t0)
          channel.port2.postMessage(null)
        })
        return
      }
    }
  })
  observer.observe(grid, { childList: true, subtree: true, characterData: true })
}

/** requestAnimationFrame deltas with nothing happening. */
function idleFrames(count) {
  return new Promise((resolve) => {
    const deltas = []
    let last = null
    const tick = (time) => {
      if (last !== null) deltas.push(time - last)
      last = time
      if (deltas.length < count) requestAnimationFrame(tick)
      else resolve(deltas)
    }
    requestAnimationFrame(tick)
  })
}

/** Scrolls the grid from top to bottom over a fixed number of frames; returns rAF deltas. */
function scrollToEnd(frames) {
  const body = document.querySelector('[role="grid"] .object-grid__body')
  body.scrollTop = 0
  // Read once: reading it each frame would force a layout inside the measured frames.
  const end = body.scrollHeight - body.clientHeight
  return new Promise((resolve) => {
    const deltas = []
    let last = null
    let i = 0
    const tick = (time) => {
      if (last !== null) deltas.push(time - last)
      last = time
      if (i > frames) {
        resolve({ deltas, scrollTop: body.scrollTop, scrollHeight: body.scrollHeight, clientHeight: body.clientHeight })
        return
      }
      body.scrollTop = (end * i) / frames
      i++
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

export async function runUi({ repoRoot, chromiumPath, server, bucket, prefix, count, reps, resultsDir, timeoutMs, serveScript, profileDir = null }) {
  const require = createRequire(join(repoRoot, 'package.json'))
  const { chromium } = require('playwright-core')
  const app = await startBrowserMode(repoRoot, serveScript)
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags, headless: true })
  const results = []
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(app.url)
    // A "this session only" profile for the server, through the same bridge call the profile form makes.
    const added = await page.evaluate(async (draft) => {
      const response = await fetch('/api/call/profiles/add', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cubeta-bridge': '1' },
        body: JSON.stringify(draft),
      })
      return response.json()
    }, { name: 'Benchmark', accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, region, endpoint: server.endpoint, forcePathStyle: true, secretStorage: 'session' })
    if (!added.ok) throw new Error(`profiles/add failed: ${JSON.stringify(added.error)}`)
    const folderName = prefix.slice(0, -1)
    const firstKeyName = 'key-000000.txt'
    const lastKeyName = `key-${String(count - 1).padStart(6, '0')}.txt`
    const everything = `${count.toLocaleString('en')} items`

    for (let rep = 0; rep < reps; rep++) {
      try {
        await page.goto(app.origin)
        await page.getByRole('table', { name: 'Buckets' }).getByRole('button', { name: bucket, exact: true }).click({ timeout: 30_000 })
        const grid = page.getByRole('grid', { name: 'Objects' })
        const folderRow = grid.getByRole('row', { name: `${folderName}/` })
        await folderRow.waitFor({ timeout: 30_000 })
        // A user with a keychain never sees the "no keychain" banner: close it, so the grid has its usual height.
        const dismiss = page.locator('.banner .notice__dismiss')
        if (await dismiss.count()) await dismiss.first().click()
        // Let the page settle (fonts, the bucket listing's last frame) before the timed part.
        await sleep(500)
        await page.evaluate(installProbes, firstKeyName)
        await folderRow.dblclick()
        await page.waitForFunction(() => window.__bench.firstRowsMs !== null, null, { timeout: timeoutMs })
        const firstRows = await page.evaluate(() => window.__bench)
        const allStart = Date.now()
        await page.getByRole('status').filter({ hasText: new RegExp(`^${everything}`) }).waitFor({ timeout: timeoutMs })
        const allRowsMs = firstRows.firstRowsMs + (Date.now() - allStart)
        if (rep === 0) await page.screenshot({ path: join(resultsDir, 'ui-all-rows.png') })
        await sleep(300)
        // The machine's own frame rate with nothing moving, to read the scrolling numbers against.
        const idle = await page.evaluate(idleFrames, 60)
        // --profile-ui, first repetition: a trace and a CPU profile of the page while it scrolls.
        const profiling = profileDir !== null && rep === 0
        let cdp = null
        if (profiling) {
          await browser.startTracing(page, { categories: traceCategories })
          cdp = await context.newCDPSession(page)
          await cdp.send('Profiler.enable')
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
          await cdp.send('Profiler.start')
        }
        const scroll = await page.evaluate(scrollToEnd, scrollFrames)
        let traced = null
        if (profiling) {
          const { profile } = await cdp.send('Profiler.stop')
          mkdirSync(profileDir, { recursive: true })
          const file = join(profileDir, 'ui-scroll.cpuprofile')
          writeFileSync(file, JSON.stringify(profile))
          traced = summariseTrace(await browser.stopTracing())
          log(`ui     scroll trace: main thread busy ${traced.busyMs.toFixed(0)} of ${traced.windowMs.toFixed(0)} ms; self time: ${traced.top.map((t) => `${t.name} ${t.ms}`).join(', ')}`)
          log(`ui     CPU profile of the scroll: ${file} (node bench/profileSummary.mjs ${file})`)
        }
        const last = grid.getByRole('row', { name: lastKeyName })
        await last.waitFor({ timeout: 10_000 })
        if (rep === 0) await page.screenshot({ path: join(resultsDir, 'ui-scrolled-to-end.png') })
        const deltas = scroll.deltas
        const row = {
          firstRowsMs: firstRows.firstRowsMs,
          domRowsMs: firstRows.domRowsMs,
          allRowsMsApprox: allRowsMs,
          frames: deltas.length,
          p50FrameMs: percentile(deltas, 50),
          p95FrameMs: percentile(deltas, 95),
          maxFrameMs: Math.max(...deltas),
          idleP95FrameMs: percentile(idle, 95),
          ...(traced ? { scrollTrace: traced } : {}),
        }
        results.push(row)
        log(`ui     rep ${rep + 1}: first rows ${row.firstRowsMs.toFixed(0)} ms (in the DOM at ${row.domRowsMs.toFixed(0)} ms), all ${count.toLocaleString('en')} rows ~${(allRowsMs / 1000).toFixed(1)} s; scroll: ${row.frames} frames, p50 ${row.p50FrameMs.toFixed(1)} ms, p95 ${row.p95FrameMs.toFixed(1)} ms, max ${row.maxFrameMs.toFixed(0)} ms (idle p95 ${row.idleP95FrameMs.toFixed(1)} ms)`)
      } catch (error) {
        results.push({ error: String(error.message ?? error).slice(0, 2000) })
        log(`ui     rep ${rep + 1}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
        await page.screenshot({ path: join(resultsDir, `ui-failed-${rep + 1}.png`) }).catch(() => undefined)
      }
    }
  } finally {
    await browser.close()
    await app.stop()
  }
  return results
}

export function ensureDir(path) {
  mkdirSync(path, { recursive: true })
  return path
}
