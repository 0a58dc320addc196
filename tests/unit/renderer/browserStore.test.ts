import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ListingPage, ObjectEntry } from '../../../src-main/contract/bridge'

/**
 * The browser store against a fake bridge whose listing pages arrive when the test says
 * so: rows must show per page, and a newer listing must stop an older one.
 */
type Call = { prefix: string; token: string | null; answer: (page: ListingPage) => void }
const calls: Call[] = []

vi.mock('../../../src-renderer/bridge/bridgeClient', () => {
  class BridgeCallError extends Error {}
  return {
    BridgeCallError,
    unwrap: (result: { ok: boolean; value: unknown }) => result.value,
    bridge: {
      'objects/listPage': ({ prefix, token }: { prefix: string; token: string | null }) =>
        new Promise((resolve) => calls.push({ prefix, token, answer: (page) => resolve({ ok: true, value: page }) })),
    },
  }
})

const { useBrowserStore } = await import('../../../src-renderer/features/browser/browserStore')

const entry = (key: string): ObjectEntry => ({ key, name: key.replace(/\/$/, '').split('/').pop() ?? key, kind: key.endsWith('/') ? 'folder' : 'object', size: 1, lastModified: null, storageClass: null })
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const names = () => useBrowserStore.getState().rows.map((row) => row.key)

beforeEach(() => {
  calls.length = 0
  useBrowserStore.getState().close()
})

describe('the browser store', () => {
  it('shows each page as it arrives, sorted with folders first', async () => {
    useBrowserStore.getState().open('p1', 'media')
    expect(calls).toHaveLength(1)
    calls[0]?.answer({ entries: [entry('b.txt'), entry('a.txt')], nextToken: 't1' })
    await settle()
    expect(names()).toEqual(['a.txt', 'b.txt'])
    expect(useBrowserStore.getState().status).toBe('loading')
    expect(calls[1]?.token).toBe('t1')
    calls[1]?.answer({ entries: [entry('c.txt'), entry('z/')], nextToken: null })
    await settle()
    expect(names()).toEqual(['z/', 'a.txt', 'b.txt', 'c.txt'])
    expect(useBrowserStore.getState().status).toBe('ready')
  })

  it('stops pulling the old folder when another one opens', async () => {
    const store = useBrowserStore.getState()
    store.open('p1', 'media')
    calls[0]?.answer({ entries: [entry('fotos/')], nextToken: 't1' })
    await settle()
    store.navigate('fotos/')
    // The old folder's second page arrives late: it is dropped, and nothing more is asked.
    calls[1]?.answer({ entries: [entry('late.txt')], nextToken: 't2' })
    calls[2]?.answer({ entries: [entry('fotos/gato.png')], nextToken: null })
    await settle()
    expect(calls.map((c) => c.prefix)).toEqual(['', '', 'fotos/'])
    expect(names()).toEqual(['fotos/gato.png'])
  })

  it('goes back through history and up to the parent', async () => {
    const store = useBrowserStore.getState()
    store.open('p1', 'media')
    store.navigate('a/')
    store.navigate('a/b/')
    expect(useBrowserStore.getState().history).toEqual(['', 'a/'])
    store.back()
    expect(useBrowserStore.getState().location?.prefix).toBe('a/')
    store.up()
    expect(useBrowserStore.getState().location?.prefix).toBe('')
    expect(useBrowserStore.getState().history).toEqual(['', 'a/'])
  })

  it('keeps the rows on screen during a refresh, and selects what an upload wrote', async () => {
    const store = useBrowserStore.getState()
    store.open('p1', 'media')
    calls[0]?.answer({ entries: [entry('old.txt')], nextToken: null })
    await settle()
    const refreshed = store.refresh()
    store.select(['new.png', 'static/css/site.css', '../elsewhere.txt'])
    expect(names()).toEqual(['old.txt'])
    calls[1]?.answer({ entries: [entry('new.png'), entry('old.txt'), entry('static/')], nextToken: null })
    await refreshed
    expect(names()).toEqual(['static/', 'new.png', 'old.txt'])
    expect([...useBrowserStore.getState().selection.selected].sort()).toEqual(['new.png', 'static/'])
    expect(useBrowserStore.getState().selection.focus).toBe('new.png')
  })
})
