import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitForMiddle } from '../../../src-renderer/features/browser/middleEllipsis'
import { elideCrumbs, breadcrumbsFor } from '../../../src-renderer/features/browser/breadcrumbs'
import { menuPlace } from '../../../src-renderer/features/browser/Menu'

describe('names cut in the middle', () => {
  it('keep the extension, the copy number and the last characters', () => {
    expect(splitForMiddle('apuntes tema 1 (1).txt')).toEqual({ head: 'apuntes te', tail: 'ma 1 (1).txt' })
    expect(splitForMiddle('apuntes tema 1.txt')).toEqual({ head: 'apuntes te', tail: 'ma 1.txt' })
    expect(splitForMiddle('fotos/')).toEqual({ head: 'fot', tail: 'os/' })
    expect(splitForMiddle('README')).toEqual({ head: 'REA', tail: 'DME' })
  })

  it('tell a file from its numbered copy by the tail alone', () => {
    expect(splitForMiddle('informe final (1).pdf').tail).not.toBe(splitForMiddle('informe final.pdf').tail)
  })

  it('always give back the whole name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (name) => {
        const { head, tail } = splitForMiddle(name)
        expect(head + tail).toBe(name)
      }),
    )
  })
})

describe('breadcrumbs that do not fit', () => {
  const crumbs = breadcrumbsFor('media', 'a/b/c/d/')
  it('hide the middle folders behind "…", keeping the bucket and the last ones', () => {
    expect(elideCrumbs(crumbs, 0).shown.map((c) => c.label)).toEqual(['media', 'a', 'b', 'c', 'd'])
    expect(elideCrumbs(crumbs, 1)).toMatchObject({ shown: [{ label: 'media' }, { label: 'c' }, { label: 'd' }], hidden: [{ label: 'a' }, { label: 'b' }] })
    expect(elideCrumbs(crumbs, 2).shown.map((c) => c.label)).toEqual(['media', 'd'])
    expect(elideCrumbs(breadcrumbsFor('media', 'a/'), 2).hidden).toEqual([])
  })
})

describe('menus', () => {
  const trigger = { left: 1180, right: 1270, top: 100, bottom: 130, width: 90, height: 30 }
  it('stay inside the window: a dropdown near the right edge hangs from its trigger’s right side', () => {
    const place = menuPlace({ width: 260, height: 200 }, null, trigger, { width: 1280, height: 800 })
    expect(place).toEqual({ x: 1010, y: 134 })
  })
  it('open upwards near the bottom, and a context menu is moved back inside', () => {
    expect(menuPlace({ width: 200, height: 300 }, null, { ...trigger, left: 10, right: 100, top: 700, bottom: 730 }, { width: 1280, height: 800 })).toEqual({ x: 10, y: 396 })
    expect(menuPlace({ width: 200, height: 300 }, { x: 1250, y: 790 }, null, { width: 1280, height: 800 })).toEqual({ x: 1076, y: 496 })
  })
})
