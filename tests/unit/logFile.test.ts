import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLogFile } from '../../src-main/services/logs/logFile'

const dirs: string[] = []
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cubeta-log-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('the desktop log file', () => {
  it('creates its folder and appends redacted, timestamped lines', () => {
    const path = join(scratch(), 'logs', 'main.log')
    const log = openLogFile(path)
    log.write('signing with AKIAIOSFODNN7EXAMPLE and secret=hunter2')
    log.write('second line')
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z signing with AKIA…MPLE and secret=\[redacted\]$/)
  })

  it('keeps one older file when the log grows past its limit', () => {
    const path = join(scratch(), 'main.log')
    writeFileSync(path, 'x'.repeat(2000))
    openLogFile(path, 1000).write('fresh')
    expect(readFileSync(`${path}.old`, 'utf8')).toHaveLength(2000)
    expect(readFileSync(path, 'utf8')).toMatch(/fresh\n$/)
  })

  it('never throws when the log can not be written', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'a-file'), '')
    const log = openLogFile(join(dir, 'a-file', 'main.log'))
    expect(() => log.write('lost')).not.toThrow()
    expect(existsSync(join(dir, 'a-file', 'main.log'))).toBe(false)
  })
})
