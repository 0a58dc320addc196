import type { ConditionContext } from '../../../contract/rules/policyConditions'
import { contentTypeFor } from '../../../core/contentTypes'

/**
 * What a browser does with an answer, and what a visitor's request looks like
 *
 * Pure rules. The types a browser shows in its own tab are the ones it can render:
 * images, text, PDF, media, JSON/XML; anything else it saves, and `attachment` always
 * saves. Content-Type is expected from the file name, as Cubeta's uploads set it.
 */
export type BrowserAction = 'show' | 'download' | 'error' | 'redirect'

export const baseType = (contentType: string | null | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase()

const shownTypes = [/^image\/(png|jpeg|gif|webp|avif|svg\+xml|bmp|x-icon|vnd\.microsoft\.icon)$/, /^text\//, /^application\/(pdf|json|xml|javascript|xhtml\+xml)$/, /^video\//, /^audio\//]

export function isAttachment(disposition: string | null | undefined): boolean {
  return /^\s*attachment\b/i.test(disposition ?? '')
}

export function browserAction(status: number | null, contentType: string | null, disposition: string | null): BrowserAction {
  if (status === null || status >= 400) return 'error'
  if (status >= 300) return 'redirect'
  if (isAttachment(disposition)) return 'download'
  const type = baseType(contentType)
  return shownTypes.some((pattern) => pattern.test(type)) ? 'show' : 'download'
}

/**
 * A Content-Type that keeps the browser from using the file as its name says it is
 *
 * "download": a generic binary type on a file a browser would show (an image uploaded by
 * the SDK without a type gets binary/octet-stream). "text": text/plain on HTML, CSS,
 * JavaScript or SVG, which a browser then won't render, style or run. Any other type is
 * taken as the uploader's choice.
 */
export function contentTypeProblem(key: string, actual: string | null): { kind: 'download' | 'text'; expected: string } | null {
  const name = key.split('/').pop() ?? key
  if (!/\.[^.]+$/.test(name)) return null
  const expected = contentTypeFor(name)
  const want = baseType(expected)
  const got = baseType(actual)
  if (want === 'application/octet-stream') return null
  if ((got === '' || got === 'binary/octet-stream' || got === 'application/octet-stream') && browserAction(200, expected, null) === 'show') return { kind: 'download', expected }
  const rendered = ['text/html', 'text/css', 'text/javascript', 'application/javascript', 'image/svg+xml']
  if (got === 'text/plain' && rendered.includes(want)) return { kind: 'text', expected }
  return null
}

/** "attachment; filename=a.png" → "inline; filename=a.png": the file name is kept for saving. */
export function inlineDisposition(disposition: string): string {
  return disposition.replace(/^\s*attachment\b/i, 'inline')
}

/** Condition keys a request from a browser with no keys has not got. */
const absentForVisitors = [
  'aws:sourcevpce', 'aws:sourcevpc', 'aws:vpcsourceip', 'aws:principalaccount', 'aws:principalarn', 'aws:principalorgid',
  'aws:principalorgpaths', 'aws:principalisawsservice', 'aws:principalservicename', 'aws:userid', 'aws:username', 'aws:sourcearn',
  'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:calledvia', 'aws:calledviafirst', 'aws:calledvialast',
  'aws:viaawsservice', 'aws:federatedprovider', 'aws:multifactorauthpresent', 'aws:multifactorauthage', 'aws:tokenissuetime',
  's3:authtype', 's3:signatureversion', 's3:signatureage', 's3:x-amz-content-sha256',
]

/**
 * The condition keys of a visitor's request for this URL
 *
 * https or not from the URL; a Referer only when the user said which site's pages ask
 * (a page sends its origin as Referer to another site by default); no VPC endpoint, no
 * account, no signature. The visitor's IP address, user agent and everything else: unknown.
 */
export function visitorContext(url: string, origin: string | null): ConditionContext {
  const secure = url.toLowerCase().startsWith('https:')
  return (key) => {
    const name = key.toLowerCase()
    if (name === 'aws:securetransport') return [String(secure)]
    if (name === 'aws:referer') return origin ? [`${origin}/`] : 'absent'
    if (name === 'aws:principaltype') return ['Anonymous']
    if (absentForVisitors.includes(name) || name.startsWith('aws:principaltag/')) return 'absent'
    return 'unknown'
  }
}
