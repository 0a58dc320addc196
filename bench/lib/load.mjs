// Scenario 6, "load" (issue 14, section 5): Cubeta alone, as there is nothing to compare
// against, under the sizes that break queues.
//   a. 50,000 tiny files in one dropped folder, uploaded to the end: memory at each twentieth;
//   b. the same folder again, "Cancel all" pressed at 30 %: time until nothing is active,
//      and no object arriving afterwards;
//   c. a 10 GiB sparse file (no disk) as one multipart upload to a counting sink: RSS
//      against the memory budget, and parts in flight at once, counted by the server.
import { closeSync, existsSync, mkdirSync, openSync, ftruncateSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { startSink } from './sinkServer.mjs'
import { fmtBytes, log } from './util.mjs'

export const loadBucket = 'bench-load'
const cancelAt = 0.3

/** count files of 256 B to 4 KiB, 1,000 per folder; generated once, like the other data. */
export function loadFolder(dataDir, count) {
  const base = join(dataDir, `load-${count}`)
  const folder = join(base, 'load')
  const manifestPath = join(base, 'manifest.json')
  const sizeOf = (i) => 256 + ((i * 2654435761) >>> 0) % 3841
  if (existsSync(manifestPath) && JSON.parse(readFileSync(manifestPath, 'utf8')).count === count) return { folder, count }
  log(`generating ${count.toLocaleString('en')} tiny files in ${folder}…`)
  rmSync(base, { recursive: true, force: true })
  const filler = Buffer.alloc(4096, 'cubeta load scenario\n')
  for (let i = 0; i < count; i++) {
    const path = join(folder, `dir-${String(Math.floor(i / 1000)).padStart(3, '0')}`, `file-${String(i).padStart(6, '0')}.txt`)
    if (i % 1000 === 0) mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, filler.subarray(0, sizeOf(i)))
  }
  writeFileSync(manifestPath, JSON.stringify({ count }))
  return { folder, count }
}

/** A file of that size with no blocks on disk (ftruncate): reading it gives zeros. */
export function sparseFile(dataDir, bytes) {
  const path = join(dataDir, `sparse-${bytes}.bin`)
  mkdirSync(dataDir, { recursive: true })
  if (!existsSync(path) || statSync(path).size !== bytes) {
    const fd = openSync(path, 'w')
    ftruncateSync(fd, bytes)
    closeSync(fd)
  }
  return { path, bytes, diskBytes: statSync(path).blocks * 512 }
}

async function countKeys(s3, bucket, prefix) {
  let count = 0
  let token
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    count += page.KeyCount ?? 0
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return count
}

const mb = (b) => `${(b / 1e6).toFixed(0)} MB`

// Once per benchmark, whatever --reps says: its targets are bounds (memory, a latency),
// not speeds compared with peers, and at full size it is the longest scenario.
export async function runLoad({ tools, server, dataDir, count, sparseBytes, timeoutMs }) {
  const reps = 1
  await server.bucket(loadBucket)
  const folder = loadFolder(dataDir, count)
  const sparse = sparseFile(dataDir, sparseBytes)
  const results = { files: [], cancel: [], sparse: [], count, sparseBytes, sparseDiskBytes: sparse.diskBytes, cancelAt }
  const gcArgs = ['--expose-gc']
  const attempt = async (list, label, work) => {
    try {
      list.push(await work())
    } catch (error) {
      list.push({ error: String(error.message ?? error).slice(0, 2000) })
      log(`load   ${label}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
    }
  }
  for (let rep = 0; rep < reps; rep++) {
    const prefix = `load/${rep + 1}-${Date.now()}/`
    await attempt(results.files, `files rep ${rep + 1}`, async () => {
      const r = await tools.runDriver({ op: 'load-files', bucket: loadBucket, prefix, dir: folder.folder, expected: count, cancelAt: null }, timeoutMs, gcArgs)
      try {
        const stored = await countKeys(server.s3, loadBucket, prefix)
        if (r.done !== count || stored !== count) throw new Error(`${r.done} done, ${stored} on the server, ${count} expected`)
        log(`load   files rep ${rep + 1}: ${count} files in ${r.seconds.toFixed(1)} s; kept heap ${mb(r.checkpoints[0]?.heap ?? 0)} at 5 % → ${mb(r.checkpoints.at(-1)?.heap ?? 0)} at 100 % (${r.growthPerFile?.toFixed(1)} B/file; a row is ${r.rowBytes.toFixed(0)} B); peak RSS ${mb(r.peakRss)}; ${r.snapshots.perSecond?.toFixed(1)} snapshots/s, longest gap ${r.snapshots.maxGapMs?.toFixed(0)} ms (${r.snapshots.rawMaxGapMs?.toFixed(0)} ms with the driver's own collections)`)
        return r
      } finally {
        server.removePrefix(loadBucket, prefix)
      }
    })
    const cancelPrefix = `load/${rep + 1}-cancel-${Date.now()}/`
    await attempt(results.cancel, `cancel rep ${rep + 1}`, async () => {
      const r = await tools.runDriver({ op: 'load-files', bucket: loadBucket, prefix: cancelPrefix, dir: folder.folder, expected: count, cancelAt }, timeoutMs, gcArgs)
      try {
        if (!r.cancel) throw new Error('the run ended before the cancel point')
        log(`load   cancel rep ${rep + 1}: pressed at ${r.cancel.doneAtCancel} done; answered in ${r.cancel.answeredMs?.toFixed(0)} ms, nothing active after ${r.cancel.settledMs?.toFixed(0)} ms; ${r.cancel.notUploaded} not uploaded, ${r.cancel.objectsWrittenAfterSettle} objects arrived after that`)
        return r
      } finally {
        server.removePrefix(loadBucket, cancelPrefix)
      }
    })
    await attempt(results.sparse, `sparse rep ${rep + 1}`, async () => {
      const sink = await startSink()
      try {
        const sinkServer = { ...tools.serverInfo, endpoint: sink.endpoint }
        const r = await tools.runDriver({ op: 'load-sparse', server: sinkServer, bucket: loadBucket, prefix, file: sparse.path }, timeoutMs)
        const st = sink.stats
        if (st.unknown.length) throw new Error(`the sink was asked what it does not do: ${st.unknown.slice(0, 3).join(', ')}`)
        if (st.decodedBytes !== sparseBytes || st.completed !== 1) throw new Error(`the sink received ${st.decodedBytes} of ${sparseBytes} bytes in ${st.parts} parts, ${st.completed} completed`)
        const row = { ...r, parts: st.parts, maxPartsInFlight: st.maxPartsInFlight, openUploads: sink.openUploads() }
        log(`load   sparse rep ${rep + 1}: ${fmtBytes(sparseBytes)} in ${st.parts} parts, ${r.seconds.toFixed(1)} s; at most ${st.maxPartsInFlight} parts in flight; RSS idle ${mb(r.idleRss)} → peak ${mb(r.peakRss)}`)
        return row
      } finally {
        await sink.stop()
      }
    })
  }
  return results
}
