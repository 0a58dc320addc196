import type { EventHub } from '../../core/eventHub'
import type { Handlers } from '../../core/handlers'
import type { AwsClientFactory } from '../aws/awsClients'
import type { ProfileService } from '../profiles/profileService'
import { createBucketRegionCache } from './bucketRegionCache'
import { createBucketScopes, type ScopeFor } from './bucketScope'
import type { CopyOptions } from './copyObject'
import { createFolder } from './createFolder'
import { deleteKeys } from './deleteObjects'
import { listAllUnder, listPage } from './listing'
import { createListingReadAhead } from './listingReadAhead'
import { metadataRecord } from '../../contract/rules/objectTools/metadataRules'
import { readProperties, setHeaders } from './objectProperties'
import { previewObject } from './preview'
import { createProgressReporter } from './progressReporter'
import { checkPublic } from './publicCheck'
import { renameObjects } from './renameObjects'
import { expandSelection } from './selection'
import { buildUrls } from './urlBuilder'

type ObjectCalls =
  | 'objects/listPage'
  | 'objects/createFolder'
  | 'objects/delete'
  | 'objects/rename'
  | 'objects/properties'
  | 'objects/setHeaders'
  | 'objects/preview'
  | 'objects/checkPublic'
  | 'urls/build'

/**
 * The file browser's bridge calls, wired to small services
 *
 * Every call runs against the bucket's own region (asked once, then cached), so a
 * profile set to one region still works with buckets in others.
 */
export function createObjectHandlers(deps: {
  profiles: ProfileService
  clients: AwsClientFactory
  events: EventHub
  fetch?: typeof fetch
  /** Tests lower the 5 GB single-copy limit to exercise multipart copies. */
  copy?: CopyOptions
  /** Shared with the transfer engine, so each bucket's region is asked once. */
  scopeFor?: ScopeFor
}): Pick<Handlers, ObjectCalls> {
  const scopeFor = deps.scopeFor ?? createBucketScopes({ profiles: deps.profiles, clients: deps.clients, regions: createBucketRegionCache() })
  const fetchImpl = deps.fetch ?? globalThis.fetch
  const readAhead = createListingReadAhead(async (profileId, bucket, prefix, token) => listPage(await scopeFor(profileId, bucket), prefix, token))
  const urlEndpoint = (connection: { endpoint: string | null }) => connection.endpoint ?? deps.clients.publicEndpoint
  /** Tells the bucket index (and anyone else keeping a copy) what Cubeta itself changed. */
  const changed = (profileId: string, bucket: string, change: { written?: string[]; deleted?: string[]; prefixes?: string[] }) =>
    deps.events.emit('objects/changed', { profileId, bucket, written: change.written ?? [], deleted: change.deleted ?? [], prefixes: change.prefixes ?? [] })
  const reporter = (operationId: string, kind: 'delete' | 'rename') =>
    createProgressReporter((progress) => deps.events.emit('objects/progress', progress), { operationId, kind })

  return {
    'objects/listPage': ({ profileId, bucket, prefix, token }) => readAhead(profileId, bucket, prefix, token),

    'objects/createFolder': async ({ profileId, bucket, prefix, name }) => {
      const made = await createFolder(await scopeFor(profileId, bucket), prefix, name)
      changed(profileId, bucket, { written: [made.key] })
      return made
    },

    'objects/delete': async ({ profileId, bucket, keys, operationId }) => {
      const scope = await scopeFor(profileId, bucket)
      const progress = reporter(operationId, 'delete')
      let total: number | null = null
      let done = 0
      try {
        progress.report(0, null)
        const all = await expandSelection(keys, async (prefix) => (await listAllUnder(scope, prefix)).map((o) => o.key))
        total = all.length
        progress.report(0, total)
        const outcome = await deleteKeys(scope, all, (n) => {
          done = n
          progress.report(n, total)
        })
        const failed = new Set(outcome.failed.map((f) => f.key))
        changed(profileId, bucket, { deleted: all.filter((key) => !failed.has(key)) })
        return outcome
      } finally {
        progress.finish(done, total)
      }
    },

    'objects/rename': async ({ profileId, bucket, from, to, operationId }) => {
      try {
        return await renameObjects(await scopeFor(profileId, bucket), from, to, reporter(operationId, 'rename'), deps.copy)
      } finally {
        // Also after a failure: a move undone half-way has still touched both places.
        changed(profileId, bucket, from.endsWith('/') ? { prefixes: [from, to.endsWith('/') ? to : `${to}/`] } : { written: [from, to] })
      }
    },

    'objects/properties': async ({ profileId, bucket, key }) => readProperties(await scopeFor(profileId, bucket), key),

    'objects/setHeaders': async ({ profileId, bucket, key, contentType, cacheControl, metadata }) => {
      const properties = await setHeaders(await scopeFor(profileId, bucket), key, contentType, cacheControl, deps.copy, metadata ? metadataRecord(metadata) : undefined)
      changed(profileId, bucket, { written: [key] })
      return properties
    },

    'objects/preview': async ({ profileId, bucket, key }) => previewObject(await scopeFor(profileId, bucket), key),

    'objects/checkPublic': async ({ profileId, bucket, key }) => {
      const scope = await scopeFor(profileId, bucket)
      return checkPublic(scope, urlEndpoint(scope.connection), key, fetchImpl)
    },

    'urls/build': async ({ profileId, bucket, keys, form, expiresInSeconds }) => {
      const scope = await scopeFor(profileId, bucket)
      return buildUrls(scope, urlEndpoint(scope.connection), keys, form, expiresInSeconds)
    },
  }
}
