import type { Handlers } from '../../core/handlers'
import type { BucketIndexes } from '../bucketIndex/bucketIndexService'
import type { createSearchService } from './searchService'

type IndexAndSearchCalls = 'index/status' | 'index/refresh' | 'index/cancel' | 'search/start' | 'search/cancel'

/** The bridge calls of the bucket index and of search. */
export function createIndexAndSearchHandlers(deps: { indexes: BucketIndexes; search: ReturnType<typeof createSearchService> }): Pick<Handlers, IndexAndSearchCalls> {
  return {
    'index/status': async ({ profileId, bucket }) => deps.indexes.status(profileId, bucket),
    'index/refresh': async ({ profileId, bucket }) => deps.indexes.refresh(profileId, bucket),
    'index/cancel': ({ profileId, bucket }) => deps.indexes.cancel(profileId, bucket),
    'search/start': async (request) => deps.search.start(request),
    'search/cancel': async ({ searchId }) => deps.search.cancel(searchId),
  }
}
