import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'

/**
 * electron-builder.yml, checked without packaging
 *
 * Packaging downloads Electron, which these machines can't, so the config is validated
 * against the JSON schema electron-builder itself ships (app-builder-lib/scheme.json).
 * js-yaml comes with electron-builder and has no types here, hence the require.
 */
const projectDir = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const schema = require('app-builder-lib/scheme.json') as object

type BuilderConfig = {
  appId?: string
  productName?: string
  icon?: string
  directories?: { output?: string }
  files?: string[]
  asarUnpack?: string[]
  linux?: { target?: string[]; category?: string; maintainer?: string; synopsis?: string; icon?: string; syncDesktopName?: boolean }
  electronFuses?: Record<string, boolean>
  mac?: { target?: string; category?: string; icon?: string }
  win?: { target?: string; icon?: string }
}

const config = yaml.load(readFileSync(resolve(projectDir, 'electron-builder.yml'), 'utf8')) as BuilderConfig
const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false }).compile(schema)

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('fails that schema when broken, so the check above means something', () => {
    const broken = { ...config, appId: 42, linux: { ...config.linux, target: { name: 7 } }, notAnOption: true }
    expect(validate(broken)).toBe(false)
    const paths = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
    expect(paths.some((line) => line.startsWith('/appId'))).toBe(true)
    expect(paths.some((line) => line.includes('additional properties'))).toBe(true)
  })

  it('names the app', () => {
    expect(config.appId).toBe('app.cubeta.desktop')
    expect(config.productName).toBe('Cubeta')
    expect(config.directories?.output).toBe('dist')
  })

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.linux).toMatchObject({ category: 'Development' })
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/)
    expect(config.linux?.synopsis).toBeTruthy()
    expect(config.mac).toMatchObject({ target: 'dmg', category: 'public.app-category.developer-tools' })
    expect(config.win).toMatchObject({ target: 'nsis' })
  })

  it('ships the build output, not the sources or tests, and unpacks keytar', () => {
    expect(config.files).toContain('out/**')
    expect(config.files).toContain('package.json')
    expect(config.files).toEqual(expect.arrayContaining(['!src-main/**', '!src-renderer/**', '!tests/**']))
    expect(config.asarUnpack?.some((pattern) => pattern.includes('keytar') && pattern.endsWith('.node'))).toBe(true)
  })

  it('re-signs ad hoc after flipping the fuses, so an unsigned Apple Silicon build still launches', () => {
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true)
  })

  it("names the Linux .desktop file after package.json's desktopName, which Electron uses as the window's app id", () => {
    const packageJson = JSON.parse(readFileSync(resolve(projectDir, 'package.json'), 'utf8')) as { name: string; desktopName?: string }
    expect(packageJson.desktopName).toBe(`${packageJson.name}.desktop`)
    expect(config.linux?.syncDesktopName).toBe(true)
  })

  it('points every icon at a file that exists', () => {
    const icons = [config.icon, config.linux?.icon, config.mac?.icon, config.win?.icon]
    for (const icon of icons) {
      expect(icon).toBeTruthy()
      expect(existsSync(resolve(projectDir, icon as string)), icon).toBe(true)
    }
    const png = readFileSync(resolve(projectDir, 'assets/icon.png'))
    // PNG header, then the IHDR width and height: electron-builder needs at least 512x512.
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })
})
