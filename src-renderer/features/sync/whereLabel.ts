import type { TFunction } from 'i18next'

/** "blog-static/static/", or "the top of blog-static" for the whole bucket. */
export function whereLabel(t: TFunction, bucket: string, prefix: string): string {
  return prefix === '' ? t('runs.bucketRoot', { bucket }) : `${bucket}/${prefix}`
}
