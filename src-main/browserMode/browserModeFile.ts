import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'

/**
 * browser-mode.json in the data folder: how `npm run new-token` finds the running server
 *
 * It holds the port, the host name and a control key, readable by this user only (as the
 * data folder itself is). The key lets the command ask for a new sign-in link; a browser
 * page can't read the file, so no page can.
 */
export interface BrowserModeRecord {
  pid: number
  port: number
  host: string
  controlKey: string
}

const fileIn = (dataDir: string) => join(dataDir, 'browser-mode.json')

export const newControlKey = () => randomBytes(32).toString('base64url')

export async function writeBrowserModeRecord(dataDir: string, record: BrowserModeRecord): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  await writeFile(fileIn(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o600 })
}

/** Removes the record, unless another server started since and wrote its own. */
export async function removeBrowserModeRecord(dataDir: string, pid: number): Promise<void> {
  const current = await readBrowserModeRecord(dataDir)
  if (current?.pid === pid) await rm(fileIn(dataDir), { force: true })
}

export async function readBrowserModeRecord(dataDir: string): Promise<BrowserModeRecord | null> {
  try {
    const value = JSON.parse(await readFile(fileIn(dataDir), 'utf8')) as Partial<BrowserModeRecord>
    const ok = typeof value.pid === 'number' && typeof value.port === 'number' && typeof value.host === 'string' && typeof value.controlKey === 'string'
    return ok ? (value as BrowserModeRecord) : null
  } catch {
    return null
  }
}

/** Asks the running server for a new single-use sign-in link. */
export function requestNewSignInUrl(record: BrowserModeRecord): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: record.port, method: 'POST', path: '/api/control/new-token', setHost: false, headers: { host: `${record.host}:${record.port}`, 'x-cubeta-control': record.controlKey }, timeout: 5_000 },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => {
          const url = res.statusCode === 200 ? (JSON.parse(body) as { url?: unknown }).url : null
          if (typeof url === 'string') resolve(url)
          else reject(new Error(`the server answered ${res.statusCode}: ${body.slice(0, 200)}`))
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('the server did not answer')))
    req.on('error', reject)
    req.end()
  })
}
