// Small helpers shared by the benchmark: logging, child processes with timing and memory,
// statistics and formatting.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { performance } from 'node:perf_hooks'

const started = performance.now()
export const log = (line) => {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6)
  process.stdout.write(`[bench ${s}s] ${line}\n`)
}

/** Runs a command to completion (for installs and version checks); never throws. */
export function runSync(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options })
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error ?? null }
}

/** The first line a command prints, or null when it can't run. */
export function firstLine(command, args, options = {}) {
  const r = runSync(command, args, options)
  if (r.error || r.status !== 0) return null
  return (r.stdout || r.stderr).trim().split('\n')[0] ?? null
}

/** Peak memory of a process so far, from the kernel (VmHWM), in bytes. */
function vmHwm(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

/**
 * Runs a command and times it: wall seconds, the time to its first byte of output, its
 * output (or only a line count, for listings), and its peak RSS (VmHWM, read every 50 ms).
 * Rejects on a non-zero exit or a timeout, with the end of its output.
 */
export function timed(command, args, { env, cwd, timeoutMs = 600_000, countLines = false, keepOutput = true } = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let firstOutputMs = null
    let lines = 0
    let stdout = ''
    let stderr = ''
    let peakRss = null
    const watch = setInterval(() => {
      const hwm = vmHwm(child.pid)
      if (hwm !== null) peakRss = Math.max(peakRss ?? 0, hwm)
    }, 50)
    child.stdout.on('data', (chunk) => {
      if (firstOutputMs === null) firstOutputMs = performance.now() - start
      if (countLines) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
      }
      if (keepOutput && stdout.length < 1_000_000) stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 200_000) stderr += chunk
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} ${args.join(' ')} took more than ${timeoutMs / 1000} s; stopped.\n${stderr.slice(-2000)}`))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      clearInterval(watch)
      reject(error)
    })
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - start) / 1000
      clearTimeout(timer)
      clearInterval(watch)
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}:\n${(stderr || stdout).slice(-3000)}`))
        return
      }
      resolve({ seconds, firstOutputMs, lines, stdout, stderr, peakRss })
    })
  })
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

// ---- statistics

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return null
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

/** Half the range, as a share of the median: "±4%" means every run was within ~4% of it. */
export function spread(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x))
  const m = median(v)
  if (v.length < 2 || !m) return null
  return (Math.max(...v) - Math.min(...v)) / 2 / m
}

export function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b)
  if (v.length === 0) return null
  const rank = Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))
  return v[rank]
}

// ---- formatting (MB = 1,000,000 bytes; MiB and GiB are powers of two)

export const fmtSeconds = (s) => (s === null || s === undefined ? '—' : s < 10 ? s.toFixed(2) : s.toFixed(1))
export const fmtMs = (ms) => (ms === null || ms === undefined ? '—' : ms < 100 ? ms.toFixed(1) : ms.toFixed(0))
export const fmtRate = (r) => (r === null || r === undefined || !Number.isFinite(r) ? '—' : r < 10 ? r.toFixed(2) : r < 1000 ? r.toFixed(1) : Math.round(r).toLocaleString('en'))
export const fmtMB = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(0)} MB`)
export const fmtSpread = (x) => (x === null || x === undefined ? '' : ` ±${(x * 100).toFixed(0)}%`)
export const fmtRatio = (r) => (r === null || r === undefined || !Number.isFinite(r) ? '—' : `${r.toFixed(2)}×`)
export const fmtBytes = (bytes) =>
  bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`
