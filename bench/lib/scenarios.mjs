// Scenarios 1–3 (and 5, measured inside 1): each tool against the same server and data.
// Cubeta runs as bench/.build/cubetaDriver.mjs, its own process per run; each peer runs
// with its own default concurrency, configured only with the endpoint, keys and path-style.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { sha256File, smallExtensions } from './data.mjs'
import { credentials, region } from './server.mjs'
import { log, timed } from './util.mjs'

export const buckets = { large: 'bench-large', small: 'bench-small', list: 'bench-list', sync: 'bench-sync' }

/** The environment every peer starts from: none of the machine's own AWS settings. */
function cleanEnv() {
  const env = {}
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS_|RCLONE_)/.test(k)) env[k] = v
  return env
}

export function makeTools({ peers, server, cacheDir, driver }) {
  const awsConfig = join(cacheDir, 'aws-config')
  writeFileSync(awsConfig, `[default]\nregion = ${region}\ns3 =\n  addressing_style = path\n`)
  const keysEnv = { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_REGION: region }
  // Over TLS every client trusts the benchmark's certificate; none skips verification.
  const ca = server.tls?.cert
  const envs = {
    aws: { ...cleanEnv(), ...keysEnv, AWS_CONFIG_FILE: awsConfig, AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '', ...(ca ? { AWS_CA_BUNDLE: ca } : {}) },
    s5cmd: { ...cleanEnv(), ...keysEnv, AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', ...(ca ? { SSL_CERT_FILE: ca } : {}) },
    driver: ca ? { ...process.env, NODE_EXTRA_CA_CERTS: ca } : undefined,
    rclone: {
      ...(ca ? { RCLONE_CA_CERT: ca } : {}),
      ...cleanEnv(),
      RCLONE_CONFIG: '/dev/null',
      RCLONE_CONFIG_BENCH_TYPE: 's3',
      RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
      RCLONE_CONFIG_BENCH_ENDPOINT: server.endpoint,
      RCLONE_CONFIG_BENCH_REGION: region,
      RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: credentials.accessKeyId,
      RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
    },
  }
  const aws = (args, opts) => timed(peers.aws.path, ['--endpoint-url', server.endpoint, ...args], { env: envs.aws, ...opts })
  // --log error keeps cp from printing a line per file; ls prints its listing at the info level.
  const s5cmd = (args, opts) => timed(peers.s5cmd.path, ['--endpoint-url', server.endpoint, ...(args[0] === 'ls' ? [] : ['--log', 'error']), ...args], { env: envs.s5cmd, ...opts })
  const rclone = (args, opts) => timed(peers.rclone.path, args, { env: envs.rclone, ...opts })
  const serverInfo = { endpoint: server.endpoint, accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, region }
  // A job may name its own server (the load scenario's sink), and its own node flags.
  const runDriver = async (job, timeoutMs, nodeArgs = []) => {
    const run = await timed(process.execPath, [...driver.nodeArgs, ...nodeArgs, driver.path, JSON.stringify({ server: serverInfo, ...job, timeoutMs })], { env: envs.driver, timeoutMs: timeoutMs + 30_000 })
    const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT '))
    if (!line) throw new Error(`the driver printed no result:\n${run.stderr.slice(-2000)}`)
    return { ...JSON.parse(line.slice('BENCH-RESULT '.length)), wallSeconds: run.seconds, processPeakRss: run.peakRss }
  }
  return { aws, s5cmd, rclone, runDriver, serverInfo, envs, awsConfig }
}

export const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length])

