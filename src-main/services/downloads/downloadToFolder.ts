import { randomBytes } from 'node:crypto'
import { access, mkdir, rename, rm } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { AppError } from '../../core/appError'
import { keepBothName } from '../transfers/keepBothName'
import { downloadRanged } from './rangedDownload'

/**
 * Downloads objects into a folder on disk
 *
 * Bytes go to a temporary file beside the target and are renamed only when complete,
 * so an interrupted download never leaves a truncated file under the real name. An
 * existing file is never replaced: the new one gets a "name (1).ext" name. Keys become
 * paths below the folder, and a key that would climb out of it ("../") is refused.
 */
export async function downloadToFolder(s3: S3Client, bucket: string, keys: (string | { key: string; versionId: string })[], folder: string): Promise<string[]> {
  const written: string[] = []
  for (const item of keys) {
    const { key, versionId } = typeof item === 'string' ? { key: item, versionId: undefined } : item
    const target = await freePath(safePath(folder, key))
    await mkdir(dirname(target), { recursive: true })
    const temporary = `${target}.${randomBytes(4).toString('hex')}.part`
    try {
      await downloadRanged(s3, bucket, key, temporary, undefined, versionId)
      await rename(temporary, target)
      written.push(target)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
  return written
}

export function safePath(folder: string, key: string): string {
  const root = resolve(folder)
  const target = resolve(root, ...key.split('/').filter((part) => part !== ''))
  if (!target.startsWith(root + sep) || key.split('/').includes('..')) {
    throw new AppError('unsafe-key', `The key “${key}” would be saved outside the chosen folder.`, 'Download it on its own, or rename it first.', { key })
  }
  return target
}

async function freePath(path: string): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? path : keepBothName(path, n)
    try {
      await access(candidate)
    } catch {
      return candidate
    }
  }
}

