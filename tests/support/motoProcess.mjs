/**
 * Starts moto_server on a free loopback port
 *
 * Plain JS so that both tests/runAll.mjs and the TypeScript tests use the same code.
 * MOTO_IAM_LOAD_MANAGED_POLICIES makes AWS managed policies (AmazonS3FullAccess) exist;
 * tests/support/motoServer.py builds them in the one partition the tests use, which
 * makes each reset seconds faster (it says why).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'

export function motoServerBinary() {
  const candidates = [process.env.MOTO_SERVER, join(process.cwd(), '.peers/venv/bin/moto_server')].filter(Boolean)
  const found = candidates.find((c) => existsSync(c))
  if (!found) throw new Error('moto_server not found: run `bash .ci/install-peers` (or set MOTO_SERVER), then npm test.')
  return found
}

/** moto's own python, to run tests/support/motoServer.py; null where moto_server stands alone. */
export function motoPython() {
  const python = join(dirname(motoServerBinary()), 'python')
  return existsSync(python) ? python : null
}

// From the repository's root, as .peers is: Playwright loads this file as CommonJS, without import.meta.
export const motoServerScript = join(process.cwd(), 'tests/support/motoServer.py')

export async function startMoto() {
  const port = await freePort()
  const python = motoPython()
  const serverArgs = ['-H', '127.0.0.1', '-p', String(port)]
  const child = spawn(python ?? motoServerBinary(), python ? [motoServerScript, ...serverArgs] : serverArgs, {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
    stdio: 'ignore',
  })
  const endpoint = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`)
    if (attempt > 300) throw new Error('moto_server did not answer within 30 s')
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

/** A free loopback port, for servers a test starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}
