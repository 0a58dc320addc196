import { readFileSync } from 'node:fs'
// The Markdown report: tables with medians and spreads, ratios to each peer, targets.
import { loadSection } from './loadReport.mjs'
import { searchSection, syncSection } from './searchSyncReport.mjs'
import { fmtBytes, fmtMB, fmtMs, fmtRate, fmtRatio, fmtSeconds, fmtSpread, median, spread } from './util.mjs'

const names = { cubeta: 'Cubeta', aws: 'aws-cli', rclone: 'rclone', s5cmd: 's5cmd', raw: 'raw SDK loop' }
const ok = (runs) => (runs ?? []).filter((r) => !r.error)
const failures = (runs) => (runs ?? []).filter((r) => r.error).length
const stat = (runs, field) => {
  const values = ok(runs).map((r) => r[field])
  return { m: median(values), s: spread(values), n: values.length }
}
const secondsCell = (st) => (st.m === null ? '—' : `${fmtSeconds(st.m)}${fmtSpread(st.s)}`)
const failNote = (runs) => (failures(runs) ? ` (${failures(runs)} of ${runs.length} runs failed)` : '')
const pass = (condition) => (condition === null ? 'n/a' : condition ? '**PASS**' : '**MISS**')

export function buildReport({ results, meta }) {
  const lines = []
  const add = (...l) => lines.push(...l)
  const targets = []

  add(`# Cubeta benchmark${meta.full ? '' : ' (development run: not the full benchmark)'}`, '')
  add(`- **Date:** ${meta.date}`)
  add(`- **Code:** ${meta.git}`)
  add(`- **Machine:** ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.ram} RAM, Linux ${meta.machine.kernel} (${meta.machine.os})`)
  if (meta.load) add(`- **Load during the run:** 1-minute load average ${meta.load.min.toFixed(1)}–${meta.load.max.toFixed(1)} (median ${meta.load.median.toFixed(1)}) on ${meta.machine.cores} cores; anything above the benchmark's own use (about ${meta.machine.cores}) is other work competing for the CPU, and makes the numbers noisier.`)
  add(`- **Run:** \`${meta.command}\` — scale ${meta.scale}, ${meta.reps} repetition${meta.reps === 1 ? '' : 's'} of each measurement, ${meta.durationMinutes.toFixed(1)} minutes in all.`)
  add(`- **Server:** versitygw ${meta.versions.versitygw ?? '?'} on 127.0.0.1 over plain files on the same disk (metadata in ${meta.serverMode}), started by the benchmark.`)
  add('')
  add('Each number is the **median** of the repetitions; **±** is half their range, as a share of the median.')
  add('**Ratio = the peer\'s time ÷ Cubeta\'s time: above 1.00× Cubeta is faster, below 1.00× Cubeta is slower.**')
  add('MB = 1,000,000 bytes; MiB and GiB are powers of two. RSS = resident memory of the process.', '')

  const sections = []

  // ---- 1. large
  if (results.large) {
    const r = results.large
    const bytes = meta.data.largeBytes
    const cub = { up: stat(r.cubeta, 'upSeconds'), down: stat(r.cubeta, 'downSeconds') }
    const s = largeTable(r, bytes, `## 1. One large file: ${fmtBytes(bytes)} up, then down, bytes checked (SHA-256)`)
    s.push("Cubeta downloads through the app's `objects/download` call (downloadToFolder: 8 MiB ranges, eight at a time, into a temporary file, then renamed; the first range through the AWS SDK, the rest through the lean ranged GET (HTTP or HTTPS), each written in pieces of at most 256 KiB).", '')
    // Issue #5's lines against aws-cli; issue #15's against s5cmd, the fastest peer.
    for (const [tool, name, upLine, downLine] of [['aws', 'aws-cli', 1.0, 1.0], ['s5cmd', 's5cmd', 1.3, 1.0]]) {
      if (!r[tool]) continue
      const peer = { up: stat(r[tool], 'upSeconds'), down: stat(r[tool], 'downSeconds') }
      const ru = cub.up.m && peer.up.m ? peer.up.m / cub.up.m : null
      const rd = cub.down.m && peer.down.m ? peer.down.m / cub.down.m : null
      targets.push([`Large file upload ≥ ${upLine.toFixed(1)}× ${name}`, fmtRatio(ru), pass(ru === null ? null : ru >= upLine)])
      targets.push([`Large file download ≥ ${downLine.toFixed(1)}× ${name}`, fmtRatio(rd), pass(rd === null ? null : rd >= downLine)])
    }
    sections.push(s)
  }

  // ---- 2. small
  if (results.small) {
    const r = results.small
    const { smallCount: count, smallBytes: bytes } = meta.data
    const cub = stat(r.cubeta, 'seconds')
    const s = smallTable(r, count, bytes, `## 2. Many small files: a folder of ${count.toLocaleString('en')} files, 4–256 KiB (${fmtBytes(bytes)}), nested folders, Content-Type checked`)
    const cubTypes = ok(r.cubeta)[0]?.contentTypes
    if (cubTypes) s.push(`Content-Type as stored after Cubeta's upload: ${Object.entries(cubTypes).map(([e, t]) => `.${e} ${t}`).join(', ')}.`, '')
    const ratioTo = (tool) => (r[tool] && cub.m && stat(r[tool], 'seconds').m ? stat(r[tool], 'seconds').m / cub.m : null)
    if (r.aws) targets.push(['Small files ≥ 2.0× aws-cli', fmtRatio(ratioTo('aws')), pass(ratioTo('aws') === null ? null : ratioTo('aws') >= 2.0)])
    if (r.s5cmd) targets.push(['Small files ≥ 1.2× s5cmd', fmtRatio(ratioTo('s5cmd')), pass(ratioTo('s5cmd') === null ? null : ratioTo('s5cmd') >= 1.2)])
    sections.push(s)
  }

  // ---- 3. listing
  if (results.list) {
    const r = results.list
    const count = meta.data.listCount
    const cub = stat(r.cubeta, 'seconds')
    const s = []
    s.push(`## 3. Listing a folder of ${count.toLocaleString('en')} keys to the end`, '')
    s.push('| tool | seconds | objects/s | first page (ms) | ratio (peer ÷ Cubeta) |')
    s.push('| --- | ---: | ---: | ---: | ---: |')
    for (const [tool, runs] of Object.entries(r)) {
      const st = stat(runs, 'seconds')
      const first = stat(runs, 'firstPageMs')
      const ratio = tool === 'cubeta' || !cub.m || !st.m ? null : st.m / cub.m
      s.push(`| ${names[tool]}${tool === 'cubeta' ? ' (into the browser store)' : ''}${failNote(runs)} | ${secondsCell(st)} | ${fmtRate(st.m && count / st.m)} | ${fmtMs(first.m)}${fmtSpread(first.s)} | ${tool === 'cubeta' ? '' : fmtRatio(ratio)} |`)
    }
    s.push('')
    s.push('Cubeta and the raw loop are timed inside their process from the first request, so program start is not counted; the command-line tools are timed from starting the program, and their "first page" is their first line of output (rclone prints nothing until it has listed everything).', '')
    const raw = stat(r.raw, 'seconds')
    const vsRaw = cub.m && raw.m ? cub.m / raw.m : null
    const firstPage = stat(r.cubeta, 'firstPageMs').m
    targets.push(['Listing ≤ 1.05× the raw loop\'s time (Cubeta ÷ raw)', vsRaw === null ? '—' : `${vsRaw.toFixed(2)}×`, pass(vsRaw === null ? null : vsRaw <= 1.05)])
    targets.push(['First page in the store < 300 ms', firstPage === null ? '—' : `${fmtMs(firstPage)} ms`, pass(firstPage === null ? null : firstPage < 300)])
    sections.push(s)
  }

  // ---- 4. ui
  if (results.ui) {
    const runs = results.ui
    const count = meta.data.listCount
    const s = []
    s.push(`## 4. UI in Chromium (browser mode), a folder of ${count.toLocaleString('en')} keys${failNote(runs)}`, '')
    s.push('| measure | median | ± |')
    s.push('| --- | ---: | ---: |')
    const row = (label, field, unit = 'ms') => {
      const st = stat(runs, field)
      s.push(`| ${label} | ${st.m === null ? '—' : `${fmtMs(st.m)} ${unit}`} | ${fmtSpread(st.s).trim()} |`)
      return st.m
    }
    const first = row('dblclick on the folder → first rows painted', 'firstRowsMs')
    row('dblclick → first rows in the DOM', 'domRowsMs')
    row('dblclick → every row loaded (status shows the count; ±100 ms)', 'allRowsMsApprox')
    row('frame time while scrolling to the end, median', 'p50FrameMs')
    const p95 = row('frame time while scrolling to the end, p95', 'p95FrameMs')
    row('frame time while scrolling to the end, worst', 'maxFrameMs')
    row('frame time with nothing moving, p95 (this machine\'s baseline)', 'idleP95FrameMs')
    s.push('')
    s.push(`Scrolling: the grid is moved from the first row to the last in ${ok(runs)[0]?.frames ?? 240} frames (each frame shows new rows, as dragging the scrollbar to the end in ~4 s does), once all rows are in; a frame time is the gap between two requestAnimationFrame callbacks (16.7 ms at 60 Hz). Headless Chromium, software rendering (--disable-gpu), 1280×800.`, '')
    targets.push(['UI first rows < 500 ms', first === null ? '—' : `${fmtMs(first)} ms`, pass(first === null ? null : first < 500)])
    targets.push(['UI p95 frame ≤ 20 ms while scrolling', p95 === null ? '—' : `${fmtMs(p95)} ms`, pass(p95 === null ? null : p95 <= 20)])
    sections.push(s)
  }

  // ---- 5. memory (measured in scenario 1)
  if (results.large) {
    const r = results.large
    const s = []
    const idle = median(ok(r.cubeta).map((x) => x.idleRss))
    const peak = median(ok(r.cubeta).map((x) => x.peakRss))
    const upPeak = median(ok(r.cubeta).map((x) => x.uploadPeakRss))
    const downPeak = median(ok(r.cubeta).map((x) => x.downloadPeakRss))
    const above = idle !== null && peak !== null ? peak - idle : null
    s.push('## 5. Memory of the engine process during scenario 1', '')
    s.push('| idle RSS (backend built, profile added) | peak RSS, upload | peak RSS, download (sampled) | peak RSS, whole run (VmHWM) | peak above idle |')
    s.push('| ---: | ---: | ---: | ---: | ---: |')
    s.push(`| ${fmtMB(idle)} | ${fmtMB(upPeak)} | ${fmtMB(downPeak)} | ${fmtMB(peak)} | ${fmtMB(above)} |`, '')
    targets.push(['Memory ≤ 100 MB above idle (scenario 1)', fmtMB(above), pass(above === null ? null : above <= 100e6)])
    sections.push(s)
  }

  // ---- 6. load
  if (results.load) sections.push(loadSection(results.load, targets))
  // ---- 7. search, 8. sync (searchSyncReport.mjs)
  if (results.search) sections.push(searchSection(results.search, meta, targets))
  if (results.sync) sections.push(syncSection(results.sync, meta, targets))
  // ---- 9. TLS: scenarios 1 and 2 over HTTPS
  if (results.tls) {
    const { large, small } = results.tls
    const { largeBytes, smallCount, smallBytes } = meta.data
    const s = [`## 9. Over TLS: scenarios 1 and 2 against versitygw serving HTTPS (a certificate the benchmark makes; every client verifies it)`, '']
    s.push(...largeTable(large, largeBytes, `### a. One large file over TLS: ${fmtBytes(largeBytes)} up, then down, SHA-256 checked`))
    s.push(...smallTable(small, smallCount, smallBytes, `### b. Many small files over TLS: ${smallCount.toLocaleString('en')} files (${fmtBytes(smallBytes)}), Content-Type checked`))
    // Beside the plain runs of the same tools, when scenarios 1 and 2 ran too: what TLS costs each.
    if (results.large && results.small) {
      s.push('### c. Plain HTTP beside TLS (medians, seconds)', '')
      s.push('| tool | upload plain | upload TLS | download plain | download TLS | small files plain | small files TLS |')
      s.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
      for (const tool of Object.keys(large)) {
        const cell = (runs, field) => fmtSeconds(stat(runs?.[tool], field).m)
        s.push(`| ${names[tool]} | ${cell(results.large, 'upSeconds')} | ${cell(large, 'upSeconds')} | ${cell(results.large, 'downSeconds')} | ${cell(large, 'downSeconds')} | ${cell(results.small, 'seconds')} | ${cell(small, 'seconds')} |`)
      }
      s.push('')
    }
    const ratio = (runs, field) => (runs.s5cmd && stat(runs.cubeta, field).m && stat(runs.s5cmd, field).m ? stat(runs.s5cmd, field).m / stat(runs.cubeta, field).m : null)
    for (const [label, value] of [['TLS: large file upload ≥ 1.0× s5cmd', ratio(large, 'upSeconds')], ['TLS: large file download ≥ 1.0× s5cmd', ratio(large, 'downSeconds')], ['TLS: small files ≥ 1.0× s5cmd', ratio(small, 'seconds')]]) {
      if (large.s5cmd) targets.push([label, fmtRatio(value), pass(value === null ? null : value >= 1.0)])
    }
    sections.push(s)
  }

  add('## Targets', '')
  add('| target | measured | result |', '| --- | ---: | --- |')
  for (const [t, m, p] of targets) add(`| ${t} | ${m} | ${p} |`)
  add('')
  // The reading of the misses, kept by hand beside the harness (bench/limits.md).
  if (targets.some(([, , p]) => p.includes('MISS'))) {
    const limits = readLimits()
    if (limits) add(limits, '')
  }
  // Scenario order in the file: 1, 2, 3, 4, then 5 (part of 1's section list), then 6–9.
  for (const s of sections) add(...s)

  add('## Tools, versions and settings', '')
  add('| tool | version | how it ran |', '| --- | --- | --- |')
  for (const [tool, info] of Object.entries(meta.toolNotes)) if (meta.usedTools.includes(tool)) add(`| ${tool} | ${info.version ?? '—'} | ${info.how} |`)
  add('')
  if (meta.cubetaSettings.length) {
    add("Cubeta's transfer settings, as the source read at run time (the composition root and the engine's defaults):", '', '```ts', ...meta.cubetaSettings, '```', '')
  }
  add('## How it was measured', '')
  add(...meta.method.map((m) => `- ${m}`), '')
  return lines.join('\n')
}

