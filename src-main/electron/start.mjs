#!/usr/bin/env node
/**
 * What `npm start` runs after `electron-vite build`
 *
 * Starts Cubeta in Electron when Electron's binary is installed, and otherwise in browser
 * mode (the same backend in plain Node, opened in any browser). On machines without
 * internet the `electron` package's binary download fails, and Electron 45's
 * `require('electron')` then retries that download and throws; the app should still
 * start, so that case falls back instead of crashing.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(join(projectDir, 'package.json'))
const forwardedArgs = process.argv.slice(2)

const electronBinary = findElectronBinary()
if (electronBinary !== null) {
  run(electronBinary, [projectDir, ...forwardedArgs])
} else {
  console.log("Electron's binary is not installed here (its download failed); starting browser mode instead.")
  run(process.execPath, [join(projectDir, 'out/main/serve.js'), ...forwardedArgs])
}

/** The path of an installed Electron binary, or null. Never prints anything. */
function findElectronBinary() {
  let electronDir
  try {
    electronDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null // the package itself is missing
  }
  const installed = process.env.ELECTRON_OVERRIDE_DIST_PATH || existsSync(join(electronDir, 'path.txt'))
  // Skipping the download was asked for and nothing is installed: don't try one.
  if (!installed && isSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) return null

  // require('electron') may start a download and print its progress and stack traces;
  // ask in a child process so only our one line reaches the user.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n@electron-path@' + require('electron'))"], {
    cwd: projectDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60_000,
  })
  if (probe.status !== 0) return null
  const binary = probe.stdout.split('\n@electron-path@').pop()?.trim()
  return binary && existsSync(binary) ? binary : null
}

function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/** Runs the child in the foreground, passes Ctrl+C on, and exits with its code. */
function run(command, args) {
  const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
