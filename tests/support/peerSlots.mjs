/**
 * Peer slots: one private keyring and one moto server per test worker
 *
 * `npm test` runs integration files and journeys two at a time (one per core). Tests
 * reset moto between tests, and Cubeta reconciles every Cubeta secret in the keyring at
 * start, so two workers must never share either: slot 0 is the D-Bus session that
 * tests/runAll.mjs runs in, each further slot gets its own D-Bus daemon with its own
 * unlocked gnome-keyring, and every slot its own moto. The slots reach the tests as
 * CUBETA_TEST_SLOTS (JSON); tests/support/testSlot.ts picks the worker's own.
 * Plain JS so that tests/runAll.mjs can use it.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMoto } from './motoProcess.mjs'

/** gnome-keyring, unlocked with a throwaway password, for the D-Bus session in `env`. */
function startKeyring(env) {
  const home = mkdtempSync(join(tmpdir(), 'cubeta-keyring-'))
  const keyring = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--foreground'], {
    env: { ...env, XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home },
    stdio: ['pipe', 'ignore', 'ignore'],
  })
  keyring.stdin.end('test')
  return {
    home,
    stop() {
      keyring.kill('SIGTERM')
      rmSync(home, { recursive: true, force: true })
    },
  }
}

/** A D-Bus session daemon of its own; resolves with its address once it listens. */
function startDbus() {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] })
  return new Promise((resolve, reject) => {
    let printed = ''
    daemon.stdout.on('data', (chunk) => {
      printed += chunk
      const line = printed.split('\n')[0]
      if (printed.includes('\n')) resolve({ address: line.trim(), stop: () => daemon.kill('SIGTERM') })
    })
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)))
  })
}

/**
 * `count` slots; slot 0 uses the D-Bus session of `env` (the one runAll re-entered in).
 * The keyrings get a moment to claim the Secret Service name, as runAll always gave one.
 */
export async function startPeerSlots(count, env) {
  const started = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const dbus = index === 0 ? { address: env.DBUS_SESSION_BUS_ADDRESS, stop: () => undefined } : await startDbus()
      const keyring = startKeyring({ ...env, DBUS_SESSION_BUS_ADDRESS: dbus.address })
      const moto = await startMoto()
      return { dbus, keyring, moto }
    }),
  )
  await new Promise((r) => setTimeout(r, 800))
  return {
    /** For the tests: `[{ moto, dbus }]`, one per worker. */
    slots: started.map((s) => ({ moto: s.moto.endpoint, dbus: s.dbus.address })),
    /** Slot 0's keyring folders, for the runners' own environment. */
    keyringHome: started[0].keyring.home,
    async stop() {
      for (const s of started) {
        await s.moto.stop()
        s.keyring.stop()
        s.dbus.stop()
      }
    },
  }
}