/** Scenario 1's table (and 9a's, over TLS): up and down per tool, with ratios to Cubeta. */
function largeTable(r, bytes, title) {
  const cub = { up: stat(r.cubeta, 'upSeconds'), down: stat(r.cubeta, 'downSeconds') }
  const s = [title, '']
  s.push('| tool | upload s | upload MB/s | download s | download MB/s | peak RSS | ratio up (peer ÷ Cubeta) | ratio down (peer ÷ Cubeta) |')
  s.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [tool, runs] of Object.entries(r)) {
    const up = stat(runs, 'upSeconds')
    const down = stat(runs, 'downSeconds')
    const rss = median(ok(runs).map((x) => x.peakRss))
    const ru = tool === 'cubeta' || !cub.up.m || !up.m ? null : up.m / cub.up.m
    const rd = tool === 'cubeta' || !cub.down.m || !down.m ? null : down.m / cub.down.m
    s.push(`| ${names[tool]}${failNote(runs)} | ${secondsCell(up)} | ${fmtRate(up.m && bytes / 1e6 / up.m)} | ${secondsCell(down)} | ${fmtRate(down.m && bytes / 1e6 / down.m)} | ${fmtMB(rss)} | ${tool === 'cubeta' ? '' : fmtRatio(ru)} | ${tool === 'cubeta' ? '' : fmtRatio(rd)} |`)
  }
  s.push('')
  return s
}

