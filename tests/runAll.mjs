#!/usr/bin/env node
/**
 * `npm test`: every suite, with its real peers started and stopped here
 *
 * 1. type-check and build (the end-to-end tests drive the built renderer), then scan the
 *    build with electronegativity (tests/securityScan.mjs);
 * 2. Vitest unit tests;
 * 3. inside a private D-Bus session with a throwaway, unlocked gnome-keyring (never the
 *    developer's own keyring) and one moto server: integration, keychain and
 *    Playwright tests.
 * `npm test -- unit|scan|integration|keychain|e2e` runs one stage (plus what it needs).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const stages = process.argv.slice(2)
const wants = (stage) => stages.length === 0 || stages.includes(stage)
const run = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status || 1)
  }
}

if (!process.env.CUBETA_IN_TEST_SESSION) {
  if (wants('typecheck')) run('npm', ['run', '--silent', 'typecheck'])
  // The unit tests read the built app too (tests/unit/electronChecklist.test.ts).
  if (wants('e2e') || wants('build') || wants('unit') || wants('scan')) run('npx', ['electron-vite', 'build', '--logLevel', 'warn'])
  if (wants('scan')) run(process.execPath, ['tests/securityScan.mjs'])
  if (wants('unit')) run('npx', ['vitest', 'run', '--project', 'unit'])
  if (!(wants('integration') || wants('keychain') || wants('e2e'))) process.exit(0)
  // Re-enter this script inside a private D-Bus session for the peer-backed stages.
  const which = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'])
  if (which.status !== 0) {
    console.error('dbus-run-session or gnome-keyring-daemon is missing: run `bash .ci/install-peers` first.')
    process.exit(1)
  }
  const inner = spawnSync('dbus-run-session', ['--', process.execPath, process.argv[1], ...stages], {
    stdio: 'inherit',
    env: { ...process.env, CUBETA_IN_TEST_SESSION: '1' },
  })
  process.exit(inner.status ?? 1)
}

// Inside the D-Bus session from here on.
const keyringHome = mkdtempSync(join(tmpdir(), 'cubeta-keyring-'))
const env = { ...process.env, XDG_DATA_HOME: keyringHome, XDG_RUNTIME_DIR: keyringHome }
const keyring = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--foreground'], {
  env,
  stdio: ['pipe', 'ignore', 'ignore'],
})
keyring.stdin.end('test')
await new Promise((r) => setTimeout(r, 800))

const { startMoto } = await import('./support/motoProcess.mjs')
const moto = await startMoto()
const peerEnv = { ...env, CUBETA_TEST_MOTO: moto.endpoint }
let status = 0
try {
  for (const [stage, command, args] of [
    ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
    ['keychain', 'npx', ['vitest', 'run', '--project', 'keychain']],
    ['e2e', 'npx', ['playwright', 'test']],
  ]) {
    if (!wants(stage)) continue
    if (stage === 'e2e' && !existsSync(join('node_modules', 'electron', 'path.txt')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      // Playwright lists a skip as a bare dash; say why once.
      console.log("Electron's binary is not installed here: the _electron tests will skip; the same journeys run in browser mode.")
    }
    const result = spawnSync(command, args, { stdio: 'inherit', env: peerEnv })
    if (result.status !== 0) {
      console.error(`\n✗ ${stage} tests failed.`)
      status = result.status || 1
      break
    }
  }
} finally {
  await moto.stop()
  keyring.kill('SIGTERM')
  rmSync(keyringHome, { recursive: true, force: true })
}
process.exit(status)
