import { describe, expect, it } from 'vitest'
import type { TransferBatchRange } from '../../../src-main/contract/bridge'
import { batchOutcome, panelLayout, storedName, windowFor, windowLimit } from '../../../src-renderer/features/transfers/transferBatches'

const range = (batchId: string, first: number, count: number): TransferBatchRange => ({ batchId, bucket: 'media', first, count })

describe('the transfer queue, as people read it', () => {
  it('lays out a heading per upload, then its files by queue position, without having the rows', () => {
    const layout = panelLayout([range('b1', 0, 2), range('b2', 2, 50_000)])
    expect(layout.count).toBe(3 + 50_001)
    const shown = [0, 1, 2, 3, 4, 5, 50_003].map((i) => layout.at(i)).map((item) => (item.kind === 'batch' ? `heading ${item.batch.batchId}` : `${item.batch.batchId} #${item.position}`))
    expect(shown).toEqual(['heading b1', 'b1 #0', 'b1 #1', 'heading b2', 'b2 #2', 'b2 #3', 'b2 #50001'])
  })

  it('asks for a new window only when the rows in view are not all in the one it has', () => {
    expect(windowFor({ first: 10, last: 30 }, { offset: 0, limit: 100 })).toBeNull()
    expect(windowFor(null, { offset: 0, limit: 100 })).toBeNull()
    const next = windowFor({ first: 40_000, last: 40_020 }, { offset: 0, limit: 100 })!
    expect(next.offset).toBeLessThanOrEqual(40_000)
    expect(next.offset + next.limit).toBeGreaterThan(40_020)
    expect(next.limit).toBeLessThanOrEqual(windowLimit)
  })

  it('shows a "keep both" file under the name it was stored as, folders kept', () => {
    expect(storedName({ name: 'vacaciones.mp4', key: 'videos/vacaciones (1).mp4' })).toBe('vacaciones (1).mp4')
    expect(storedName({ name: 'fotos/gato.png', key: 'subidas/fotos/gato (2).png' })).toBe('fotos/gato (2).png')
    expect(storedName({ name: 'fotos/gato.png', key: 'subidas/fotos/gato.png' })).toBeNull()
  })

  it('says what a finished upload did, from the counts the queue sends', () => {
    expect(batchOutcome({ batchId: 'b1', profileId: 'p', bucket: 'media', prefix: '', keys: ['a.txt'], done: 1, failed: 1, notSent: 2 })).toEqual({ bucket: 'media', done: 1, failed: 1, notSent: 2 })
  })
})
