import { createHash } from 'node:crypto'
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** A file's MD5 and, for each candidate part size, the multipart ETag it would have. */
export interface Md5Digests {
  md5: string
  multipartEtags: string[]
}

interface Job {
  path: string
  partSizes: readonly number[]
  /** Hash only a regular file of this size (not followed if it is a link); null: any file. */
  size: number | null
}

/**
 * The MD5s of one file, read synchronously into one reused buffer. Synchronous because it
 * runs on a worker thread whose only job this is: a stream per file cost four thread-pool
 * round trips and a fresh buffer per chunk, which kept the main thread and its garbage
 * collector busier than the hashing itself. Self-contained (only `require`s builtins):
 * the worker runs this very function's source.
 */
function md5File(path: string, partSizes: readonly number[], size: number | null, buffer: Buffer, hash: typeof createHash, fs: Md5Fs): Md5Digests | null {
  let fd: number
  try {
    fd = fs.openSync(path, size === null ? 'r' : fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0))
  } catch (error) {
    // Asked by the listing's path: no file there (or a link, ELOOP) is no file of that size.
    const code = (error as { code?: string }).code
    if (size !== null && (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EISDIR')) return null
    throw error
  }
  const whole = hash('md5')
  const perSize = partSizes.map((size) => ({ size, filled: 0, md5: hash('md5'), parts: [] as Buffer[] }))
  try {
    if (size !== null) {
      const stat = fs.fstatSync(fd)
      if (!stat.isFile() || stat.size !== size) return null
    }
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null)
      if (read === 0) break
      const bytes = buffer.subarray(0, read)
      whole.update(bytes)
      for (const p of perSize) {
        let offset = 0
        while (offset < read) {
          const take = Math.min(p.size - p.filled, read - offset)
          p.md5.update(bytes.subarray(offset, offset + take))
          p.filled += take
          offset += take
          if (p.filled === p.size) {
            p.parts.push(p.md5.digest())
            p.md5 = hash('md5')
            p.filled = 0
          }
        }
      }
    }
  } finally {
    fs.closeSync(fd)
  }
  return {
    md5: whole.digest('hex'),
    multipartEtags: perSize.map((p) => {
      if (p.filled > 0 || p.parts.length === 0) p.parts.push(p.md5.digest())
      const ofParts = hash('md5')
      for (const part of p.parts) ofParts.update(part)
      return `${ofParts.digest('hex')}-${p.parts.length}`
    }),
  }
}

type Md5Fs = { openSync: typeof openSync; readSync: typeof readSync; closeSync: typeof closeSync; fstatSync: typeof fstatSync; constants: typeof constants }

