/* Pure and dependency-free: the small settings forms check as the user types, the main side checks again. */

/** Object Ownership: BucketOwnerEnforced turns ACLs off (S3's default since April 2023). */
export const ownershipChoices = ['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter'] as const
export type Ownership = (typeof ownershipChoices)[number]

/** Null (never set) behaves as ObjectWriter: ACLs on, the uploader owns. */
export const aclsOn = (ownership: string | null): boolean => ownership !== 'BucketOwnerEnforced'

/**
 * A KMS key as S3's default encryption takes it: a key id, an alias, or either's ARN.
 * Empty means the AWS managed key aws/s3.
 */
export function kmsKeyProblem(key: string): 'kms-key-malformed' | null {
  if (key === '') return null
  const id = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/
  const alias = /^alias\/[A-Za-z0-9/_-]{1,250}$/
  const arn = /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:(key\/.+|alias\/.+)$/
  return id.test(key) || alias.test(key) || arn.test(key) ? null : 'kms-key-malformed'
}

export interface WebsiteChoice {
  mode: 'off' | 'documents' | 'redirect'
  indexDocument: string
  errorDocument: string
  redirectHost: string
  redirectProtocol: 'http' | 'https'
}

export type WebsiteProblem = 'website-no-index' | 'website-index-slash' | 'website-bad-error-key' | 'website-bad-host'

/**
 * What S3 refuses in a website configuration: an index suffix that is empty or holds a
 * slash, an error document that is no valid key, a redirect host that is no host name
 * (a scheme or a path typed into it is the usual slip).
 */
export function websiteProblems(choice: WebsiteChoice): WebsiteProblem[] {
  if (choice.mode === 'off') return []
  if (choice.mode === 'redirect') return /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?$/.test(choice.redirectHost) ? [] : ['website-bad-host']
  const problems: WebsiteProblem[] = []
  if (choice.indexDocument === '') problems.push('website-no-index')
  else if (choice.indexDocument.includes('/')) problems.push('website-index-slash')
  if (choice.errorDocument !== '' && (new TextEncoder().encode(choice.errorDocument).length > 1024 || choice.errorDocument.startsWith('/'))) problems.push('website-bad-error-key')
  return problems
}
