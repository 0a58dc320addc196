import type { Handlers } from '../../core/handlers'
import { readVersioning } from '../buckets/versioningState'
import type { ScopeFor } from '../objects/bucketScope'
import type { CopyOptions } from '../objects/copyObject'
import { deleteVersions } from '../objects/deleteObjects'
import { listVersionPage } from './listVersions'
import { presignVersion, restoreVersion, undelete } from './versionActions'

type VersionCalls = 'versions/status' | 'versions/listPage' | 'versions/restore' | 'versions/undelete' | 'versions/deletePermanently' | 'versions/presign'

/** A versioned bucket's versions: list, restore, undelete, delete for good, and links to a version. */
export function createVersionHandlers(deps: { scopeFor: ScopeFor; copy?: CopyOptions }): Pick<Handlers, VersionCalls> {
  return {
    'versions/status': async ({ profileId, bucket }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      return { status: await readVersioning(scope.s3, bucket) }
    },
    'versions/listPage': async ({ profileId, bucket, prefix, keyMarker, versionIdMarker }) =>
      listVersionPage(await deps.scopeFor(profileId, bucket), prefix, keyMarker, versionIdMarker),
    'versions/restore': async ({ profileId, bucket, key, versionId }) => restoreVersion(await deps.scopeFor(profileId, bucket), key, versionId, deps.copy),
    'versions/undelete': async ({ profileId, bucket, markers }) => undelete(await deps.scopeFor(profileId, bucket), markers),
    'versions/deletePermanently': async ({ profileId, bucket, versions }) => {
      const outcome = await deleteVersions(await deps.scopeFor(profileId, bucket), versions)
      return { deleted: outcome.deleted, failed: outcome.failed }
    },
    'versions/presign': async ({ profileId, bucket, key, versionId, expiresInSeconds }) =>
      presignVersion(await deps.scopeFor(profileId, bucket), key, versionId, expiresInSeconds),
  }
}
