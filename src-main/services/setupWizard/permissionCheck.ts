/**
 * A dry check of the admin's permissions, before anything is created
 *
 * IAM's SimulatePrincipalPolicy is the exact answer where it exists. Where it doesn't
 * (S3-compatible test servers), Cubeta reads the user's own policies and evaluates them
 * the way IAM does for identity policies: an explicit Deny wins, otherwise an Allow is
 * needed; `*` and `?` are wildcards. Resource scoping and conditions are not evaluated,
 * so this check can only miss a denial, never invent one.
 */
export interface IdentityStatement {
  Effect?: string
  Action?: string | string[]
  NotAction?: string | string[]
}

export const setupActions = [
  'iam:GetUser',
  'iam:CreateUser',
  'iam:PutUserPolicy',
  'iam:AttachUserPolicy',
  'iam:ListAccessKeys',
  'iam:CreateAccessKey',
  's3:CreateBucket',
  's3:PutBucketPublicAccessBlock',
  's3:GetBucketPolicy',
  's3:PutBucketPolicy',
] as const

const asList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value])

export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i')
  return regex.test(action)
}

const statementCovers = (statement: IdentityStatement, action: string) =>
  statement.NotAction !== undefined
    ? !asList(statement.NotAction).some((p) => actionMatches(p, action))
    : asList(statement.Action).some((p) => actionMatches(p, action))

export function missingActions(statements: IdentityStatement[], actions: readonly string[]): string[] {
  return actions.filter((action) => {
    const denied = statements.some((s) => s.Effect === 'Deny' && statementCovers(s, action))
    const allowed = statements.some((s) => s.Effect === 'Allow' && statementCovers(s, action))
    return denied || !allowed
  })
}
