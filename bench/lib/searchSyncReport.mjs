// The report's sections for scenario 7 (search) and 8 (sync), with their targets (issue 11).
import { bucketQuery, indexQueries } from './searchScenario.mjs'
import { syncChanges } from './syncScenario.mjs'
import { fmtBytes, fmtMB, fmtMs, fmtRatio, fmtSeconds, fmtSpread, median, spread } from './util.mjs'

const ok = (runs) => (runs ?? []).filter((r) => !r.error)
const stat = (values) => ({ m: median(values), s: spread(values) })
const of = (runs, field) => stat(ok(runs).map((r) => r[field]))
const failNote = (runs) => ((runs ?? []).some((r) => r.error) ? ` (${runs.filter((r) => r.error).length} of ${runs.length} runs failed: ${runs.find((r) => r.error).error.split('\n')[0].slice(0, 160)})` : '')
const pass = (condition) => (condition === null ? 'n/a' : condition ? '**PASS**' : '**MISS**')
const ms = (st) => (st.m === null ? '—' : `${fmtMs(st.m)}${fmtSpread(st.s)}`)
const secs = (st) => (st.m === null ? '—' : `${fmtSeconds(st.m)}${fmtSpread(st.s)}`)

export function searchSection(r, meta, targets) {
  const s = []
  const { cubeta, raw } = r.bucket
  const keys = ok(raw)[0]?.keys ?? ok(cubeta)[0]?.keys ?? meta.data.listCount
  s.push(`## 7. Search: a bucket of ${keys.toLocaleString('en')} keys, and an index of ${r.index.keys.toLocaleString('en')}`, '')
  s.push(`### a. “${bucketQuery}” over the whole bucket (${ok(cubeta)[0]?.matched?.toLocaleString('en') ?? '—'} matches, the first in the first page)`, '')
  s.push('| tool | cold: first result (ms) | cold: all results (s) | warm: first result (ms) | warm: all results (ms) | ratio cold (raw ÷ Cubeta) |')
  s.push('| --- | ---: | ---: | ---: | ---: | ---: |')
  const cold = of(cubeta, 'coldSeconds')
  const rawCold = of(raw, 'coldSeconds')
  if (cubeta) s.push(`| Cubeta (search service, bucket index)${failNote(cubeta)} | ${ms(of(cubeta, 'coldFirstMs'))} | ${secs(cold)} | ${ms(of(cubeta, 'warmFirstMs'))} | ${ms(stat(ok(cubeta).map((x) => x.warmSeconds * 1000)))} |  |`)
  s.push(`| raw SDK loop, recursive${failNote(raw)} | ${ms(of(raw, 'coldFirstMs'))} | ${secs(rawCold)} | — | — | ${fmtRatio(cold.m && rawCold.m ? rawCold.m / cold.m : null)} |`, '')
  s.push("Cold: a fresh data folder, so Cubeta's search lists the bucket recursively (100 keys in the first page, then 1,000 a page) and tests each page as it arrives, before writing it into its index; the raw loop lists the same keys and counts the matches, and its \"first result\" is its first page. Warm: the same search again, from the index." + (r.bucket.mismatch ? ` **Mismatch:** ${r.bucket.mismatch}.` : ''), '')
  const vsRaw = cold.m && rawCold.m ? cold.m / rawCold.m : null
  const coldFirst = of(cubeta, 'coldFirstMs').m
  targets.push([`Search: first result < 300 ms cold (${keys.toLocaleString('en')} keys, no index)`, coldFirst === null ? '—' : `${fmtMs(coldFirst)} ms`, pass(coldFirst === null ? null : coldFirst < 300)])
  targets.push(['Search: cold search ≤ 1.1× a raw recursive ListObjectsV2 loop (Cubeta ÷ raw)', vsRaw === null ? '—' : `${vsRaw.toFixed(2)}×`, pass(vsRaw === null ? null : vsRaw <= 1.1 && !r.bucket.mismatch)])

  const ix = r.index
  s.push(`### b. Warm searches over an index of ${ix.keys.toLocaleString('en')} generated keys${ix.error ? ` (failed: ${ix.error.split('\n')[0].slice(0, 200)})` : ''}`, '')
  if (ix.build) s.push(`The index file: ${fmtMB(ix.build.bytes)} (${(ix.build.bytes / ix.keys).toFixed(0)} bytes a key), written in ${fmtSeconds(ix.build.buildMs / 1000)} s in pages of 1,000 (one transaction each), the process growing by ${fmtMB(ix.build.rssGrowth)} meanwhile (the generated key list excluded)${ix.cached ? '; written by an earlier run and kept in bench/.cache' : ''}. Keys look like \`media/2021/album-042/Foto_0123456.png\`.`, '')
  s.push('| query | matches | first result (ms) | all results (ms) |')
  s.push('| --- | ---: | ---: | ---: |')
  let worstFirst = null
  for (const q of indexQueries) {
    const runs = ix.runs.map((run) => run.searches[q])
    const first = stat(runs.map((x) => x.firstMs))
    if (first.m !== null) worstFirst = Math.max(worstFirst ?? 0, first.m)
    s.push(`| \`${q}\` | ${runs[0]?.matched?.toLocaleString('en') ?? '—'} | ${ms(first)} | ${ms(stat(runs.map((x) => x.allMs)))} |`)
  }
  s.push('', 'At most 50,000 results are kept (the window shows that many and the total); the scan still counts every match.', '')
  targets.push([`Search: first result < 50 ms warm on ${ix.keys.toLocaleString('en')} keys (slowest query with matches)`, worstFirst === null ? '—' : `${fmtMs(worstFirst)} ms`, pass(worstFirst === null ? null : worstFirst < 50)])
  return s
}

