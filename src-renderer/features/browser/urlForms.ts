import type { ObjectEntry, UrlForm } from '../../../src-main/contract/bridge'
import { numberFormat } from '../../i18n/formatters'

/**
 * The "Copy as…" choices, in menu order, and the presigned link's lifetimes
 *
 * SigV4 presigned URLs live from 60 seconds to 7 days; the choices stay inside that.
 */
export const urlForms: readonly UrlForm[] = ['public', 'path-style', 'custom-base', 'presigned', 'html', 'markdown']

export const expiryChoices = [
  { seconds: 60, unit: 'minute', value: 1 },
  { seconds: 15 * 60, unit: 'minute', value: 15 },
  { seconds: 3600, unit: 'hour', value: 1 },
  { seconds: 12 * 3600, unit: 'hour', value: 12 },
  { seconds: 86400, unit: 'day', value: 1 },
  { seconds: 7 * 86400, unit: 'day', value: 7 },
] as const

export const defaultExpirySeconds = 3600

/** "1 minute", "7 días": the lifetime in words, in the UI language. */
export function expiryLabel(choice: (typeof expiryChoices)[number], language: string): string {
  return numberFormat(language, { style: 'unit', unit: choice.unit, unitDisplay: 'long' }).format(choice.value)
}

/**
 * The keys a copy is about: objects only, in the order given. A folder has no page to
 * open, so it is left out; all-folders means nothing to copy.
 */
export function copyableKeys(entries: readonly Pick<ObjectEntry, 'key' | 'kind'>[]): string[] {
  return entries.filter((entry) => entry.kind === 'object').map((entry) => entry.key)
}

/** The custom-base form needs the profile's public base URL. */
export function isFormAvailable(form: UrlForm, publicBaseUrl: string | null): boolean {
  return form !== 'custom-base' || (publicBaseUrl !== null && publicBaseUrl.trim() !== '')
}
