import type { TFunction } from 'i18next'
import type { BucketTally } from '../../../src-main/contract/bridge'
import { formatCount } from '../browser/formatting'
import { formatBytes } from '../transfers/transferFormat'

/** Pure: a bucket's counts as short phrases, only the ones that are not zero (objects always). */
export function tallyPhrases(t: TFunction, tally: BucketTally, language: string): string[] {
  const n = (count: number) => formatCount(count, language)
  const size = (bytes: number) => formatBytes(bytes, language)
  const phrases = [t('tally.objects', { count: tally.objects, n: n(tally.objects), size: size(tally.bytes) })]
  if (tally.noncurrentVersions > 0) phrases.push(t('tally.versions', { count: tally.noncurrentVersions, n: n(tally.noncurrentVersions), size: size(tally.noncurrentBytes) }))
  if (tally.deleteMarkers > 0) phrases.push(t('tally.markers', { count: tally.deleteMarkers, n: n(tally.deleteMarkers) }))
  if (tally.incompleteUploads > 0) phrases.push(t('tally.uploads', { count: tally.incompleteUploads, n: n(tally.incompleteUploads), size: size(tally.incompleteBytes) }))
  return phrases
}

/** Everything deleting the bucket removes one by one: versions, markers (uploads are aborted apart). */
export const entriesOf = (tally: BucketTally) => tally.objects + tally.noncurrentVersions + tally.deleteMarkers

export const totalBytes = (tally: BucketTally) => tally.bytes + tally.noncurrentBytes + tally.incompleteBytes