/** Scenario 2's table (and 9b's, over TLS). */
function smallTable(r, count, bytes, title) {
  const cub = stat(r.cubeta, 'seconds')
  const s = [title, '']
  s.push('| tool | seconds | MB/s | objects/s | Content-Type set | ratio (peer ÷ Cubeta) |')
  s.push('| --- | ---: | ---: | ---: | --- | ---: |')
  for (const [tool, runs] of Object.entries(r)) {
    const st = stat(runs, 'seconds')
    const untyped = [...new Set(ok(runs).flatMap((x) => x.untyped))]
    const typed = ok(runs).length === 0 ? '—' : untyped.length === 0 ? 'yes, every extension' : `missing for .${untyped.join(', .')}`
    const ratio = tool === 'cubeta' || !cub.m || !st.m ? null : st.m / cub.m
    s.push(`| ${names[tool]}${failNote(runs)} | ${secondsCell(st)} | ${fmtRate(st.m && bytes / 1e6 / st.m)} | ${fmtRate(st.m && count / st.m)} | ${typed} | ${tool === 'cubeta' ? '' : fmtRatio(ratio)} |`)
  }
  s.push('')
  return s
}

function readLimits() {
  try {
    return readFileSync(new URL('../limits.md', import.meta.url), 'utf8').trim()
  } catch {
    return null
  }
}
