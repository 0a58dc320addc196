import { dateFormat } from '../../i18n/formatters'
/**
 * A bucket's creation time as a short date in the UI language, or null when the store
 * gave none or gave something unreadable. `timeZone` is for tests; the UI uses the
 * user's own.
 */
export function formatCreated(iso: string | null, language: string, timeZone?: string): string | null {
  if (!iso) return null
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return dateFormat(language, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(date)
}

/** The full date and time, for the cell's tooltip. */
export function formatCreatedInFull(iso: string | null, language: string, timeZone?: string): string | null {
  if (!iso) return null
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return dateFormat(language, { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date)
}
