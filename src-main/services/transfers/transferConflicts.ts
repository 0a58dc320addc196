import type { S3Client } from '@aws-sdk/client-s3'
import type { Slots } from '../../core/async/requestSlots'
import { existingUnderPrefix, findExisting, freeKeepBothKey, type ExistingObject } from './conflictCheck'
import type { Batch, Transfer } from './transferState'

/** A dropped folder this big is checked for conflicts with one listing, not a HEAD per file. */
export const listingCheckFrom = 8
const listingCheckLimit = 20_000

/**
 * Before a file is sent: is its key taken, and if so what did the user choose?
 * An existing object is never overwritten silently. False when the file waits for the
 * user's answer or is skipped; "keep both" moves the file to a free name.
 */
export async function settleConflict(transfer: Transfer, batch: Batch, s3: S3Client, requests: Slots): Promise<boolean> {
  if (transfer.existing === null) transfer.existing = await existingAt(batch, s3, transfer.key, requests)
  if (transfer.existing === false) return true
  const choice = batch.choice ?? transfer.choice
  if (!choice) {
    transfer.status = 'waiting-conflict'
    return false
  }
  if (choice === 'skip') {
    transfer.status = 'skipped'
    return false
  }
  if (choice === 'keep-both') transfer.key = await freeKeepBothKey(s3, batch.bucket, transfer.key)
  return true
}

async function existingAt(batch: Batch, s3: S3Client, key: string, requests: Slots): Promise<ExistingObject> {
  if (batch.existingIndex === 'wanted') batch.existingIndex = requests.run(() => existingUnderPrefix(s3, batch.bucket, batch.prefix, listingCheckLimit))
  const index = batch.existingIndex ? await batch.existingIndex : null
  if (index) return index.get(key) ?? false
  return requests.run(() => findExisting(s3, batch.bucket, key))
}
