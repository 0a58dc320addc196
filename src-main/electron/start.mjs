#!/usr/bin/env node
/**
 * What `npm start` runs after `electron-vite build`
 *
 * Starts Cubeta in Electron when Electron's binary is installed, and otherwise in browser
 * mode (the same backend in plain Node, opened in any browser). Every way Electron can
 * fail to start here ends in browser mode with one line saying why:
 * - the binary isn't installed: it is downloaded first, and the wait is announced (a
 *   first run can take minutes); if the download fails (no internet), browser mode;
 * - Electron dies in its first seconds (the dev build's chrome-sandbox refused by
 *   AppArmor on Ubuntu 24.04 and later, a missing system library): browser mode, with
 *   Electron's own last words as the reason;
 * - as root, Chromium refuses to start its sandbox at all, so only then `--no-sandbox`
 *   is added, and said.
 * A start that Cubeta itself reported (its error dialog, exit code 3) is not retried.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** main.ts exits with this after showing its own error dialog: nothing to add here. */
export const startFailedExitCode = 3
/** How long after starting an exit still counts as "Electron could not start". */
export const earlyExitMs = 8_000

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Extra Electron switches for this user: only root needs one. */
export function sandboxArgs(uid, platform) {
  if (platform !== 'linux' || uid !== 0) return { args: [], note: null }
  return {
    args: ['--no-sandbox'],
    note: "Running as root: Chromium's sandbox refuses to start as root, so Electron runs with --no-sandbox. Run `npm start` as a normal user to keep it.",
  }
}

/**
 * Why an Electron that just exited should give way to browser mode, or null when its
 * exit means what it says (the user closed it, Ctrl+C, or Cubeta explained its failure).
 */
export function fallbackReason({ code, signal, elapsedMs, interrupted, stderr }) {
  if (interrupted || elapsedMs > earlyExitMs) return null
  if (code === 0 || code === startFailedExitCode) return null
  const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`
  const detail = lastWords(stderr)
  return `Electron ${how} as it started${detail ? ` (${detail})` : ''}`
}

/** The last line worth reading from a process's output, without Chromium's log prefix. */
export function lastWords(output, limit = 200) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter((line) => line !== '' && !/^at\s/.test(line))
  const chosen = lines.findLast((line) => /fatal|error|cannot|can't|not configured|denied|failed/i.test(line)) ?? lines.at(-1) ?? ''
  return chosen.length > limit ? `${chosen.slice(0, limit - 1)}…` : chosen
}

/** Whether asking for Electron's path will download its binary first (the `electron` package's own rule). */
export function downloadNeeded(electronDir, env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return false
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return true
  return !existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
}

export function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false'
}

/** The path of an installed (or just downloaded) Electron binary, or the reason there is none. */
function findElectronBinary(env) {
  const require = createRequire(join(projectDir, 'package.json'))
  let electronDir
  try {
    electronDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { reason: "the electron package isn't installed (run npm install)" }
  }
  const needsDownload = downloadNeeded(electronDir, env)
  if (needsDownload && isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD)) return { reason: "Electron's binary isn't installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set" }
  if (needsDownload) console.log("Electron's binary isn't installed yet: downloading it now (about 100 MB, once; this can take minutes)…")

  // require('electron') downloads when needed and prints progress and stack traces;
  // it runs in a child so only our lines reach the user.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n@electron-path@' + require('electron'))"], {
    cwd: projectDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30 * 60_000,
  })
  const binary = probe.status === 0 ? probe.stdout.split('\n@electron-path@').pop()?.trim() : null
  if (binary && existsSync(binary)) return { binary }
  const why = probe.error ? probe.error.message : lastWords(probe.stderr)
  return { reason: needsDownload ? `Electron's binary could not be downloaded${why ? ` (${why})` : ''}` : `Electron's binary could not be found${why ? ` (${why})` : ''}` }
}

/** Runs a child in the foreground, passes Ctrl+C on; `onExit` gets how it ended. */
function runChild(command, args, { watchStart = false, onExit }) {
  const started = Date.now()
  // While Electron may still fail to start, its stderr is held back, so a fallback says
  // one line instead of a page of Chromium errors; after that it flows through.
  const child = spawn(command, args, { cwd: projectDir, stdio: ['inherit', 'inherit', watchStart ? 'pipe' : 'inherit'] })
  let held = ''
  let holding = watchStart
  let interrupted = false
  const release = () => {
    if (!holding) return
    holding = false
    process.stderr.write(held)
    held = ''
  }
  const timer = watchStart ? setTimeout(release, earlyExitMs) : null
  child.stderr?.on('data', (chunk) => {
    if (holding) held += chunk
    else process.stderr.write(chunk)
  })
  const forward = (signal) => {
    interrupted = true
    child.kill(signal)
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward)
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  // 'close', not 'exit': by then every byte of its stderr has arrived.
  child.on('close', (code, signal) => {
    if (timer) clearTimeout(timer)
    for (const name of ['SIGINT', 'SIGTERM']) process.off(name, forward)
    onExit({ code, signal, elapsedMs: Date.now() - started, interrupted, stderr: held, release })
  })
}

function startBrowserMode(reason, forwardedArgs) {
  console.log(`${reason}; starting browser mode instead.`)
  runChild(process.execPath, [join(projectDir, 'out/main/serve.js'), ...forwardedArgs], {
    onExit: ({ code, signal }) => void (process.exitCode = code ?? (signal ? 1 : 0)),
  })
}

function main() {
  const forwardedArgs = process.argv.slice(2)
  const found = findElectronBinary(process.env)
  if (!found.binary) return startBrowserMode(found.reason, forwardedArgs)
  const sandbox = sandboxArgs(process.getuid?.(), process.platform)
  if (sandbox.note) console.log(sandbox.note)
  runChild(found.binary, [...sandbox.args, projectDir, ...forwardedArgs], {
    watchStart: true,
    onExit: (ended) => {
      const reason = fallbackReason(ended)
      if (reason) return startBrowserMode(reason, forwardedArgs)
      ended.release()
      process.exitCode = ended.code ?? (ended.signal ? 1 : 0)
    },
  })
}

const entry = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : null
if (entry === import.meta.url) main()
