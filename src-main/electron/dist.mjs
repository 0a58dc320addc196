#!/usr/bin/env node
/**
 * `npm run dist`: the installable packages (electron-builder.yml: AppImage and deb on
 * Linux, dmg on macOS, an NSIS installer on Windows), for the machine it runs on
 *
 * electron-builder needs Electron's binary. It is looked for where `npm install` puts
 * it, downloaded once if it isn't there, and handed to electron-builder
 * (`electronDist`) so it isn't fetched a second time. Without it the packages can't be
 * built: that is said in one line and the exit is non-zero, never a stack trace. Extra
 * arguments go to electron-builder (`npm run dist -- --linux deb`); a build for another
 * platform lets electron-builder fetch that platform's Electron itself.
 */
import { spawnSync } from 'node:child_process'
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { downloadNeeded, isSet, lastWords } from './start.mjs'

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The one line said when there is no Electron binary to package. */
export function noElectronLine(why) {
  return `\`npm run dist\` needs Electron's binary, which is not installed here ${why}: build the packages on a machine that can download it (see "Packages" in the README).`
}

/** True when the arguments ask electron-builder for a platform other than this one. */
export function buildsForAnotherPlatform(args, platform = process.platform) {
  const host = platform === 'darwin' ? ['--mac', '--macos', '-m'] : platform === 'win32' ? ['--win', '--windows', '-w'] : ['--linux', '-l']
  const asked = args.filter((arg) => /^(--mac|--macos|-m|--win|--windows|-w|--linux|-l)$/.test(arg))
  return asked.some((arg) => !host.includes(arg))
}

function main() {
  const require = createRequire(join(projectDir, 'package.json'))
  const builderArgs = process.argv.slice(2)
  const crossBuild = buildsForAnotherPlatform(builderArgs)
  const electronDir = dirname(require.resolve('electron/package.json'))
  if (!crossBuild && downloadNeeded(electronDir, process.env)) {
    if (isSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) fail(noElectronLine('(and ELECTRON_SKIP_BINARY_DOWNLOAD is set; unset it to download it)'))
    console.log("Downloading Electron's binary first (about 100 MB, once)…")
    const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    if (download.status !== 0 || downloadNeeded(electronDir, process.env)) {
      const why = lastWords(`${download.stdout ?? ''}\n${download.stderr ?? ''}`)
      fail(noElectronLine(`and could not be downloaded${why ? ` (${why})` : ''}`))
    }
  }
  run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'])
  // The binary npm installed is this platform's: electron-builder need not fetch it again.
  const localElectron = crossBuild ? [] : [`--config.electronDist=${process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')}`]
  run(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...localElectron, ...builderArgs])
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: projectDir, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status || 1)
}

function fail(line) {
  console.error(line)
  process.exit(1)
}

const entry = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : null
if (entry === import.meta.url) main()
