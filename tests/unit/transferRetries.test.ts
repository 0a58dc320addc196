import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { exactChunks } from '../../src-main/services/transfers/exactChunks'
import { createSlots } from '../../src-main/core/async/requestSlots'
import { retrying } from '../../src-main/core/async/retrying'
import { backoffMs, classifyFailure, transientAttempts } from '../../src-main/core/async/retryPolicy'

const awsError = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } })
const netError = (code: string) => Object.assign(new Error(`connect ${code}`), { code })

describe('which failures are retried', () => {
  it('waits for the network on refused, reset and timed-out connections', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']) expect(classifyFailure(netError(code))).toBe('network')
    expect(classifyFailure(new Error('socket hang up'))).toBe('network')
  })
  it('retries SlowDown, InternalError and other 5xx a few times', () => {
    expect(classifyFailure(awsError('SlowDown', 503))).toBe('retry')
    expect(classifyFailure(awsError('InternalError', 500))).toBe('retry')
    expect(classifyFailure(awsError('Unknown', 502))).toBe('retry')
    expect(classifyFailure(awsError('BadDigest', 400))).toBe('retry')
  })
  it('fails at once on what the user must fix', () => {
    expect(classifyFailure(awsError('AccessDenied', 403))).toBe('fatal')
    expect(classifyFailure(awsError('NoSuchBucket', 404))).toBe('fatal')
    expect(classifyFailure(new Error('anything else'))).toBe('fatal')
  })
  it('backs off exponentially with jitter, within the cap', () => {
    expect(backoffMs(1, 8_000, () => 0)).toBe(125)
    expect(backoffMs(1, 8_000, () => 1)).toBe(250)
    expect(backoffMs(4, 8_000, () => 1)).toBe(2_000)
    expect(backoffMs(20, 8_000, () => 1)).toBe(8_000)
  })
})

describe('retrying one request', () => {
  const context = (log: string[]) => ({ signal: new AbortController().signal, onNetworkWait: (w: boolean) => log.push(w ? 'waiting' : 'back'), sleep: async () => undefined })

  it('keeps trying through a network outage, saying so once, then says it is back', async () => {
    const log: string[] = []
    let calls = 0
    const result = await retrying(async () => {
      if (++calls < 20) throw netError('ECONNREFUSED')
      return 'ok'
    }, context(log))
    expect(result).toBe('ok')
    expect(calls).toBe(20)
    expect(log).toEqual(['waiting', 'back'])
  })

  it('gives up on transient faults after a few tries, with the server’s own error', async () => {
    let calls = 0
    await expect(
      retrying(async () => {
        calls++
        throw awsError('SlowDown', 503)
      }, context([])),
    ).rejects.toMatchObject({ name: 'SlowDown' })
    expect(calls).toBe(transientAttempts)
  })

  it('does not retry access denied, and stops when cancelled', async () => {
    let calls = 0
    await expect(retrying(async () => { calls++; throw awsError('AccessDenied', 403) }, context([]))).rejects.toMatchObject({ name: 'AccessDenied' })
    expect(calls).toBe(1)
    const abort = new AbortController()
    abort.abort(new Error('cancelled'))
    await expect(retrying(async () => { throw netError('ECONNRESET') }, { ...context([]), signal: abort.signal })).rejects.toMatchObject({ code: 'ECONNRESET' })
  })
})

describe('cutting a stream into parts', () => {
  it('gives exact-size pieces whatever the source chunking, and the rest last', async () => {
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))
    const source = Readable.from([bytes.subarray(0, 7), bytes.subarray(7, 300), bytes.subarray(300, 301), bytes.subarray(301)])
    const parts: Buffer[] = []
    for await (const part of exactChunks(source, 128)) parts.push(part)
    expect(parts.map((p) => p.length)).toEqual([128, 128, 128, 128, 128, 128, 128, 104])
    expect(Buffer.concat(parts).equals(bytes)).toBe(true)
  })
  it('gives nothing for an empty source', async () => {
    const parts: Buffer[] = []
    for await (const part of exactChunks(Readable.from([]), 8)) parts.push(part)
    expect(parts).toEqual([])
  })
})

describe('request slots', () => {
  it('never lets more than the capacity run, and serves waiters in order', async () => {
    const slots = createSlots(3)
    let running = 0
    let peak = 0
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        slots.run(async () => {
          running++
          peak = Math.max(peak, running)
          await new Promise((r) => setTimeout(r, 1))
          order.push(i)
          running--
        }),
      ),
    )
    expect(peak).toBe(3)
    expect(order).toHaveLength(10)
    expect(slots.inUse).toBe(0)
  })
  it('lets one request bigger than the whole budget run alone', async () => {
    const memory = createSlots(100)
    await memory.acquire(500)
    expect(memory.inUse).toBe(100)
    memory.release(500)
    expect(memory.inUse).toBe(0)
  })
})