const readSize = 1024 * 1024
// The workers run below the main thread's priority (Linux only, where it is per thread; elsewhere
// it would lower the whole app): the listing they wait for, and the window, come first, and
// hashing takes the CPU they leave.
const workerSource = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const fs = require('node:fs')
const md5File = ${md5File.toString()}
const buffer = Buffer.allocUnsafe(${readSize})
if (process.platform === 'linux') try { require('node:os').setPriority(10) } catch {}
parentPort.on('message', (jobs) => {
  parentPort.postMessage(jobs.map((job) => {
    try { return { ok: md5File(job.path, job.partSizes, job.size, buffer, createHash, fs) } }
    catch (error) { return { error: { message: String(error && error.message), code: error && error.code } } }
  }))
})
`

type Reply = { ok: Md5Digests | null } | { error: { message: string; code?: string } }
interface Pending extends Job {
  resolve: (digests: Md5Digests | null) => void
  reject: (error: Error) => void
}
interface Slot {
  worker: Worker
  inFlight: Pending[][]
}

/** Jobs per message: thousands of small files as one message each cost more in messaging than in hashing. */
const batchSize = 32
/** Batches a worker holds at once: one being hashed, one waiting, so it never idles on the main thread. */
const batchesAhead = 2
/** Workers stop after this long without work: an idle thread still holds memory. */
const idleMs = 30_000

/**
 * MD5s of local files on a small pool of worker threads
 *
 * The exact rule hashes every file whose size matches its object; the main thread is
 * meanwhile listing the bucket and answering the window, and the server is idle, so two
 * threads (at most the cores there are) do it. If a worker can't start, the main thread
 * hashes, as before.
 */
export function createMd5Pool(threads = Math.max(1, Math.min(2, availableParallelism()))) {
  const queue: Pending[] = []
  const slots: Slot[] = []
  let idleTimer: NodeJS.Timeout | null = null
  let broken = false
  // Only when no worker could start: the main thread's own read buffer.
  let localBuffer: Buffer | null = null
  const fs: Md5Fs = { openSync, readSync, closeSync, fstatSync, constants }

  const failed = (error: { message: string; code?: string }) => Object.assign(new Error(error.message), error.code ? { code: error.code } : {})
  const start = (): Slot | null => {
    try {
      const worker = new Worker(workerSource, { eval: true })
      worker.unref()
      const slot: Slot = { worker, inFlight: [] }
      worker.on('message', (replies: Reply[]) => {
        const batch = slot.inFlight.shift() ?? []
        replies.forEach((reply, i) => ('ok' in reply ? batch[i]!.resolve(reply.ok) : batch[i]!.reject(failed(reply.error))))
        pump()
      })
      // A thread that fails (it could not even start, say) is not started again: the main thread hashes.
      worker.on('error', () => {
        broken = true
        stop(slot)
      })
      worker.on('exit', () => stop(slot))
      return slot
    } catch {
      broken = true
      return null
    }
  }
  const stop = (slot: Slot) => {
    const at = slots.indexOf(slot)
    if (at < 0) return
    slots.splice(at, 1)
    // What it held goes back to the queue: a thread's end is no reason to fail a compare.
    queue.unshift(...slot.inFlight.flat())
    slot.inFlight = []
    pump()
  }
  const pump = () => {
    while (queue.length > 0) {
      if (slots.length < threads && !broken && slots.every((s) => s.inFlight.length > 0)) {
        const slot = start()
        if (slot) slots.push(slot)
      }
      if (slots.length === 0) {
        for (const job of queue.splice(0)) {
          try {
            job.resolve(md5File(job.path, job.partSizes, job.size, (localBuffer ??= Buffer.allocUnsafe(readSize)), createHash, fs))
          } catch (error) {
            job.reject(error as Error)
          }
        }
        return
      }
      const slot = slots.reduce((a, b) => (b.inFlight.length < a.inFlight.length ? b : a))
      if (slot.inFlight.length >= batchesAhead) break
      const batch = queue.splice(0, batchSize)
      slot.inFlight.push(batch)
      slot.worker.postMessage(batch.map(({ path, partSizes, size }) => ({ path, partSizes, size })))
    }
    if (idleTimer) clearTimeout(idleTimer)
    idleTimer = null
    if (queue.length === 0 && slots.every((s) => s.inFlight.length === 0)) {
      idleTimer = setTimeout(close, idleMs)
      idleTimer.unref()
    }
  }
  let scheduled = false
  const close = () => {
    for (const slot of slots.splice(0)) void slot.worker.terminate()
  }
  return {
    md5(path: string, partSizes: readonly number[]): Promise<Md5Digests> {
      return enqueue(path, partSizes, null) as Promise<Md5Digests>
    },
    /** The MD5s of the regular file at `path` if it has `size` bytes; null when there is none such (missing, a link, another size). */
    md5IfSize(path: string, partSizes: readonly number[], size: number): Promise<Md5Digests | null> {
      return enqueue(path, partSizes, size)
    },
    close,
    /** Worker threads running now (0 before the first job, after the idle stop, or when none could start). */
    get threads() {
      return slots.length
    },
  }
  function enqueue(path: string, partSizes: readonly number[], size: number | null): Promise<Md5Digests | null> {
    return new Promise((resolve, reject) => {
      queue.push({ path, partSizes: [...partSizes], size, resolve, reject })
      // Jobs added in the same turn go out together, in full batches.
      if (scheduled) return
      scheduled = true
      setImmediate(() => {
        scheduled = false
        pump()
      })
    })
  }
}

let shared: ReturnType<typeof createMd5Pool> | null = null
/** The process's pool, started on first use. */
export function md5Pool() {
  shared ??= createMd5Pool()
  return shared
}
