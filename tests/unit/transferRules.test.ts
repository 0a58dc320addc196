import { describe, expect, it } from 'vitest'
import { contentTypeFor } from '../../src-main/core/contentTypes'
import { keepBothName } from '../../src-main/services/transfers/keepBothName'
import { minimumPartSize, partSizeFor } from '../../src-main/services/transfers/partSize'
import { etaSeconds, sampleRate, startRate } from '../../src-main/services/transfers/transferRate'

const MiB = 1024 * 1024
describe('part size', () => {
  it('is max(8 MiB, ceil(size / 10000))', () => {
    expect(minimumPartSize).toBe(8 * MiB)
    expect(partSizeFor(0)).toBe(8 * MiB)
    expect(partSizeFor(5 * 1024 * MiB)).toBe(8 * MiB)
    expect(partSizeFor(10_000 * 8 * MiB + 1)).toBe(8 * MiB + 1)
    const fiveTiB = 5 * 1024 * 1024 * MiB
    expect(partSizeFor(fiveTiB)).toBe(Math.ceil(fiveTiB / 10_000))
    expect(Math.ceil(fiveTiB / partSizeFor(fiveTiB))).toBeLessThanOrEqual(10_000)
  })
})

describe('keep both', () => {
  it.each([
    ['gato.png', 1, 'gato (1).png'],
    ['fotos/gato.png', 2, 'fotos/gato (2).png'],
    ['fotos.v2/README', 1, 'fotos.v2/README (1)'],
    ['.env', 1, '.env (1)'],
    ['a/archive.tar.gz', 1, 'a/archive.tar (1).gz'],
  ])('%s #%d → %s', (key, n, expected) => expect(keepBothName(key, n)).toBe(expected))
})

describe('Content-Type from the name', () => {
  it.each([
    ['a/b.png', 'image/png'],
    ['x.svg', 'image/svg+xml'],
    ['s.css', 'text/css; charset=utf-8'],
    ['m.js', 'text/javascript; charset=utf-8'],
    ['f.woff2', 'font/woff2'],
    ['p.webp', 'image/webp'],
    ['p.avif', 'image/avif'],
    ['P.JPG', 'image/jpeg'],
    ['no-extension', 'application/octet-stream'],
  ])('%s → %s', (name, type) => expect(contentTypeFor(name)).toBe(type))
})

describe('speed and time left', () => {
  it('smooths the speed and estimates the time left', () => {
    let rate = startRate(0)
    rate = sampleRate(rate, 1_000_000, 1000)
    expect(rate.speed).toBe(1_000_000)
    rate = sampleRate(rate, 1_000_000 + 2_000_000, 2000)
    expect(rate.speed).toBeCloseTo(1_300_000)
    expect(sampleRate(rate, 9e9, 2100)).toBe(rate) // too soon to sample
    expect(etaSeconds(2_600_000, rate.speed)).toBe(2)
    expect(etaSeconds(100, null)).toBeNull()
  })
})
