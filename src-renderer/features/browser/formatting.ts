import { formatBytes } from '../transfers/transferFormat'
import { numberFormat, dateFormat } from '../../i18n/formatters'

/**
 * How a row's numbers and dates read, in the UI language
 *
 * Sizes share the transfer queue's units (decimal, like the S3 console), so a file
 * shows the same size in both places; the exact byte count goes in the tooltip.
 * `timeZone` is for tests; the UI uses the user's own.
 */
export const noValue = '—'

export function formatSize(bytes: number | null, language: string): string {
  return bytes === null ? noValue : formatBytes(bytes, language)
}

export function formatExactBytes(bytes: number, language: string): string {
  return numberFormat(language).format(bytes)
}

export function formatModified(iso: string | null, language: string, timeZone?: string): string {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) return noValue
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date)
}

export function formatModifiedInFull(iso: string | null, language: string, timeZone?: string): string | undefined {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) return undefined
  return dateFormat(language, { dateStyle: 'full', timeStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(date)
}

export function formatCount(count: number, language: string): string {
  return numberFormat(language).format(count)
}

/**
 * S3 says STANDARD_IA; people read the AWS console's name for it ("Standard-IA",
 * "Estándar - Acceso poco frecuente"), from the catalog's `browser.storageClasses`.
 * A class the catalog does not know is tidied ("Some New Class").
 */
export function storageClassLabel(storageClass: string | null, named: (storageClass: string) => string | undefined = () => undefined): string {
  if (!storageClass) return noValue
  return named(storageClass) ?? tidyStorageClass(storageClass)
}

function tidyStorageClass(storageClass: string): string {
  return storageClass
    .split('_')
    .map((word) => (word === 'ONEZONE' ? 'One Zone' : word.length <= 2 ? word : `${word.slice(0, 1)}${word.slice(1).toLowerCase()}`))
    .join(' ')
}
