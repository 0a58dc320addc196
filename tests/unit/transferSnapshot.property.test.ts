import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TransferStatus } from '../../src-main/contract/bridge'
import { summariseQueue } from '../../src-main/services/transfers/transferSnapshot'
import { doneRowOf, isActive, isTerminal, type QueueRow, type Transfer } from '../../src-main/services/transfers/transferState'

/**
 * The snapshot's single pass (summariseQueue) against the rules said plainly, row by row,
 * for any queue: what the panel's totals, batch ranges and rows must be.
 */
const statuses: TransferStatus[] = ['queued', 'checking', 'waiting-conflict', 'running', 'waiting-network', 'interrupted', 'done', 'failed', 'cancelled', 'skipped']
const needsUser: TransferStatus[] = ['checking', 'running', 'waiting-network', 'waiting-conflict', 'failed', 'interrupted']

const rowSpec = fc.record({
  batch: fc.integer({ min: 0, max: 3 }),
  status: fc.constantFrom(...statuses),
  size: fc.integer({ min: 0, max: 10_000 }),
  sentShare: fc.double({ min: 0, max: 1, noNaN: true }),
  speed: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
  existing: fc.boolean(),
  doneRow: fc.boolean(),
})

type RowSpec = typeof rowSpec extends fc.Arbitrary<infer T> ? T : never

function rowsOf(specs: RowSpec[]): QueueRow[] {
  // Batches keep their rows together, as the queue adds them.
  const sorted = [...specs].sort((a, b) => a.batch - b.batch)
  return sorted.map((spec, i) => {
    const transfer: Transfer = {
      id: `t${i}`,
      batchId: `b${spec.batch}`,
      bucket: 'bucket',
      key: `k${i}`,
      name: `n${i}`,
      size: spec.size,
      transferred: spec.status === 'done' ? spec.size : Math.floor(spec.size * spec.sentShare),
      status: spec.status,
      rate: { lastBytes: 0, lastTime: 0, speed: spec.speed },
      error: null,
      source: { kind: 'page' },
      existing: spec.existing ? { size: 1, lastModified: null } : null,
      abort: null,
      uploadId: null,
      resumeUploadId: null,
      multipartSince: null,
      cancelled: false,
      slot: i,
    }
    return spec.status === 'done' && spec.doneRow ? doneRowOf(transfer) : transfer
  })
}

const sent = (row: QueueRow) => (row.status === 'done' ? row.size : (row as Transfer).transferred)

describe('the snapshot of any queue', () => {
  it('counts, sums and ranges every row, and carries the window plus the first 200 rows needing the user, in order', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 400 }), fc.nat({ max: 450 }), fc.integer({ min: 1, max: 120 }), (specs, offset, limit) => {
        const rows = rowsOf(specs)
        const summary = summariseQueue(rows, { offset, limit })
        const active = rows.filter((r) => isActive(r.status))

        for (const status of statuses) expect(summary.totals.states[status]).toBe(rows.filter((r) => r.status === status).length)
        expect(summary.totals.active).toBe(active.length)
        expect(summary.totals.bytes).toBe(rows.reduce((s, r) => s + r.size, 0))
        expect(summary.totals.transferred).toBe(rows.reduce((s, r) => s + sent(r), 0))
        const running = rows.filter((r) => r.status === 'running' && (r as Transfer).rate.speed !== null)
        expect(summary.totals.speed).toBe(running.length === 0 ? null : running.reduce((s, r) => s + (r as Transfer).rate.speed!, 0))

        const positions = rows.map((_, i) => i)
        const inWindow = (i: number) => i >= offset && i < offset + limit
        const extra = positions.filter((i) => !inWindow(i) && needsUser.includes(rows[i]!.status)).slice(0, 200)
        expect(summary.transfers.map((v) => v.position)).toEqual(positions.filter((i) => inWindow(i) || extra.includes(i)))

        const batchIds = [...new Set(rows.map((r) => r.batchId))]
        expect(summary.batchRows.map((b) => b.batchId)).toEqual(batchIds)
        for (const range of summary.batchRows) {
          const own = rows.slice(range.first, range.first + range.count)
          expect(own.every((r) => r.batchId === range.batchId)).toBe(true)
          expect(range.open).toBe(own.filter((r) => !isTerminal(r.status)).length)
        }
        expect(summary.batchRows.reduce((s, b) => s + b.count, 0)).toBe(rows.length)

        const asking = rows.find((r) => r.status === 'waiting-conflict') as Transfer | undefined
        if (!asking?.existing) expect(summary.conflict).toBeNull()
        else {
          const unasked = rows.filter((r) => r.batchId === asking.batchId && ['waiting-conflict', 'queued', 'checking'].includes(r.status)).length
          expect(summary.conflict).toMatchObject({ transferId: asking.id, batchId: asking.batchId, remaining: unasked - 1 })
        }
      }),
      { numRuns: 300 },
    )
  })

  it('sends at most 200 rows beyond the window when thousands need the user, the first ones', () => {
    const rows = rowsOf(Array.from({ length: 1_000 }, () => ({ batch: 0, status: 'failed' as const, size: 1, sentShare: 0, speed: null, existing: false, doneRow: false })))
    const summary = summariseQueue(rows, { offset: 500, limit: 10 })
    const positions = summary.transfers.map((v) => v.position)
    expect(positions).toEqual([...Array.from({ length: 200 }, (_, i) => i), ...Array.from({ length: 10 }, (_, i) => 500 + i)])
  })
})
