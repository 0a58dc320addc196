import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './motoProcess.mjs'

/**
 * versitygw: an S3 gateway over plain files that, unlike moto, evaluates bucket policies
 * for anonymous requests (GetObject and ListBucket alike)
 *
 * Started per test file on a free loopback port, in single-account mode with a random
 * root key, over throwaway folders. `--sidecar` keeps bucket policies in a side folder:
 * with `--nometa` they would be accepted and then silently ignored. Installed by
 * `.ci/install-peers` (go install, pinned).
 */
export interface Versitygw {
  endpoint: string
  /** The root account's key; in versitygw a policy principal is an account's access key id. */
  accessKeyId: string
  secretAccessKey: string
  stop(): Promise<void>
}

export function versitygwBinary(): string {
  const gopath = spawnSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).stdout?.trim()
  const candidates = [process.env.VERSITYGW, gopath ? join(gopath, 'bin', 'versitygw') : undefined, join(homedir(), 'go', 'bin', 'versitygw')].filter(
    (c): c is string => Boolean(c),
  )
  const found = candidates.find((c) => existsSync(c))
  if (!found) throw new Error('versitygw not found: run `bash .ci/install-peers` (or set VERSITYGW).')
  return found
}

export async function startVersitygw(): Promise<Versitygw> {
  const port = (await freePort()) as number
  const data = await mkdtemp(join(tmpdir(), 'cubeta-vgw-data-'))
  const sidecar = await mkdtemp(join(tmpdir(), 'cubeta-vgw-meta-'))
  const accessKeyId = `vgwroot${Math.random().toString(36).slice(2, 10)}`
  const secretAccessKey = `vgwsecret${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
  let output = ''
  const child = spawn(versitygwBinary(), ['--port', `127.0.0.1:${port}`, '--quiet', 'posix', '--sidecar', sidecar, data], {
    env: { ...process.env, ROOT_ACCESS_KEY: accessKeyId, ROOT_SECRET_KEY: secretAccessKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const endpoint = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`versitygw exited with ${child.exitCode}:\n${output}`)
    if (attempt > 300) throw new Error(`versitygw did not answer within 30 s:\n${output}`)
    try {
      await fetch(endpoint)
      break
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return {
    endpoint,
    accessKeyId,
    secretAccessKey,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      await rm(data, { recursive: true, force: true })
      await rm(sidecar, { recursive: true, force: true })
    },
  }
}
