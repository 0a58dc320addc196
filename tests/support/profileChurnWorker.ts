/**
 * One Cubeta process for the two-process profile test: a backend on the shared data
 * folder and the real keyring, which waits for "go" on stdin, runs its operations all at
 * once, and prints the answers as one JSON line. Run with jiti (TypeScript, no build).
 */
import { readFileSync } from 'node:fs'
import { createBackend } from '../../src-main/composition/createBackend'
import { createKeytarSecretStore } from '../../src-main/services/keychain/keytarSecretStore'
import { runChurn, type ChurnOp } from './profileChurn'

const [dataDir, service, endpoint, opsFile] = process.argv.slice(2) as [string, string, string, string]
const ops = JSON.parse(readFileSync(opsFile, 'utf8')) as ChurnOp[]

const backend = await createBackend({ dataDir, shell: 'browser', osLocale: 'en-US', version: 'test', homeDir: dataDir, secretStore: createKeytarSecretStore(service), awsEndpointOverride: endpoint, log: (line) => process.stderr.write(`${line}\n`) })
process.stdout.write('ready\n')
process.stdin.once('data', async () => {
  const results = await runChurn((name, input) => backend.router.dispatch(name, input), ops)
  process.stdout.write(`${JSON.stringify(results)}\n`)
  await backend.close()
  process.exit(0)
})
