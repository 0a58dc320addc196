/**
 * GetBucketLocation's answer as a region code
 *
 * us-east-1 buckets answer with an empty constraint, and very old eu-west-1 buckets with
 * the legacy "EU".
 */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1'
  if (constraint === 'EU') return 'eu-west-1'
  return constraint
}
