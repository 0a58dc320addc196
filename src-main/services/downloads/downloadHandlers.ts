import type { Readable } from 'node:stream'
import { AppError } from '../../core/appError'
import type { Handlers } from '../../core/handlers'
import type { ScopeFor } from '../objects/bucketScope'
import { createDownloadLinks, type DownloadRef } from './downloadLinks'
import { downloadToFolder } from './downloadToFolder'
import { openResumable } from './resumableObjectStream'

export interface OpenedDownload {
  body: Readable
  length: number | null
  fileName: string
}

/** Downloads: to a chosen folder in Electron, through a one-time link in browser mode. */
export function createDownloadHandlers(deps: { scopeFor: ScopeFor; chooseFolder?: () => Promise<string | null> }) {
  const links = createDownloadLinks()
  const handlers: Pick<Handlers, 'objects/download' | 'objects/downloadLink' | 'versions/download'> = {
    'objects/download': async ({ profileId, bucket, keys }) => {
      if (!deps.chooseFolder) throw new AppError('download-in-browser', 'In browser mode the browser saves downloads itself.', 'Use the Download button, which opens a link.')
      const folder = await deps.chooseFolder()
      if (folder === null) return { folder: null, written: [] }
      const scope = await deps.scopeFor(profileId, bucket)
      const objects = keys.filter((key) => !key.endsWith('/'))
      const written = await downloadToFolder(scope.transferS3, bucket, objects, folder).catch((error) => {
        throw error instanceof AppError ? error : scope.fail(error, 'download', 's3:GetObject')
      })
      return { folder, written }
    },
    'objects/downloadLink': async (ref) => ({ url: links.create(ref) }),
    /** One version of an object: a link in browser mode, a folder in Electron. */
    'versions/download': async ({ profileId, bucket, key, versionId }) => {
      if (!deps.chooseFolder) return { url: links.create({ profileId, bucket, key, versionId }), folder: null, written: [] }
      const folder = await deps.chooseFolder()
      if (folder === null) return { url: null, folder: null, written: [] }
      const scope = await deps.scopeFor(profileId, bucket)
      const written = await downloadToFolder(scope.transferS3, bucket, [{ key, versionId }], folder).catch((error) => {
        throw error instanceof AppError ? error : scope.fail(error, 'download')
      })
      return { url: null, folder, written }
    },
  }

  /** The browser-mode server exchanges a link's token for the object's bytes. */
  async function open(token: string): Promise<OpenedDownload | null> {
    const ref: DownloadRef | null = links.take(token)
    if (!ref) return null
    const scope = await deps.scopeFor(ref.profileId, ref.bucket)
    const opened = await openResumable(scope.transferS3, ref.bucket, ref.key, undefined, ref.versionId)
    return {
      ...opened,
      fileName: ref.key.split('/').pop() || 'download',
    }
  }
  return { handlers, open }
}
