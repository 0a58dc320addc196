import type { ListingPage } from '../../contract/bridge'

/**
 * Fetches the next page of a folder while the window is still taking in this one
 *
 * The window asks for pages one after the other; each answer crosses the bridge, is
 * merged, and only then is the next asked for, so every page paid that time on top of
 * the server's. Starting the next request as soon as a page is answered overlaps the two.
 * One page ahead per folder, forgotten after a while if nobody asks.
 */
const forgetAfterMs = 30_000

export function createListingReadAhead(fetchPage: (profileId: string, bucket: string, prefix: string, token: string | null) => Promise<ListingPage>) {
  const ahead = new Map<string, { page: Promise<ListingPage>; timer: NodeJS.Timeout }>()
  const keyOf = (profileId: string, bucket: string, prefix: string, token: string) => JSON.stringify([profileId, bucket, prefix, token])

  return async function listPage(profileId: string, bucket: string, prefix: string, token: string | null): Promise<ListingPage> {
    const key = token === null ? null : keyOf(profileId, bucket, prefix, token)
    const waiting = key === null ? undefined : ahead.get(key)
    if (key !== null && waiting) {
      clearTimeout(waiting.timer)
      ahead.delete(key)
    }
    const page = await (waiting?.page ?? fetchPage(profileId, bucket, prefix, token))
    if (page.nextToken) {
      const next = fetchPage(profileId, bucket, prefix, page.nextToken)
      next.catch(() => undefined) // a failure is reported when the window asks for it
      const nextKey = keyOf(profileId, bucket, prefix, page.nextToken)
      const timer = setTimeout(() => ahead.delete(nextKey), forgetAfterMs)
      timer.unref?.()
      ahead.set(nextKey, { page: next, timer })
    }
    return page
  }
}
