import './testSlot'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Cubeta in browser mode, as a user would start it (`node out/main/serve.js`), with a
 * fresh data folder and home, and every AWS endpoint pointed at moto. `url` is the
 * printed sign-in link (`http://cubeta-<random>.localhost:<port>/?token=…`): it works
 * once, so a second browser context asks for another with `newSignInUrl()`.
 */
export const signInLinkPattern = /http:\/\/cubeta-[0-9a-f]+\.localhost:\d+\/\?token=[\w-]+/
export interface BrowserModeApp {
  url: string
  origin: string
  dataDir: string
  home: string
  output: () => string
  /** A new single-use sign-in link, from `serve.js --new-token` as a user would ask for it. */
  newSignInUrl(): Promise<string>
  dataFolderText(): Promise<string>
  stop(): Promise<void>
  /** As the OS would on a crash: no shutdown, and the data folder stays for the next start. */
  kill(): Promise<void>
}

export async function startBrowserMode(
  motoEndpoint: string,
  env: Record<string, string> = {},
  folders: { dataDir?: string; home?: string } = {},
): Promise<BrowserModeApp> {
  const dataDir = folders.dataDir ?? (await mkdtemp(join(tmpdir(), 'cubeta-e2e-data-')))
  const home = folders.home ?? (await mkdtemp(join(tmpdir(), 'cubeta-e2e-home-')))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['out/main/serve.js'], {
    env: { ...process.env, CUBETA_DATA_DIR: dataDir, HOME: home, CUBETA_AWS_ENDPOINT: motoEndpoint, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.js printed no URL:\n${output}`)), 20_000)
    const look = () => {
      const match = signInLinkPattern.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', look)
    child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}:\n${output}`)))
  })
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    home,
    output: () => output,
    newSignInUrl: () =>
      new Promise((resolve, reject) => {
        execFile(process.execPath, ['out/main/serve.js', '--new-token'], { env: { ...process.env, CUBETA_DATA_DIR: dataDir, HOME: home, ...env } }, (error, stdout, stderr) => {
          const match = signInLinkPattern.exec(stdout)
          if (match) resolve(match[0])
          else reject(new Error(`--new-token printed no link (${error?.message ?? 'no error'}):\n${stdout}${stderr}`))
        })
      }),
    async dataFolderText() {
      const names = await readdir(dataDir, { recursive: true })
      return (await Promise.all(names.map((n) => readFile(join(dataDir, n), 'utf8').catch(() => '')))).join('\n')
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      await rm(dataDir, { recursive: true, force: true })
      await rm(home, { recursive: true, force: true })
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
    },
  }
}
