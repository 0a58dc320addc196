/* Pure and dependency-free: the renderer checks as the user types, the main side checks again. */
/**
 * S3 bucket naming rules, as plain-language problems
 *
 * From the S3 documentation's general-purpose bucket rules. Each problem has a stable
 * code (the renderer translates by it) and an English sentence. Dots are legal but
 * break HTTPS on virtual-hosted URLs, so they are a warning, not a problem.
 */
export interface NameProblem {
  code: string
  message: string
}

const reservedPrefixes = ['xn--', 'sthree-', 'amzn-s3-demo-']
const reservedSuffixes = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']

export function bucketNameProblems(name: string): NameProblem[] {
  const problems: NameProblem[] = []
  const add = (code: string, message: string) => problems.push({ code, message })
  if (name.length < 3 || name.length > 63) add('bucket-length', 'A bucket name has 3 to 63 characters.')
  if (/[A-Z]/.test(name)) add('bucket-uppercase', 'Use lowercase letters only: no capitals.')
  if (/[^a-zA-Z0-9.-]/.test(name)) add('bucket-characters', 'Use only lowercase letters, digits, dots (.) and hyphens (-): no spaces or underscores.')
  if (name.length > 0 && !/^[a-zA-Z0-9]/.test(name)) add('bucket-start', 'Start the name with a letter or a digit.')
  if (name.length > 0 && !/[a-zA-Z0-9]$/.test(name)) add('bucket-end', 'End the name with a letter or a digit.')
  if (name.includes('..')) add('bucket-double-dot', 'Two dots cannot be next to each other.')
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) add('bucket-ip', 'A bucket name cannot look like an IP address.')
  const prefix = reservedPrefixes.find((p) => name.startsWith(p))
  if (prefix) add('bucket-reserved-prefix', `Names starting with “${prefix}” are reserved by AWS.`)
  const suffix = reservedSuffixes.find((s) => name.endsWith(s))
  if (suffix) add('bucket-reserved-suffix', `Names ending with “${suffix}” are reserved by AWS.`)
  return problems
}

export function bucketNameWarnings(name: string): NameProblem[] {
  return name.includes('.')
    ? [{ code: 'bucket-dots', message: 'Dots break HTTPS for https://bucket.s3.region.amazonaws.com URLs; Cubeta will use path-style URLs for this bucket. Hyphens avoid the problem.' }]
    : []
}
