// Scenario 8 (issue 11, "Benchmark"): the small-files folder already on the server, then
// 50 of its files changed and 10 new, synced up again by each tool.
//
// "Already on the server" means as that tool left it: each tool uploads the folder once
// with its own sync (its template, kept in bench/.cache/server between runs), because
// what a tool stores (rclone keeps the file's mtime in metadata, the others rely on
// LastModified) is what its next sync compares against. Each run starts from a copy of
// its tool's template, made in the server's folder (untimed). Dates are fixed, so the
// comparison is the same on every run: the local folder's files are dated T0, the
// server's copies T1 (a day later), the 60 edited or new files now. What a tool sent is
// what has a LastModified after T1 once it is done: it must be exactly the 60.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { buckets, listAll, rotate } from './scenarios.mjs'
import { log, runSync } from './util.mjs'

const T0 = new Date('2026-01-01T00:00:00Z')
const T1 = new Date('2026-01-02T00:00:00Z')
const templateFormat = 1
export const syncChanges = { changed: 50, added: 10 }

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (entry.isFile()) yield path
  }
}

/** The local folder as it was first synced: a copy of the small files, every one dated T0. */
function baseFolder(small, dir) {
  rmSync(dir, { recursive: true, force: true })
  cpSync(small.folder, dir, { recursive: true })
  for (const path of filesUnder(dir)) utimesSync(path, T0, T0)
}

/** 50 files rewritten (half keep their size) and 10 new ones, all dated now; their paths. */
function applyChanges(small, dir) {
  const paths = []
  const step = Math.max(1, Math.floor(small.count / syncChanges.changed))
  for (let i = 0; i < syncChanges.changed && i * step < small.count; i++) {
    const file = small.files[i * step]
    const path = file.relativePath.slice('small/'.length)
    const grow = i % 2 === 0 ? 0 : 1 + (i % 100)
    const bytes = Buffer.alloc(file.size + grow, 0x61 + (i % 26))
    writeFileSync(join(dir, path), bytes)
    paths.push(path)
  }
  for (let i = 0; i < syncChanges.added; i++) {
    const path = `assets-0${i % 10}/new-${String(i).padStart(2, '0')}.json`
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), JSON.stringify({ added: i, pad: 'x'.repeat(1000 * (i + 1)) }))
    paths.push(path)
  }
  return paths
}

/** One tool's sync of `folder` to `prefix`: the measured command. */
function syncWith(tools, name, folder, bucket, prefix, timeoutMs) {
  if (name === 'cubeta-quick' || name === 'cubeta-exact') return tools.runDriver({ op: 'sync', bucket, prefix, folder, rule: name.slice('cubeta-'.length) }, timeoutMs).then((r) => ({ ...r, seconds: r.seconds }))
  if (name === 'aws') return tools.aws(['s3', 'sync', folder, `s3://${bucket}/${prefix}`, '--only-show-errors'], { timeoutMs })
  if (name === 's5cmd') return tools.s5cmd(['sync', `${folder}/`, `s3://${bucket}/${prefix}`], { timeoutMs })
  return tools.rclone(['sync', folder, `bench:${bucket}/${prefix.slice(0, -1)}`], { timeoutMs })
}
/** `cp -a`: the server's metadata (ETag, Content-Type, rclone's mtime) lives in user xattrs, which fs.cp drops. */
function copyTemplate(server, bucket, from, to) {
  for (const root of [server.root, server.sidecar].filter(Boolean)) {
    if (!existsSync(join(root, bucket, from))) continue
    const r = runSync('cp', ['-a', '--reflink=auto', join(root, bucket, from), join(root, bucket, to)])
    if (r.status !== 0) throw new Error(`cp -a of the template failed: ${r.stderr.trim()}`)
  }
}
const ownerOf = (name) => (name.startsWith('cubeta') ? 'cubeta' : name)

export async function runSyncScenario({ tools, server, small, reps, tool, timeoutMs, dataDir }) {
  const bucket = buckets.sync
  await server.bucket(bucket)
  const variants = tool.flatMap((t) => (t === 'cubeta' ? ['cubeta-quick', 'cubeta-exact'] : [t]))
  const results = Object.fromEntries(variants.map((v) => [v, []]))
  const local = join(dataDir, `sync-${small.count}`, 'folder')
  baseFolder(small, local)

  // Each tool's template: its own first sync of the unchanged folder, dated T1 on the server.
  const manifestPath = join(dirname(local), 'templates.json')
  const manifest = (() => {
    try {
      return JSON.parse(readFileSync(manifestPath, 'utf8'))
    } catch {
      return {}
    }
  })()
  const stamp = `${templateFormat}/${small.count}/${small.totalBytes}`
  for (const owner of [...new Set(variants.map(ownerOf))]) {
    const prefix = `template-${owner}/`
    const dir = join(server.root, bucket, prefix)
    if (manifest[owner] === stamp && existsSync(dir)) continue
    log(`sync: ${owner} uploads the unchanged folder once, as its template (${small.count} files; kept in bench/.cache/server)…`)
    server.removePrefix(bucket, prefix)
    await syncWith(tools, owner === 'cubeta' ? 'cubeta-quick' : owner, local, bucket, prefix, timeoutMs)
    const listed = await listAll(server.s3, bucket, prefix)
    if (listed.length !== small.count) throw new Error(`${owner}'s template holds ${listed.length} of ${small.count} files`)
    for (const path of filesUnder(dir)) utimesSync(path, T1, T1)
    manifest[owner] = stamp
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
  }

  const expected = new Set(applyChanges(small, local))
  const sizes = new Map([...filesUnder(local)].map((p) => [p.slice(local.length + 1), statSync(p).size]))
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rotate(variants, rep)) {
      const prefix = `run-${name}-${rep + 1}-${Date.now()}/`
      try {
        copyTemplate(server, bucket, `template-${ownerOf(name)}`, prefix.slice(0, -1))
        const run = await syncWith(tools, name, local, bucket, prefix, timeoutMs)
        // Checked outside the timing: every file there with its size, and what was written after T1.
        const listed = await listAll(server.s3, bucket, prefix)
        const wrong = listed.filter((o) => sizes.get(o.key.slice(prefix.length)) !== o.size)
        if (listed.length !== sizes.size || wrong.length > 0) throw new Error(`the server holds ${listed.length}/${sizes.size} files, ${wrong.length} with another size (e.g. ${wrong[0]?.key})`)
        const sent = listed.filter((o) => o.lastModified > T1.getTime() + 60_000).map((o) => o.key.slice(prefix.length))
        const extra = sent.filter((p) => !expected.has(p)).length
        const missed = [...expected].filter((p) => !sent.includes(p)).length
        const row = { seconds: run.seconds, compareSeconds: run.compareSeconds ?? null, sent: sent.length, extra, missed, exact: extra === 0 && missed === 0, peakRss: run.peakRss ?? run.processPeakRss ?? null }
        results[name].push(row)
        log(`sync   ${name.padEnd(12)} rep ${rep + 1}: ${row.seconds.toFixed(2)} s, sent ${row.sent} (${row.exact ? 'exactly the 60' : `${extra} not changed, ${missed} changed but not sent`})`)
      } catch (error) {
        results[name].push({ error: String(error.message ?? error).slice(0, 2000) })
        log(`sync   ${name.padEnd(12)} rep ${rep + 1}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
      } finally {
        server.removePrefix(bucket, prefix)
      }
    }
  }
  return results
}
