import type { SyncPreview } from '../../../src-main/contract/bridge'

/** How many files a run of this preview would touch, with its boxes as ticked. */
export function runCount(preview: Pick<SyncPreview, 'transfers' | 'deletions' | 'newerAtDestination'>, alsoDelete: boolean, overwriteNewer: boolean): number {
  return preview.transfers.count + (overwriteNewer ? preview.newerAtDestination.count : 0) + (alsoDelete ? preview.deletions.count : 0)
}

/** The count `sync/run` must receive: the preview's own, and only when the user ticked the box. */
export function deleteCountFor(preview: Pick<SyncPreview, 'deletions'>, alsoDelete: boolean): number | null {
  return alsoDelete && preview.deletions.count > 0 ? preview.deletions.count : null
}
