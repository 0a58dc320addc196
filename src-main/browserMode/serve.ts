import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createBackend } from '../composition/createBackend'
import { defaultDataDir, ensureDataDir } from '../services/dataFiles/dataDir'
import { redactSecrets } from '../core/redact'
import { newControlKey, readBrowserModeRecord, removeBrowserModeRecord, requestNewSignInUrl, writeBrowserModeRecord } from './browserModeFile'
import { startBrowserServer } from './browserServer'

/**
 * `npm run serve`: Cubeta without a desktop session
 *
 * Binds to 127.0.0.1 only, and answers only to a host name of its own,
 * `cubeta-<random>.localhost` (browsers resolve *.localhost to loopback), so its session
 * cookie is never sent to another local server. Prints a sign-in link that works once,
 * for 5 minutes; `npm run new-token` (this script with --new-token) prints another.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.CUBETA_PORT ?? '0' },
      'data-dir': { type: 'string' },
      'new-token': { type: 'boolean', default: false },
    },
  })
  const customDataDir = values['data-dir'] ?? (process.env.CUBETA_DATA_DIR || null)
  const dataDir = customDataDir ?? defaultDataDir()
  if (values['new-token']) return printNewToken(dataDir)

  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (0 picks a free one); got "${values.port}".`)
    process.exit(2)
  }
  const backend = await createBackend({
    dataDir: ensureDataDir(dataDir),
    // Only the folder the desktop app shares may offer to remove secrets no profile uses.
    claimUnknownSecrets: customDataDir === null,
    shell: 'browser',
    osLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    version: packageVersion(),
    homeDir: homedir(),
    awsEndpointOverride: process.env.CUBETA_AWS_ENDPOINT || null,
    log: (line) => console.error(redactSecrets(line)),
  })
  const controlKey = newControlKey()
  const server = await startBrowserServer({
    backend,
    rendererDir: join(__dirname, '../renderer'),
    host: `cubeta-${randomBytes(5).toString('hex')}.localhost`,
    port,
    controlKey,
  })
  await writeBrowserModeRecord(dataDir, { pid: process.pid, port: server.port, host: new URL(server.origin).hostname, controlKey })
  console.log(
    `Cubeta is running in browser mode. Open this link in your browser; it works once, within 5 minutes:\n\n    ${server.url}\n\n` +
      `For another link later, run "npm run new-token" in this folder. Press Ctrl+C to stop.`,
  )

  const stop = async () => {
    await removeBrowserModeRecord(dataDir, process.pid).catch(() => undefined)
    await server.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

async function printNewToken(dataDir: string) {
  const record = await readBrowserModeRecord(dataDir)
  if (!record) {
    console.error(`Cubeta is not running in browser mode with the data folder ${dataDir}. Start it with "npm run serve".`)
    process.exit(1)
  }
  const url = await requestNewSignInUrl(record).catch((error: Error) => {
    console.error(`Cubeta's browser mode did not answer (${error.message}). If it was stopped, start it again with "npm run serve".`)
    process.exit(1)
  })
  console.log(`A new sign-in link; it works once, within 5 minutes:\n\n    ${url}\n`)
}

/** The app's version from its package.json, whether started by npm or by hand. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version
  } catch {
    return process.env.npm_package_version ?? '0.0.0'
  }
}

main().catch((error) => {
  console.error(`Cubeta could not start browser mode: ${redactSecrets(String((error as Error)?.message ?? error))}`)
  process.exit(1)
})
