import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cacheControlFor, defaultCacheRules } from '../../src-main/services/sync/cacheRules'
import { collisions, localNameProblem } from '../../src-main/services/sync/localNames'
import { partSizeCandidates } from '../../src-main/services/sync/partSizeGuess'
import { planSync, type PlanInput } from '../../src-main/services/sync/syncPlan'

const MiB = 1024 * 1024
const base: PlanInput = { direction: 'upload', rule: 'quick', prefix: 'p/', local: [], remote: [], content: new Map(), caseInsensitiveDisk: false }

describe('sync rules', () => {
  it('finds the part sizes a multipart ETag could come from, Cubeta’s own first', () => {
    expect(partSizeCandidates(12 * MiB + 123, 2)[0]).toBe(8 * MiB)
    expect(partSizeCandidates(11 * MiB, 3)).toContain(5 * MiB)
    expect(partSizeCandidates(100 * MiB, 2)).toContain(50 * MiB)
    expect(partSizeCandidates(3 * MiB, 2)).toEqual([])
    fc.assert(fc.property(fc.integer({ min: 1, max: 20_000 * MiB }), fc.integer({ min: 1, max: 10_000 }), (size, parts) => {
      for (const p of partSizeCandidates(size, parts)) expect(Math.ceil(size / p)).toBe(parts)
    }))
  })

  it('refuses keys a disk cannot hold, and finds clashes where case is ignored', () => {
    expect(localNameProblem('a/../b')).toBe('dot-segment')
    expect(localNameProblem('a//b')).toBe('empty-segment')
    expect(localNameProblem('LPT1.txt')).toBe('reserved-name')
    expect(localNameProblem('nota.')).toBe('trailing-dot-or-space')
    expect(localNameProblem('a:b')).toBe('forbidden-character')
    expect(localNameProblem('fotos/niño 1.png')).toBeNull()
    expect([...collisions(['Foto.png', 'foto.png', 'x'], true)]).toEqual([['foto.png', { reason: 'case-clash', with: 'Foto.png' }]])
    expect(collisions(['Foto.png', 'foto.png'], false).size).toBe(0)
    expect([...collisions(['Docs', 'docs/a.md'], true)]).toEqual([['Docs', { reason: 'file-and-folder', with: 'docs/a.md' }]])
  })

  it('gives hashed static names a year of caching, and nothing to the rest', () => {
    expect(cacheControlFor('css/app.3f9a2c.css', defaultCacheRules)).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('css/app.css', defaultCacheRules)).toBeNull()
    expect(cacheControlFor('img/a.png', [{ pattern: 'img/*', cacheControl: 'max-age=60' }])).toBe('max-age=60')
  })

  it('plans: new, changed, unchanged, only there; a multipart ETag it cannot check never forces a resend', () => {
    const plan = planSync({
      ...base,
      rule: 'exact',
      local: [
        { path: 'nuevo.txt', size: 1, modifiedMs: 5000 },
        { path: 'igual.bin', size: 9, modifiedMs: 1000 },
        { path: 'distinto.bin', size: 9, modifiedMs: 1000 },
        { path: 'grande.bin', size: 9, modifiedMs: 1000 },
      ],
      remote: [
        { path: 'igual.bin', size: 9, etag: 'x', modifiedMs: 2000 },
        { path: 'distinto.bin', size: 9, etag: 'y', modifiedMs: 2000 },
        { path: 'grande.bin', size: 9, etag: 'z-3', modifiedMs: 2000 },
        { path: 'sobra.txt', size: 4, etag: 'w', modifiedMs: 2000 },
        { path: 'carpeta/', size: 0, etag: null, modifiedMs: 2000 },
      ],
      content: new Map([
        ['igual.bin', 'same'],
        ['distinto.bin', 'different'],
        ['grande.bin', 'unknown'],
      ]),
    })
    expect(plan.transfers.map((i) => [i.path, i.reason])).toEqual([
      ['nuevo.txt', 'new'],
      ['distinto.bin', 'content-differs'],
    ])
    expect(plan.unchanged.map((i) => i.path)).toEqual(['igual.bin', 'grande.bin'])
    expect(plan.notExact.map((i) => i.path)).toEqual(['grande.bin'])
    expect(plan.deletions.map((i) => i.path)).toEqual(['sobra.txt'])
  })

  it('every source path lands in exactly one of sent, unchanged, newer-there or skipped', () => {
    const file = fc.record({ path: fc.constantFrom('a', 'b', 'c/d', 'C/d', 'x..y', 'con', 'e/../f'), size: fc.nat(5), modifiedMs: fc.nat(5000) })
    fc.assert(fc.property(fc.uniqueArray(file, { selector: (f) => f.path }), fc.uniqueArray(file, { selector: (f) => f.path }), fc.constantFrom('upload', 'download' as const), fc.boolean(), (local, remote, direction, ci) => {
      const plan = planSync({ ...base, direction, caseInsensitiveDisk: ci, local, remote: remote.map((r) => ({ ...r, etag: null, modifiedMs: r.modifiedMs })) })
      const sources = (direction === 'upload' ? local : remote).map((f) => f.path).sort()
      const placed = [...plan.transfers, ...plan.unchanged, ...plan.newerAtDestination, ...plan.skipped].map((i) => i.path).sort()
      expect(placed).toEqual(sources)
      const destinations = (direction === 'upload' ? remote : local).map((f) => f.path)
      for (const d of plan.deletions) expect(destinations).toContain(d.path)
      for (const d of plan.deletions) expect(sources).not.toContain(d.path)
    }))
  })
})
