// versitygw on loopback, over plain files in bench/.cache/server (kept between runs, so
// the 100,000-key listing bucket is written once).
//
// Metadata (Content-Type, ETag) goes to user xattrs; where the file system has none, to
// a sidecar folder. Not --nometa: the small-files scenario checks Content-Type.
// --keep-alive: real S3 keeps connections open, and reusing them is part of what a client
// does well or badly. --quiet: no log line per request.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent } from 'node:https'
import { join } from 'node:path'
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { freePort, log, runSync, sleep } from './util.mjs'

export const credentials = { accessKeyId: 'cubetabench', secretAccessKey: 'cubeta-bench-secret-key-local-only' }
export const region = 'us-east-1'

/**
 * A self-signed certificate for 127.0.0.1 (and localhost), made once with openssl into
 * bench/.cache/tls: the TLS scenarios serve versitygw with it, and every client is told
 * to trust it (none skips verification).
 */
export function benchCertificate(cacheDir) {
  const dir = join(cacheDir, 'tls')
  const cert = join(dir, 'cert.pem')
  const key = join(dir, 'key.pem')
  if (existsSync(cert) && existsSync(key)) return { cert, key }
  mkdirSync(dir, { recursive: true })
  const r = runSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert])
  if (r.status !== 0 || !existsSync(cert)) throw new Error(`openssl could not make the benchmark's certificate: ${r.error?.message ?? r.stderr.trim()}`)
  return { cert, key }
}

async function launch(binary, root, sidecar, tls) {
  const port = await freePort()
  const args = ['--port', `127.0.0.1:${port}`, ...(tls ? ['--cert', tls.cert, '--key', tls.key] : []), '--quiet', '--keep-alive', 'posix', ...(sidecar ? ['--sidecar', sidecar] : []), root]
  const child = spawn(binary, args, {
    env: { ...process.env, ROOT_ACCESS_KEY: credentials.accessKeyId, ROOT_SECRET_KEY: credentials.secretAccessKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (c) => (output += c))
  child.stderr.on('data', (c) => (output += c))
  const endpoint = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`
  const requestHandler = tls ? new NodeHttpHandler({ httpsAgent: new Agent({ ca: readFileSync(tls.cert), keepAlive: true }) }) : undefined
  const s3 = new S3Client({ endpoint, region, forcePathStyle: true, credentials, requestHandler })
  // Up when it answers; a probe object proves metadata is kept.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'bench-probe' })).catch((e) => {
        if (!/BucketAlready/.test(e.name)) throw e
      })
      await s3.send(new PutObjectCommand({ Bucket: 'bench-probe', Key: 'probe.css', Body: 'a{}', ContentType: 'text/css' }))
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'bench-probe', Key: 'probe.css' }))
      if (head.ContentType !== 'text/css') throw new Error(`the server kept Content-Type "${head.ContentType}"`)
      return { child, endpoint, port, s3, args, output: () => output }
    } catch (error) {
      if (i > 20 && !/ECONNREFUSED/.test(String(error?.message ?? error))) {
        child.kill('SIGKILL')
        throw new Error(`versitygw does not work here: ${error.message}\n${output}`, { cause: error })
      }
      await sleep(100)
    }
  }
  child.kill('SIGKILL')
  throw new Error(`versitygw did not start:\n${output}`)
}

/** `tls`: {cert, key} to serve HTTPS (a second gateway over the same folder, for the TLS scenario). */
export async function startServer(binary, cacheDir, { tls = null, mode: wanted = null } = {}) {
  const root = join(cacheDir, 'server', 'root')
  mkdirSync(root, { recursive: true })
  let server
  let mode = wanted ?? 'xattr'
  try {
    server = await launch(binary, root, mode === 'sidecar' ? join(cacheDir, 'server', 'sidecar') : null, tls)
  } catch (error) {
    if (mode === 'sidecar') throw error
    log(`versitygw with xattrs failed (${error.message.split('\n')[0]}); trying --sidecar.`)
    const sidecar = join(cacheDir, 'server', 'sidecar')
    mkdirSync(sidecar, { recursive: true })
    server = await launch(binary, root, sidecar, tls)
    mode = 'sidecar'
  }
  log(`versitygw on ${server.endpoint} (metadata in ${mode}, files in ${root}${tls ? ', TLS with the benchmark\'s own certificate' : ''})`)
  return {
    ...server,
    root,
    mode,
    tls,
    sidecar: mode === 'sidecar' ? join(cacheDir, 'server', 'sidecar') : null,
    async bucket(name) {
      await server.s3.send(new CreateBucketCommand({ Bucket: name })).catch((e) => {
        if (!/BucketAlready/.test(e.name)) throw e
      })
    },
    /** Forgets what a run wrote, straight from the server's folder (faster than 5,000 deletes). */
    removePrefix(bucket, prefix) {
      rmSync(join(root, bucket, prefix), { recursive: true, force: true })
      if (mode === 'sidecar') rmSync(join(cacheDir, 'server', 'sidecar', bucket, prefix), { recursive: true, force: true })
    },
    async stop() {
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM')
        await Promise.race([new Promise((r) => server.child.once('exit', r)), sleep(3000)])
        if (server.child.exitCode === null) server.child.kill('SIGKILL')
      }
    },
  }
}
