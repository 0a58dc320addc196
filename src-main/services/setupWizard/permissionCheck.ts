/**
 * A dry check of the admin's permissions, before anything is created
 *
 * IAM's SimulatePrincipalPolicy is the exact answer where it exists. Where it doesn't
 * (S3-compatible test servers), Cubeta reads the user's own policies and evaluates them
 * with the same evaluator as the URL doctor (contract/rules/policyEvaluator.ts): an
 * explicit Deny wins, otherwise an Allow is needed; `*` and `?` are wildcards. Resource
 * scoping and conditions are not known here, so this check can only miss a denial,
 * never invent one.
 */
import { evaluatePolicy } from '../../contract/rules/policyEvaluator'

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

/** Resources and conditions are left open (unknown), so a statement that might apply counts: only a sure denial is reported. */
export function missingActions(statements: IdentityStatement[], actions: readonly string[]): string[] {
  return actions.filter((action) => {
    const { decision } = evaluatePolicy({ Statement: statements }, { principal: { kind: 'caller' }, action, resource: null })
    return decision === 'deny' || decision === 'implicit-deny'
  })
}