/** Scenario 1 (and 5): one large file up, then down, bytes checked. */
export async function runLarge({ tools, server, data, reps, cacheDir, tool, timeoutMs }) {
  const bucket = buckets.large
  await server.bucket(bucket)
  const results = Object.fromEntries(tool.map((t) => [t, []]))
  const dlRoot = join(cacheDir, 'downloads')
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rotate(tool, rep)) {
      const prefix = `large/${name}-${rep + 1}-${Date.now()}/`
      const key = `${prefix}large.bin`
      const dlDir = join(dlRoot, name)
      rmSync(dlDir, { recursive: true, force: true })
      mkdirSync(dlDir, { recursive: true })
      try {
        let row
        if (name === 'cubeta') {
          const r = await tools.runDriver({ op: 'large', bucket, prefix, file: data.path, downloadDir: dlDir }, timeoutMs)
          row = { upSeconds: r.uploadSeconds, downSeconds: r.downloadSeconds, downloaded: r.downloadedPath, idleRss: r.idleRss, peakRss: r.vmHwmEnd ?? r.uploadPeakRss, uploadPeakRss: r.uploadPeakRss, downloadPeakRss: r.downloadSampledPeakRss }
        } else {
          const target = join(dlDir, 'large.bin')
          const up =
            name === 'aws' ? await tools.aws(['s3', 'cp', data.path, `s3://${bucket}/${key}`, '--only-show-errors'], { timeoutMs })
            : name === 's5cmd' ? await tools.s5cmd(['cp', data.path, `s3://${bucket}/${key}`], { timeoutMs })
            : await tools.rclone(['copyto', data.path, `bench:${bucket}/${key}`], { timeoutMs })
          const down =
            name === 'aws' ? await tools.aws(['s3', 'cp', `s3://${bucket}/${key}`, target, '--only-show-errors'], { timeoutMs })
            : name === 's5cmd' ? await tools.s5cmd(['cp', `s3://${bucket}/${key}`, target], { timeoutMs })
            : await tools.rclone(['copyto', `bench:${bucket}/${key}`, target], { timeoutMs })
          row = { upSeconds: up.seconds, downSeconds: down.seconds, downloaded: target, peakRss: Math.max(up.peakRss ?? 0, down.peakRss ?? 0) || null }
        }
        const hash = await sha256File(row.downloaded)
        row.bytesOk = hash === data.sha256
        if (!row.bytesOk) throw new Error(`the downloaded file's SHA-256 differs from the original`)
        results[name].push(row)
        log(`large  ${name.padEnd(6)} rep ${rep + 1}: up ${row.upSeconds.toFixed(2)} s, down ${row.downSeconds.toFixed(2)} s, bytes ok${row.idleRss ? `, RSS idle ${(row.idleRss / 1e6).toFixed(0)} MB → peak ${(row.peakRss / 1e6).toFixed(0)} MB` : ''}`)
      } catch (error) {
        results[name].push({ error: String(error.message ?? error).slice(0, 2000) })
        log(`large  ${name.padEnd(6)} rep ${rep + 1}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
      } finally {
        rmSync(dlDir, { recursive: true, force: true })
        server.removePrefix(bucket, prefix)
      }
    }
  }
  return results
}

/** Every key under a prefix, with sizes. */
export async function listAll(s3, bucket, prefix) {
  const found = []
  let token
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
    for (const o of page.Contents ?? []) found.push({ key: o.Key, size: o.Size, lastModified: o.LastModified?.getTime() ?? null, etag: o.ETag ?? null })
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return found
}

/** Scenario 2: a folder of many small files, with Content-Type. */
export async function runSmall({ tools, server, data, reps, tool, timeoutMs }) {
  const bucket = buckets.small
  await server.bucket(bucket)
  const results = Object.fromEntries(tool.map((t) => [t, []]))
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rotate(tool, rep)) {
      const prefix = `small/${name}-${rep + 1}-${Date.now()}/`
      const dest = `${prefix}small/`
      try {
        let seconds
        let peakRss = null
        if (name === 'cubeta') {
          const r = await tools.runDriver({ op: 'small', bucket, prefix, dir: data.folder, expected: data.count }, timeoutMs)
          seconds = r.uploadSeconds
          peakRss = r.processPeakRss
        } else {
          const run =
            name === 'aws' ? await tools.aws(['s3', 'cp', data.folder, `s3://${bucket}/${dest}`, '--recursive', '--only-show-errors'], { timeoutMs })
            : name === 's5cmd' ? await tools.s5cmd(['cp', `${data.folder}/*`, `s3://${bucket}/${dest}`], { timeoutMs })
            : await tools.rclone(['copy', data.folder, `bench:${bucket}/${dest.slice(0, -1)}`], { timeoutMs })
          seconds = run.seconds
          peakRss = run.peakRss
        }
        // Checked outside the timing: every key, every byte count, and Content-Type per extension.
        const listed = await listAll(server.s3, bucket, dest)
        const expected = new Map(data.files.map((f) => [`${prefix}${f.relativePath}`, f.size]))
        const wrong = listed.filter((o) => expected.get(o.key) !== o.size)
        if (listed.length !== data.count || wrong.length > 0) {
          throw new Error(`the server holds ${listed.length}/${data.count} keys, ${wrong.length} with another size or name (e.g. ${wrong[0]?.key})`)
        }
        const contentTypes = {}
        for (const ext of smallExtensions) {
          const file = data.files.find((f) => f.ext === ext)
          if (!file) continue
          const head = await server.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: `${prefix}${file.relativePath}` }))
          contentTypes[ext] = head.ContentType ?? null
        }
        const untyped = Object.entries(contentTypes).filter(([, type]) => !type || /octet-stream/.test(type)).map(([ext]) => ext)
        results[name].push({ seconds, peakRss, contentTypes, untyped })
        log(`small  ${name.padEnd(6)} rep ${rep + 1}: ${seconds.toFixed(2)} s, ${data.count} keys ok, Content-Type ${untyped.length ? `missing for .${untyped.join(', .')}` : 'set for every extension'}`)
      } catch (error) {
        results[name].push({ error: String(error.message ?? error).slice(0, 2000) })
        log(`small  ${name.padEnd(6)} rep ${rep + 1}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
      } finally {
        server.removePrefix(bucket, prefix)
      }
    }
  }
  return results
}

/** Scenario 3: a folder of 100,000 keys, listed to the end. */
export async function runList({ tools, server, count, prefix, reps, tool, timeoutMs, rawListPath }) {
  const bucket = buckets.list
  const names = [...tool.filter((t) => t === 'cubeta'), 'raw', ...tool.filter((t) => t !== 'cubeta')]
  const results = Object.fromEntries(names.map((t) => [t, []]))
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rotate(names, rep)) {
      try {
        let row
        if (name === 'cubeta') {
          const r = await tools.runDriver({ op: 'list', bucket, prefix, expected: count }, timeoutMs)
          row = { seconds: r.totalMs / 1000, firstPageMs: r.firstPageMs, count: r.rows, peakRss: r.peakRss }
        } else if (name === 'raw') {
          const job = { endpoint: server.endpoint, region, credentials, bucket, prefix }
          const run = await timed(process.execPath, [rawListPath, JSON.stringify(job)], { timeoutMs })
          const r = JSON.parse(run.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT ')).slice(13))
          row = { seconds: r.totalMs / 1000, firstPageMs: r.firstPageMs, count: r.count }
        } else {
          const opts = { timeoutMs, countLines: true, keepOutput: false }
          const run =
            name === 'aws' ? await tools.aws(['s3', 'ls', `s3://${bucket}/${prefix}`], opts)
            : name === 's5cmd' ? await tools.s5cmd(['ls', `s3://${bucket}/${prefix}`], opts)
            : await tools.rclone(['lsf', `bench:${bucket}/${prefix}`], opts)
          // A command line's time includes starting the program; its "first page" is its first output.
          row = { seconds: run.seconds, firstPageMs: run.firstOutputMs, count: run.lines }
        }
        if (row.count !== count) throw new Error(`listed ${row.count} keys, expected ${count}`)
        results[name].push(row)
        log(`list   ${name.padEnd(6)} rep ${rep + 1}: ${row.seconds.toFixed(2)} s, first page ${row.firstPageMs?.toFixed(0)} ms, ${row.count} keys`)
      } catch (error) {
        results[name].push({ error: String(error.message ?? error).slice(0, 2000) })
        log(`list   ${name.padEnd(6)} rep ${rep + 1}: FAILED: ${String(error.message ?? error).split('\n').slice(0, 4).join(' | ')}`)
      }
    }
  }
  return results
}
