// The report's section for scenario 6 (load), and its targets (issue 14, section 5).
import { fmtBytes, fmtMB, fmtMs, median } from './util.mjs'

const ok = (runs) => (runs ?? []).filter((r) => !r.error)
const med = (runs, pick) => median(ok(runs).map(pick).filter((v) => typeof v === 'number'))
const fails = (runs) => ((runs ?? []).some((r) => r.error) ? ` (${runs.filter((r) => r.error).length} of ${runs.length} runs failed: ${runs.find((r) => r.error).error.split('\n')[0].slice(0, 200)})` : '')
const pass = (condition) => (condition === null ? 'n/a' : condition ? '**PASS**' : '**MISS**')
const bytes = (b) => (b === null ? '—' : `${b.toFixed(0)} B`)
// The engine's defaults (transferEngine.ts): parts of one file in flight at once.
const partsPerFile = 8

export function loadSection(r, targets) {
  const s = []
  const count = r.count.toLocaleString('en')
  s.push(`## 6. Under load: ${count} tiny files, a cancel, and a ${fmtBytes(r.sparseBytes)} sparse file`, '')

  const growth = med(r.files, (x) => x.growthPerFile)
  const row = med(r.files, (x) => x.rowBytes)
  const rate = med(r.files, (x) => x.snapshots.perSecond)
  s.push(`### a. ${count} files of 256 B–4 KiB in one dropped folder${fails(r.files)}`, '')
  s.push('| seconds | files/s | kept heap when queued | kept heap at 5 % → 100 % done | growth per file done | one queued row | peak RSS | panel snapshots/s | longest gap between snapshots | same, with the driver collections |')
  s.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const x of ok(r.files)) {
    const first = x.checkpoints[0]
    const last = x.checkpoints.at(-1)
    s.push(`| ${x.seconds.toFixed(1)} | ${(x.files / x.seconds).toFixed(0)} | ${fmtMB(x.queuedHeap)} | ${fmtMB(first?.heap)} → ${fmtMB(last?.heap)} | ${bytes(x.growthPerFile)} | ${bytes(x.rowBytes)} | ${fmtMB(x.peakRss)} | ${x.snapshots.perSecond?.toFixed(1) ?? '—'} | ${fmtMs(x.snapshots.maxGapMs)} ms | ${fmtMs(x.snapshots.rawMaxGapMs)} ms |`)
  }
  s.push('')
  s.push('Kept heap = `heapUsed` right after a full garbage collection (`node --expose-gc`), at each twentieth of the files done: what the queue holds, not garbage not yet collected. Every file has its row from the moment it is queued; "growth per file done" is what is added on top as files finish: the least-squares slope through the twenty readings (5 % … 100 %). A snapshot is one `transfers/changed` event, serialised as Electron would for the window; snapshots/s and the gaps run from the first snapshot of the queue to its last (listing the dropped folder comes before the queue exists), and leave out the full collections the driver makes for the memory readings, which the app never makes (the last column keeps them in).', '')
  targets.push([`${count} files: kept memory flat (growth per file done ≤ 10 % of a queued row)`, growth === null ? '—' : `${growth.toFixed(0)} B vs ${row?.toFixed(0)} B`, pass(growth === null || row === null ? null : growth <= row * 0.1)])
  targets.push([`${count} files: panel snapshots ≥ 4 a second (one per 200 ms, as with fewer files)`, rate === null ? '—' : `${rate.toFixed(1)}/s`, pass(rate === null ? null : rate >= 4)])

  const settle = med(r.cancel, (x) => x.cancel?.settledMs)
  const late = Math.max(0, ...ok(r.cancel).map((x) => x.cancel?.objectsWrittenAfterSettle ?? 0))
  s.push(`### b. The same folder, "Cancel all" at ${Math.round(r.cancelAt * 100)} % done${fails(r.cancel)}`, '')
  s.push('| done when pressed | call answered | nothing active after | not uploaded | objects on the server then | objects arriving in the next 2 s |')
  s.push('| ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const x of ok(r.cancel)) {
    const c = x.cancel
    s.push(`| ${c.doneAtCancel} | ${fmtMs(c.answeredMs)} ms | ${fmtMs(c.settledMs)} ms | ${c.notUploaded} | ${c.objectsAtSettle} | ${c.objectsWrittenAfterSettle} |`)
  }
  s.push('')
  s.push('"Nothing active after" runs from the `transfers/cancel` call to the first snapshot with no file queued or running (snapshots come at most every 200 ms, so it includes that wait, as the panel does).', '')
  targets.push([`${count} files: cancel takes effect < 1 s, and nothing arrives after`, settle === null ? '—' : `${fmtMs(settle)} ms, ${late} late`, pass(settle === null ? null : settle < 1000 && late === 0)])

  const above = med(r.sparse, (x) => x.peakRss - x.idleRss)
  const inFlight = Math.max(0, ...ok(r.sparse).map((x) => x.maxPartsInFlight))
  s.push(`### c. A ${fmtBytes(r.sparseBytes)} sparse file (${fmtBytes(r.sparseDiskBytes)} on disk) as one multipart upload${fails(r.sparse)}`, '')
  s.push('| seconds | MB/s | parts | most parts in flight (counted by the server) | idle RSS | peak RSS (VmHWM) | peak above idle |')
  s.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const x of ok(r.sparse)) s.push(`| ${x.seconds.toFixed(1)} | ${(r.sparseBytes / 1e6 / x.seconds).toFixed(0)} | ${x.parts} | ${x.maxPartsInFlight} | ${fmtMB(x.idleRss)} | ${fmtMB(x.peakRss)} | ${fmtMB(x.peakRss - x.idleRss)} |`)
  s.push('')
  s.push("Sent to bench/lib/sinkServer.mjs, a loopback server that answers the multipart calls, reads every body to the end and keeps nothing (versitygw would write the whole file to disk, twice); it counts the bytes, the parts and how many were arriving at once. The file's bytes are zeros, read from no disk blocks.", '')
  targets.push([`${fmtBytes(r.sparseBytes)} sparse file: memory ≤ 150 MB above idle (as scenario 5)`, fmtMB(above), pass(above === null ? null : above <= 150e6)])
  targets.push([`${fmtBytes(r.sparseBytes)} sparse file: parts in flight ≤ ${partsPerFile} (the engine's limit per file)`, String(inFlight), pass(ok(r.sparse).length === 0 ? null : inFlight <= partsPerFile)])
  return s
}
