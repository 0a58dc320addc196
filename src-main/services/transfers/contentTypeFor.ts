import { contentType } from 'mime-types'

/**
 * Content-Type from the file name, from the mime database
 *
 * The AWS SDK sends none, and S3 then serves binary/octet-stream, which makes browsers
 * download an image instead of showing it. Text types get their charset.
 */
export function contentTypeFor(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName
  return contentType(base) || 'application/octet-stream'
}