const syncNames = { 'cubeta-quick': 'Cubeta, quick rule (size and date)', 'cubeta-exact': 'Cubeta, exact rule (checksums)', aws: '`aws s3 sync`', rclone: '`rclone sync`', s5cmd: '`s5cmd sync`' }

export function syncSection(r, meta, targets) {
  const s = []
  const count = meta.data.smallCount
  s.push(`## 8. Sync: the ${count.toLocaleString('en')}-file folder already on the server, then ${syncChanges.changed} of its files changed (half of them keeping their size) and ${syncChanges.added} new, synced up again`, '')
  s.push('| tool | seconds | of it, comparing (s) | files sent | exactly the 60 | peak RSS | ratio to Cubeta quick (peer ÷ Cubeta) | ratio to Cubeta exact |')
  s.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |')
  const quick = of(r['cubeta-quick'], 'seconds').m
  const exact = of(r['cubeta-exact'], 'seconds').m
  for (const [tool, runs] of Object.entries(r)) {
    const st = of(runs, 'seconds')
    const sent = [...new Set(ok(runs).map((x) => x.sent))].join(', ') || '—'
    const exactly = ok(runs).length === 0 ? '—' : ok(runs).every((x) => x.exact) ? 'yes' : `no (${ok(runs).map((x) => `${x.extra} extra, ${x.missed} missed`).join('; ')})`
    const peer = !tool.startsWith('cubeta')
    s.push(`| ${syncNames[tool]}${failNote(runs)} | ${secs(st)} | ${tool.startsWith('cubeta') ? secs(of(runs, 'compareSeconds')) : ''} | ${sent} | ${exactly} | ${fmtMB(median(ok(runs).map((x) => x.peakRss)))} | ${peer ? fmtRatio(quick && st.m ? st.m / quick : null) : ''} | ${peer ? fmtRatio(exact && st.m ? st.m / exact : null) : ''} |`)
  }
  s.push('', `What a tool sent is every key whose LastModified is later than the server copy's date once it is done (so a tool that rewrote an unchanged file would show it). Cubeta's exact rule compares MD5 with each single-part ETag, so it reads the ${fmtBytes(meta.data.smallBytes)} of files whose size matches.`, '')
  for (const [variant, label] of [['cubeta-quick', 'quick'], ['cubeta-exact', 'exact']]) {
    const mine = of(r[variant], 'seconds').m
    const peers = Object.keys(r).filter((t) => !t.startsWith('cubeta'))
    if (!r[variant] || peers.length === 0) continue
    const ratios = peers.map((p) => (mine && of(r[p], 'seconds').m ? of(r[p], 'seconds').m / mine : null))
    const worst = ratios.some((x) => x === null) ? null : Math.min(...ratios)
    targets.push([`Sync (${label} rule) ≥ 1.0× every peer (${peers.map((p, i) => `${p} ${fmtRatio(ratios[i])}`).join(', ')}; the lowest counts)`, fmtRatio(worst), pass(worst === null ? null : worst >= 1.0)])
  }
  const allRuns = Object.values(r).flat()
  const correct = ok(allRuns).length === 0 ? null : ok(allRuns).every((x) => x.exact) && allRuns.every((x) => !x.error)
  const cubetaCorrect = ok([...(r['cubeta-quick'] ?? []), ...(r['cubeta-exact'] ?? [])])
  targets.push(['Sync: Cubeta sends exactly the 60 changed and new files', cubetaCorrect.length ? `${[...new Set(cubetaCorrect.map((x) => x.sent))].join(', ')} sent` : '—', pass(cubetaCorrect.length ? cubetaCorrect.every((x) => x.exact) : null)])
  if (correct === false) s.push('Not every tool sent exactly the 60 files: see "exactly the 60" above.', '')
  return s
}
