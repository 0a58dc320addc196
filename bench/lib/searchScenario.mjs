// Scenario 7 (issue 11, "Search"): searching a whole bucket through Cubeta's search service.
//
//   cold   the listing scenario's bucket (100,000 keys), a fresh data folder, so the first
//          search lists the bucket into the index while it tests every page; against a raw
//          recursive ListObjectsV2 loop (bench/peers/rawList.mjs, no Delimiter), which is
//          the least any search without an index must do
//   warm   the same search again, from the index the cold one built
//   1M     an index of 1,000,000 generated keys (built once into bench/.cache), each query
//          warm through the same service
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buckets, rotate } from './scenarios.mjs'
import { credentials, region } from './server.mjs'
import { log, timed } from './util.mjs'

/** Matches one key in ten of the listing bucket (key-…7.txt), the first in the first page. */
export const bucketQuery = '*7.txt'
/** Over the generated index: a rare name, a glob over every folder, a path glob, nothing. */
export const indexQueries = ['foto_0999', '*.png', 'media/2021/**/foto_00*', 'no-such-name']
const indexFormat = 1

async function ensureIndex({ tools, cacheDir, keys, timeoutMs }) {
  const dir = join(cacheDir, `index-${keys}`)
  const path = join(dir, 'index.sqlite')
  const manifestPath = join(cacheDir, `index-${keys}.json`)
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    if (manifest.format === indexFormat && manifest.keys === keys && existsSync(path)) return { path, build: manifest.build, cached: true }
  } catch {
    // not built yet
  }
  log(`search: writing an index of ${keys.toLocaleString('en')} generated keys into ${path} (once; it stays in bench/.cache)…`)
  const build = await tools.runDriver({ op: 'index-build', path, keys }, timeoutMs)
  writeFileSync(manifestPath, JSON.stringify({ format: indexFormat, keys, build }, null, 2))
  return { path, build, cached: false }
}

export async function runSearch({ tools, server, reps, tool, timeoutMs, rawListPath, cacheDir, indexKeys }) {
  const bucket = buckets.list
  const names = [...tool.filter((t) => t === 'cubeta'), 'raw']
  const results = { bucket: Object.fromEntries(names.map((t) => [t, []])), index: { keys: indexKeys, build: null, runs: [] } }
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rotate(names, rep)) {
      try {
        let row
        if (name === 'cubeta') {
          const r = await tools.runDriver({ op: 'search-bucket', bucket, query: bucketQuery }, timeoutMs)
          row = { coldFirstMs: r.cold.firstMs, coldSeconds: r.cold.allMs / 1000, warmFirstMs: r.warm.firstMs, warmSeconds: r.warm.allMs / 1000, matched: r.cold.matched, keys: r.keyCount }
        } else {
          const job = { endpoint: server.endpoint, region, credentials, bucket, prefix: '', recursive: true, endsWith: '7.txt' }
          const run = await timed(process.execPath, [rawListPath, JSON.stringify(job)], { timeoutMs })
          const r = JSON.parse(run.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT ')).slice(13))
          row = { coldFirstMs: r.firstPageMs, coldSeconds: r.totalMs / 1000, matched: r.matches, keys: r.count }
        }
        results.bucket[name].push(row)
        log(`search ${name.padEnd(6)} rep ${rep + 1}: cold ${row.coldSeconds.toFixed(2)} s (first ${row.coldFirstMs?.toFixed(0)} ms)${row.warmSeconds !== undefined ? `, warm ${(row.warmSeconds * 1000).toFixed(0)} ms (first ${row.warmFirstMs?.toFixed(1)} ms)` : ''}, ${row.matched} of ${row.keys} keys`)
      } catch (error) {
        results.bucket[name].push({ error: String(error.message ?? error).slice(0, 2000) })
        log(`search ${name.padEnd(6)} rep ${rep + 1}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
      }
    }
  }
  // Cubeta and the raw loop must have seen the same bucket, and found the same keys.
  const [cub, raw] = [results.bucket.cubeta?.find((r) => !r.error), results.bucket.raw.find((r) => !r.error)]
  if (cub && raw && (cub.keys !== raw.keys || cub.matched !== raw.matched)) {
    results.bucket.mismatch = `Cubeta indexed ${cub.keys} keys and found ${cub.matched}; the raw loop listed ${raw.keys} and ${raw.matched} end in 7.txt`
    log(`search: ${results.bucket.mismatch}`)
  }
  if (!tool.includes('cubeta')) return results

  try {
    const index = await ensureIndex({ tools, cacheDir, keys: indexKeys, timeoutMs })
    results.index.build = index.build
    results.index.cached = index.cached
    for (let rep = 0; rep < reps; rep++) {
      const r = await tools.runDriver({ op: 'search-index', path: index.path, bucket: 'bench-index', queries: indexQueries }, timeoutMs)
      results.index.runs.push(r)
      log(`search index rep ${rep + 1}: ${indexQueries.map((q) => `“${q}” first ${r.searches[q].firstMs?.toFixed(1) ?? '—'} ms, ${r.searches[q].matched} in ${r.searches[q].allMs.toFixed(0)} ms`).join('; ')}`)
    }
  } catch (error) {
    results.index.error = String(error.message ?? error).slice(0, 2000)
    log(`search index: FAILED: ${results.index.error.split('\n').slice(0, 4).join(' | ')}`)
  }
  return results
}
