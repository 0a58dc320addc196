import { describe, expect, it } from 'vitest'
import type { ListingPage } from '../../src-main/contract/bridge'
import { createListingReadAhead } from '../../src-main/services/objects/listingReadAhead'

const page = (n: number, last: number): ListingPage => ({ entries: [], nextToken: n < last ? `t${n + 1}` : null }) as unknown as ListingPage

describe('listing read-ahead', () => {
  it('asks for the next page as soon as one is answered, and answers from it', async () => {
    const asked: (string | null)[] = []
    const list = createListingReadAhead(async (_p, _b, _prefix, token) => {
      asked.push(token)
      return page(token === null ? 1 : Number(token.slice(1)), 3)
    })
    await list('p', 'b', 'fotos/', null)
    expect(asked).toEqual([null, 't2'])
    await list('p', 'b', 'fotos/', 't2')
    expect(asked).toEqual([null, 't2', 't3'])
    await list('p', 'b', 'fotos/', 't3')
    expect(asked).toEqual([null, 't2', 't3'])
  })

  it('never answers another folder from what it read ahead, and reports a failed page when asked', async () => {
    const asked: string[] = []
    const list = createListingReadAhead(async (_p, bucket, prefix, token) => {
      asked.push(`${bucket}:${prefix}:${token}`)
      if (token === 't2' && prefix === 'a/') throw new Error('SlowDown')
      return page(token === null ? 1 : 2, 2)
    })
    await list('p', 'b', 'a/', null)
    await list('p', 'b', 'other/', 't2')
    expect(asked).toContain('b:other/:t2')
    await expect(list('p', 'b', 'a/', 't2')).rejects.toThrow('SlowDown')
  })
})
