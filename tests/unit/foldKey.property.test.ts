import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldKey } from '../../src-main/services/bucketIndex/indexedObject'

/** The fold by its definition: NFD, combining marks dropped, lower case in the root locale. */
const byDefinition = (key: string) => key.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und')

describe('foldKey', () => {
  it('folds ASCII keys (its quick path) and all others exactly as the definition does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c))) }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (key) => {
        expect(foldKey(key)).toBe(byDefinition(key))
      }),
      { numRuns: 2000 },
    )
    expect(foldKey('Fotos/NIÑO.JPG')).toBe('fotos/nino.jpg')
    expect(foldKey('Data/Report-2024.CSV')).toBe('data/report-2024.csv')
  })
})
