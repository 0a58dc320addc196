import { AppError } from '../../core/appError'

/**
 * The file browser's own failures, in one place
 *
 * Each has a stable code the renderer translates by, an English sentence, and a remedy.
 * AWS's own errors (access denied, no such key...) go through toAppError instead.
 */
export const objectErrors = {
  folderExists: (key: string) =>
    new AppError('folder-exists', `A folder named “${lastSegment(key)}” already exists here.`, 'Open that folder, or choose another name.', { key }),
  targetExists: (key: string) =>
    new AppError('target-exists', `“${key}” already exists, and Cubeta will not overwrite it.`,
      'Choose another name, or delete or move the existing one first.', { key }),
  objectNotFound: (key: string) =>
    new AppError('object-not-found', `“${key}” no longer exists.`, 'Refresh the folder: someone may have moved or deleted it.', { key }),
  intoItself: (from: string) =>
    new AppError('rename-into-itself', `A folder cannot be moved into itself (“${from}”).`, 'Choose a destination outside that folder.', { key: from }),
  invalidTarget: (to: string) =>
    new AppError('invalid-target', `A file name cannot end with “/” (“${to}”).`, 'Remove the trailing slash, or rename a folder instead.', { key: to }),
  keyTooLong: (key: string) =>
    new AppError('key-too-long', 'A new name would make a key longer than 1,024 bytes, the S3 limit.', 'Choose a shorter name or a shallower folder.', { key }),
  objectChanged: (key: string) =>
    new AppError('object-changed', `“${key}” changed while Cubeta was copying it.`, 'Refresh the folder and try again.', { key }),
  renameIncomplete: (from: string, left: number) =>
    new AppError('rename-incomplete', `Everything was copied to the new name, but ${left} original(s) under “${from}” could not be deleted.`,
      'Delete the leftovers by hand, or try the rename again.', { key: from, count: left }),
  noBaseUrl: () =>
    new AppError('no-base-url', 'This profile has no public base URL.',
      'Set one in Edit profile (for example your CloudFront or custom domain), or copy the public URL instead.'),
  unreachableKey: (key: string, segment: string, suggestion: string) =>
    new AppError('key-unreachable', `No URL can reach “${key}”: every browser removes its “${segment}” part, so the URL would open another object.`,
      `Rename it, for example to “${suggestion}”.`, { key, segment, suggestion }),
  publicCheckFailed: (url: string) =>
    new AppError('public-check-failed', `Cubeta could not fetch ${url} to check whether it is public.`,
      'Check your internet connection, and the public base URL if the profile has one.', { url }),
}

function lastSegment(key: string): string {
  return key.replace(/\/+$/, '').split('/').pop() ?? key
}
