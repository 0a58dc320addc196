import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

/**
 * A throwaway `django-admin startproject` site, with the settings Cubeta exports pasted in
 *
 * The Django process runs with a clean environment and a throwaway HOME, so boto3 finds
 * no AWS_* variable and no ~/.aws: only the pasted settings and the .env count. The one
 * addition is AWS_S3_ENDPOINT_URL, pointing django-storages at moto.
 * Django 5.2 and django-storages come from the peers' virtualenv; Django 4.1 (for the
 * pre-STORAGES settings) from its own folder put first on PYTHONPATH (.ci/install-peers).
 */
const run = promisify(execFile)
const python = join(process.cwd(), '.peers/venv/bin/python')
const django41 = join(process.cwd(), '.peers/django-4.1')
const probeSource = join(import.meta.dirname, 'djangoProbe.py')

export type DjangoRelease = '5.2' | '4.1'

export interface DjangoProject {
  dir: string
  /** `python manage.py ARGS`; rejects with the output when it exits non-zero. */
  manage(...args: string[]): Promise<{ stdout: string; stderr: string }>
  /** One request to djangoProbe.py, answered in JSON. */
  probe<T>(request: { action: string; [field: string]: unknown }): Promise<T>
  settingsText(): Promise<string>
  remove(): Promise<void>
}

export function djangoPeersMissing(release: DjangoRelease): string | null {
  if (!existsSync(python)) return `${python} is missing: run \`bash .ci/install-peers\`.`
  if (release === '4.1' && !existsSync(join(django41, 'django'))) return `${django41} is missing: run \`bash .ci/install-peers\`.`
  return null
}

export async function createDjangoProject(options: { release: DjangoRelease; settings: string; env: string; endpoint: string }): Promise<DjangoProject> {
  const missing = djangoPeersMissing(options.release)
  if (missing) throw new Error(missing)
  const root = await mkdtemp(join(tmpdir(), 'cubeta-django-'))
  const home = join(root, 'home')
  const dir = join(root, 'project')
  await mkdir(home)
  await mkdir(dir)
  const env: NodeJS.ProcessEnv = {
    PATH: `${dirname(python)}:/usr/bin:/bin`,
    HOME: home,
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    ...(options.release === '4.1' ? { PYTHONPATH: django41 } : {}),
  }
  const py = (args: string[]) => run(python, args, { cwd: dir, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 })

  await py(['-m', 'django', 'startproject', 'blog', dir])
  const settingsPath = join(dir, 'blog', 'settings.py')
  await appendFile(settingsPath, `\n${options.settings}\nAWS_S3_ENDPOINT_URL = "${options.endpoint}"\n`)
  await writeFile(join(dir, '.env'), `${options.env}\n`)
  await copyFile(probeSource, join(dir, 'djangoProbe.py'))

  let requests = 0
  return {
    dir,
    manage: (...args) => py(['manage.py', ...args]),
    async probe<T>(request: { action: string }) {
      const file = join(root, `request-${++requests}.json`)
      await writeFile(file, JSON.stringify(request))
      const { stdout } = await py(['djangoProbe.py', file])
      return JSON.parse(stdout) as T
    },
    settingsText: () => readFile(settingsPath, 'utf8'),
    remove: () => rm(root, { recursive: true, force: true }),
  }
}
