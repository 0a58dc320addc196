import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildsForAnotherPlatform, noElectronLine } from '../../src-main/electron/dist.mjs'

/**
 * `npm run dist` (src-main/electron/dist.mjs)
 *
 * Packaging can't run on these machines (no Electron binary, no internet), so what is
 * checked here is that it says so in one line and fails, and which Electron it would
 * hand to electron-builder. electron-builder.yml itself is checked against
 * electron-builder's schema in electronBuilderConfig.test.ts.
 */
const projectDir = resolve(import.meta.dirname, '../..')
const electronInstalled = existsSync(join(projectDir, 'node_modules/electron/path.txt'))

describe('npm run dist', () => {
  it('is the script package.json runs', () => {
    const scripts = (JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
    expect(scripts.dist).toBe('node src-main/electron/dist.mjs')
  })

  it.skipIf(electronInstalled)("without Electron's binary says so in one line and exits non-zero, building nothing", () => {
    const result = spawnSync(process.execPath, [join(projectDir, 'src-main/electron/dist.mjs')], {
      cwd: projectDir,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: '' },
    })
    expect(result.status).toBe(1)
    const output = `${result.stdout}${result.stderr}`.trim()
    expect(output.split('\n')).toHaveLength(1)
    expect(output).toBe(noElectronLine('(and ELECTRON_SKIP_BINARY_DOWNLOAD is set; unset it to download it)'))
    expect(output).not.toMatch(/\bat \S+:\d+|Error:/)
  })

  it("hands electron-builder this machine's Electron, unless another platform is asked for", () => {
    expect(buildsForAnotherPlatform([], 'linux')).toBe(false)
    expect(buildsForAnotherPlatform(['--linux', 'deb'], 'linux')).toBe(false)
    expect(buildsForAnotherPlatform(['--win'], 'linux')).toBe(true)
    expect(buildsForAnotherPlatform(['--mac', '--linux'], 'linux')).toBe(true)
    expect(buildsForAnotherPlatform(['-m'], 'darwin')).toBe(false)
  })
})
