import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { settingsSnippet } from '../../src-renderer/features/setupWizard/djangoHandover'
import en from '../../src-renderer/features/setupWizard/i18n/en.json'

describe('the README’s Django section', () => {
  it('shows the settings exactly as the export panel writes them in English', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const block = /```python\n([\s\S]*?)\n {3}```/.exec(readme)?.[1] ?? ''
    const shown = block.split('\n').map((line) => line.replace(/^ {3}/, '')).join('\n')
    expect(`${shown}\n`).toBe(settingsSnippet('storages', en.export.snippet))
  })
})
