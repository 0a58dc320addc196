import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { downloadNeeded, earlyExitMs, fallbackReason, lastWords, sandboxArgs, startFailedExitCode } from '../../src-main/electron/start.mjs'

/**
 * `npm start` (src-main/electron/start.mjs): Electron when it can start, browser mode
 * with one line of reason when it can't
 *
 * The rules are pure functions; the launcher itself runs here too, with a stand-in
 * Electron binary (ELECTRON_OVERRIDE_DIST_PATH, as the electron package honours) that
 * dies the way the real one does when Chromium's sandbox is refused.
 */
const projectDir = resolve(import.meta.dirname, '../..')
const launcher = join(projectDir, 'src-main/electron/start.mjs')
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const chromiumSandboxDeath = '[4242:0101/000000.000:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I\'m aborting now.'

describe('the sandbox switch', () => {
  it('is added only for root on Linux, and said', () => {
    expect(sandboxArgs(0, 'linux').args).toEqual(['--no-sandbox'])
    expect(sandboxArgs(0, 'linux').note).toMatch(/root.*--no-sandbox/)
    for (const [uid, platform] of [[1000, 'linux'], [0, 'darwin'], [undefined, 'win32']] as const) expect(sandboxArgs(uid, platform)).toEqual({ args: [], note: null })
  })
})

describe('falling back to browser mode', () => {
  const early = { code: 133, signal: null, elapsedMs: 300, interrupted: false, stderr: chromiumSandboxDeath }

  it("happens when Electron dies in its first seconds, with Chromium's reason in one line", () => {
    const reason = fallbackReason(early)
    expect(reason).toBe("Electron exited with code 133 as it started (The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now.)")
    expect(fallbackReason({ ...early, code: null, signal: 'SIGTRAP' })).toMatch(/^Electron was stopped by SIGTRAP as it started/)
  })

  it('does not happen for a normal quit, a Ctrl+C, a start Cubeta explained itself, or a crash after the first seconds', () => {
    expect(fallbackReason({ ...early, code: 0 })).toBeNull()
    expect(fallbackReason({ ...early, code: startFailedExitCode })).toBeNull()
    expect(fallbackReason({ ...early, code: null, signal: 'SIGINT', interrupted: true })).toBeNull()
    expect(fallbackReason({ ...early, elapsedMs: earlyExitMs + 1 })).toBeNull()
  })

  it('keeps the reason short and skips stack lines', () => {
    expect(lastWords('Error: boom\n    at a (x.js:1)\n    at b (y.js:2)\n')).toBe('Error: boom')
    expect(lastWords('x'.repeat(500))).toHaveLength(200)
    expect(lastWords('')).toBe('')
  })
})

describe('the first-run download', () => {
  it('is needed without path.txt or without the binary it names, and never with an override', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cubeta-electron-pkg-'))
    dirs.push(dir)
    expect(downloadNeeded(dir, {})).toBe(true)
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(downloadNeeded(dir, {})).toBe(true)
    rmSync(join(dir, 'path.txt'))
    expect(downloadNeeded(dir, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBe(false)
  })
})

/** A fake Electron binary: a shell script with the given body. */
function fakeElectron(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubeta-fake-electron-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\necho "$@" > "${dir}/args"\n${body}\n`)
  chmodSync(join(dir, 'electron'), 0o755)
  return dir
}

/** Runs `npm start`'s launcher until it exits, or until browser mode says it is up (then stops it). */
function launch(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const data = mkdtempSync(join(tmpdir(), 'cubeta-launch-data-'))
  dirs.push(data)
  return new Promise((done) => {
    const child = spawn(process.execPath, [launcher, '--port', '0'], { cwd: projectDir, env: { ...process.env, CUBETA_DATA_DIR: data, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      if (stdout.includes('Cubeta is running in browser mode')) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}

describe('npm start, for real', () => {
  it.skipIf(!existsSync(join(projectDir, 'out/main/serve.js')))('starts browser mode with one line of reason when Electron dies at once', async () => {
    const dir = fakeElectron(`cat >&2 <<'EOF'\n${chromiumSandboxDeath}\nEOF\nexit 133`)
    const { stdout, stderr } = await launch({ ELECTRON_OVERRIDE_DIST_PATH: dir })
    const lines = stdout.trim().split('\n')
    const fallback = lines.filter((line) => line.includes('starting browser mode instead'))
    expect(fallback).toEqual(["Electron exited with code 133 as it started (The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now.); starting browser mode instead."])
    expect(stdout).toMatch(/Cubeta is running in browser mode/)
    expect(stderr).not.toMatch(/FATAL|setuid_sandbox_host/) // held back, said once above
    // As root (CI containers) the switch is added and said; as a user it isn't.
    const root = process.getuid?.() === 0
    expect(readFileSync(join(dir, 'args'), 'utf8').includes('--no-sandbox')).toBe(root)
    expect(lines.some((line) => line.startsWith('Running as root'))).toBe(root)
  })

  it('passes on the exit code of a start Cubeta explained itself, without browser mode', async () => {
    const dir = fakeElectron(`echo 'Cubeta could not start: the data folder is not writable' >&2\nexit ${startFailedExitCode}`)
    const { code, stdout, stderr } = await launch({ ELECTRON_OVERRIDE_DIST_PATH: dir })
    expect(code).toBe(startFailedExitCode)
    expect(stdout).not.toMatch(/browser mode/)
    expect(stderr).toMatch(/the data folder is not writable/) // not hidden: it's Cubeta's own words
  })

  it('ends with Electron when the user quits it', async () => {
    const { code, stdout } = await launch({ ELECTRON_OVERRIDE_DIST_PATH: fakeElectron('exit 0') })
    expect(code).toBe(0)
    expect(stdout).not.toMatch(/browser mode/)
  })

  it.skipIf(existsSync(join(projectDir, 'node_modules/electron/path.txt')) || !existsSync(join(projectDir, 'out/main/serve.js')))('says in one line that the binary is missing when downloads are off', async () => {
    const { stdout, stderr } = await launch({ ELECTRON_OVERRIDE_DIST_PATH: '', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(stdout.split('\n')[0]).toBe("Electron's binary isn't installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set; starting browser mode instead.")
    expect(`${stdout}${stderr}`).not.toMatch(/\bat \S+:\d+/)
  })
})
