import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AwsFileProfile, ImportResult, SecretStorageKind } from '../../contract/bridge'
import { AppError } from '../../core/appError'
import { rememberSecret } from '../../core/redact'
import { maskKeyId } from '../../core/maskKeyId'
import type { ProfileService } from '../profiles/profileService'
import { isAwsRegion } from '../../contract/rules/regions'
import { readAwsFileProfiles, type AwsFileEntry } from './awsFileProfiles'

export interface AwsFileImport {
  scan(): Promise<AwsFileProfile[]>
  importProfiles(names: string[], secretStorage: SecretStorageKind): Promise<ImportResult>
}

/** Honours AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE, as the AWS CLI does. */
export function awsFilePaths(homeDir: string, env: NodeJS.ProcessEnv = process.env) {
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(homeDir, '.aws', 'credentials'),
    config: env.AWS_CONFIG_FILE || join(homeDir, '.aws', 'config'),
  }
}

/** Import from the AWS CLI's files, only when the user asks; each key is checked like a new profile. */
export function createAwsFileImport(deps: { homeDir: string; profiles: ProfileService; env?: NodeJS.ProcessEnv }): AwsFileImport {
  const paths = awsFilePaths(deps.homeDir, deps.env)
  const read = async (): Promise<AwsFileEntry[]> => {
    const [credentials, config] = await Promise.all([readOptional(paths.credentials), readOptional(paths.config)])
    if (credentials === null && config === null) {
      throw new AppError('aws-files-not-found', `There is no ${paths.credentials} or ${paths.config} on this computer.`,
        'Add a profile with its keys instead, or run "aws configure" first.', { path: paths.credentials })
    }
    const entries = readAwsFileProfiles(credentials, config)
    // Read from disk into this process: masked in any log or error from now on.
    for (const entry of entries) rememberSecret(entry.secretAccessKey)
    return entries
  }

  return {
    async scan() {
      const existing = new Set((await deps.profiles.list()).map((p) => p.name.toLowerCase()))
      return (await read()).map((entry) => ({
        name: entry.name,
        keyIdMasked: entry.accessKeyId ? maskKeyId(entry.accessKeyId) : '',
        region: entry.region,
        endpoint: entry.endpoint,
        alreadyImported: existing.has(entry.name.toLowerCase()),
        unsupported: entry.unsupported,
      }))
    },

    async importProfiles(names, secretStorage) {
      const entries = new Map((await read()).map((e) => [e.name, e]))
      const result: ImportResult = { imported: [], failed: [] }
      for (const name of names) {
        const entry = entries.get(name)
        try {
          if (!entry) throw new AppError('aws-profile-missing', `There is no profile “${name}” in the AWS files.`, 'Scan the files again.')
          if (entry.unsupported || !entry.accessKeyId || !entry.secretAccessKey) {
            throw new AppError('aws-profile-unsupported', `The profile “${name}” ${entry.unsupported ?? 'has no keys'}.`,
              'Add a profile with the access key ID and secret of an IAM user instead.', { name })
          }
          const region = entry.region ?? 'us-east-1'
          result.imported.push(
            await deps.profiles.add({
              name,
              accessKeyId: entry.accessKeyId,
              secretAccessKey: entry.secretAccessKey,
              region: entry.endpoint || isAwsRegion(region) ? region : 'us-east-1',
              endpoint: entry.endpoint,
              forcePathStyle: entry.endpoint !== null,
              secretStorage,
            }),
          )
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          result.failed.push({ name, error: error.toBridge() })
        }
      }
      return result
    },
  }
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new AppError('aws-files-unreadable', `Cubeta could not read ${path}.`, 'Check the file permissions and try again.', { path })
  }
}
