import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { redactSecrets } from '../../core/redact'

/** One log file: a path a user can be pointed at, and a line writer that never throws. */
export interface LogFile {
  path: string
  write(line: string): void
}

/**
 * The desktop app's log
 *
 * Written synchronously, so the last line before a failed start or a crash is on disk
 * when the error dialog names the file. Every line is redacted, as everywhere else.
 * One file, kept small: at open, a file over `maxBytes` becomes `<name>.old` (the one
 * before it is dropped), so a log can't grow without end.
 */
export function openLogFile(path: string, maxBytes = 1024 * 1024): LogFile {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(path, `${path}.old`)
  } catch {
    // A log that can't be prepared must not stop the app; write() fails quietly too.
  }
  return {
    path,
    write(line) {
      try {
        appendFileSync(path, `${new Date().toISOString()} ${redactSecrets(line)}\n`, { mode: 0o600 })
      } catch {
        // Nowhere better to report that the log is unwritable.
      }
    },
  }
}
