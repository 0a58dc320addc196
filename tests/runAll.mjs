#!/usr/bin/env node
/**
 * `npm test`: every suite, with its real peers set up, started and stopped here
 *
 * 0. the test peers: `.ci/install-peers --check` (offline, well under a second); if
 *    anything is missing, `.ci/install-peers` installs it, or says the one command to
 *    run and nothing else runs;
 * 1. type-check, lint (the layers, eslint.config.mjs) and build (the end-to-end tests
 *    drive the built renderer), then scan the build with electronegativity;
 * 2. Vitest unit tests;
 * 3. inside a private D-Bus session, with a throwaway, unlocked gnome-keyring (never the
 *    developer's own keyring) and a moto server for each of the two test workers
 *    (tests/support/peerSlots.mjs; CUBETA_TEST_WORKERS=1 for one): integration,
 *    keychain and Playwright tests.
 * `npm test -- unit|lint|scan|integration|keychain|e2e` runs one stage (plus what it needs);
 * `npm test -- tests/e2e/uploads.spec.ts tests/integration/sync.test.ts` runs just those
 * files, each in its own stage with the same peers.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const args = process.argv.slice(2)
const files = args.filter((arg) => arg.endsWith('.ts'))
const stageOf = (file) => ({ e2e: 'e2e', electron: 'e2e', integration: 'integration', keychain: 'keychain', unit: 'unit' })[file.split('/')[1]]
for (const file of files) {
  if (!stageOf(file)) {
    console.error(`✗ ${file}: not under tests/unit, tests/integration, tests/keychain, tests/e2e or tests/electron.`)
    process.exit(2)
  }
}
const stages = files.length ? [...new Set(files.map(stageOf))] : args
const filesOf = (stage) => files.filter((file) => stageOf(file) === stage)
const wants = (stage) => stages.length === 0 || stages.includes(stage)
const run = (command, args, env = process.env) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status || 1)
  }
}

const needsPeers = wants('integration') || wants('keychain') || wants('e2e')

if (!process.env.CUBETA_IN_TEST_SESSION) {
  if (needsPeers && spawnSync('bash', ['.ci/install-peers', '--check'], { stdio: 'inherit' }).status !== 0) {
    const installed = spawnSync('bash', ['.ci/install-peers'], { stdio: 'inherit' })
    // It printed what to do; running half the suites would only bury that.
    if (installed.status !== 0) process.exit(installed.status || 1)
  }
  if (wants('typecheck')) run('npm', ['run', '--silent', 'typecheck'])
  if (wants('lint')) run('npx', ['eslint', '--max-warnings', '0', '.'])
  // The unit tests read the built app too (tests/unit/electronChecklist.test.ts).
  if (wants('e2e') || wants('build') || wants('unit') || wants('scan')) run('npx', ['electron-vite', 'build', '--logLevel', 'warn'])
  if (wants('scan')) run(process.execPath, ['tests/securityScan.mjs'])
  if (wants('unit')) run('npx', ['vitest', 'run', '--project', 'unit', ...filesOf('unit')])
  if (!needsPeers) process.exit(0)
  // Re-enter this script inside a private D-Bus session for the peer-backed stages.
  const inner = spawnSync('dbus-run-session', ['--', process.execPath, process.argv[1], ...args], {
    stdio: 'inherit',
    env: { ...process.env, CUBETA_IN_TEST_SESSION: '1' },
  })
  process.exit(inner.status ?? 1)
}

// Inside the D-Bus session from here on: a private keyring and a moto for each test
// worker (tests/support/peerSlots.mjs), two workers unless CUBETA_TEST_WORKERS says.
const workers = Math.max(1, Number(process.env.CUBETA_TEST_WORKERS) || 2)
const { startPeerSlots } = await import('./support/peerSlots.mjs')
const peers = await startPeerSlots(workers, process.env)
const env = { ...process.env, XDG_DATA_HOME: peers.keyringHome, XDG_RUNTIME_DIR: peers.keyringHome }
const peerEnv = { ...env, CUBETA_TEST_MOTO: peers.slots[0].moto, CUBETA_TEST_SLOTS: JSON.stringify(peers.slots) }
let status = 0
try {
  for (const [stage, command, args] of [
    ['integration', 'npx', ['vitest', 'run', '--project', 'integration', ...filesOf('integration')]],
    ['keychain', 'npx', ['vitest', 'run', '--project', 'keychain', ...filesOf('keychain')]],
    ['e2e', 'npx', ['playwright', 'test', ...filesOf('e2e')]],
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
  await peers.stop()
}
process.exit(status)
