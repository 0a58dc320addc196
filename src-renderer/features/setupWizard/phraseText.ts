import type { TFunction } from 'i18next'
import { compactMask } from '../profiles/displayKey'
import type { Phrase } from './createdResources'

/**
 * A phrase in the UI language, or the server's own words when they had no known shape.
 * Masked key ids are shortened ("••••ABCD"): sixteen dots say nothing a reader needs.
 */
export const say = (t: TFunction, phrase: Phrase | string | null, fallback = ''): string =>
  compactMask(phrase === null ? fallback : typeof phrase === 'string' ? phrase : t(phrase.key, phrase.values))
