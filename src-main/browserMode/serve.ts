import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createBackend } from '../services/backend/createBackend'
import { redactSecrets } from '../services/security/redact'
import { startBrowserServer } from './browserServer'
import { defaultDataDir } from './dataDir'

/**
 * `npm run serve`: Cubeta without a desktop session
 *
 * Prints a tokened URL, as Jupyter does. Binds to 127.0.0.1 only.
 */
async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: process.env.CUBETA_PORT ?? '0' }, 'data-dir': { type: 'string' } },
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (0 picks a free one); got "${values.port}".`)
    process.exit(2)
  }
  const backend = await createBackend({
    dataDir: values['data-dir'] ?? defaultDataDir(),
    shell: 'browser',
    osLocale: Intl.DateTimeFormat().resolvedOptions().locale,
    version: packageVersion(),
    homeDir: homedir(),
    awsEndpointOverride: process.env.CUBETA_AWS_ENDPOINT || null,
    log: (line) => console.error(redactSecrets(line)),
  })
  const server = await startBrowserServer({
    backend,
    rendererDir: join(__dirname, '../renderer'),
    token: randomBytes(24).toString('base64url'),
    port,
  })
  console.log(`Cubeta is running in browser mode. Open this URL in your browser:\n\n    ${server.url}\n\nPress Ctrl+C to stop.`)

  const stop = async () => {
    await server.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
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
