import { numberFormat } from '../../i18n/formatters'
/** Bytes and durations as people read them, in the UI language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${numberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`
}

export function formatDuration(seconds: number, language: string): string {
  const unit = seconds < 90 ? 'second' : seconds < 5400 ? 'minute' : 'hour'
  const value = unit === 'second' ? seconds : unit === 'minute' ? Math.round(seconds / 60) : Math.round(seconds / 3600)
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'short' }).format(value)
}
