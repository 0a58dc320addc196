import { AppError } from '../../core/appError'

/** S3's limit: a key is at most 1,024 bytes of UTF-8. */
export const maxKeyBytes = 1024

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The text with any half of a surrogate pair shown as �, so it can be displayed and sent. */
export const wellFormed = (text: string) => text.replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD')

/**
 * Why one file can't be stored under this key, before anything is sent
 *
 * The key is the folder prefix and the file's relative path together, counted in UTF-8
 * bytes ("é" is 2, "🐱" is 4), as S3 counts. Half of a surrogate pair (a file name a
 * program wrote badly) has no UTF-8 form at all: S3 can't store it, and encoding it
 * would throw (URIError) later.
 */
export function uploadKeyProblem(key: string, name: string): AppError | null {
  if (loneSurrogate.test(key)) {
    const shown = wellFormed(name)
    return new AppError('upload-key-not-text', `The name “${shown}” has a character that is not valid text (half of an emoji or symbol).`,
      'Rename the file, then add it again.', { name: shown })
  }
  const bytes = Buffer.byteLength(key, 'utf8')
  if (bytes > maxKeyBytes) {
    return new AppError('upload-key-too-long', `“${name}” would be stored under a key of ${bytes.toLocaleString('en')} bytes; S3 allows at most 1,024.`,
      'Rename the file or its folders, or upload it into a shallower folder.', { name, bytes })
  }
  return null
}
