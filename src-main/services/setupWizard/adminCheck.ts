import {
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  SimulatePrincipalPolicyCommand,
  type IAMClient,
} from '@aws-sdk/client-iam'
import type { SetupStart } from '../../contract/bridge'
import { missingActions, setupActions, type IdentityStatement } from './permissionCheck'

/**
 * The dry check: which setup permissions do these admin keys lack?
 *
 * The account's root user can do everything. For an IAM user, IAM's own simulator gives
 * the exact answer; where it isn't available, Cubeta reads the user's and groups'
 * policies and evaluates them (see permissionCheck). Roles and federated sessions are
 * not checked: their effective rights depend on the session.
 */
export async function checkAdminPermissions(iam: IAMClient, arn: string): Promise<Pick<SetupStart, 'missingPermissions' | 'permissionCheck'>> {
  if (arn.endsWith(':root')) return { missingPermissions: [], permissionCheck: 'root' }
  const userName = /:user\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1]
  if (!userName) return { missingPermissions: [], permissionCheck: 'unavailable' }
  try {
    const answer = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: [...setupActions] }))
    const missing = (answer.EvaluationResults ?? []).filter((r) => r.EvalDecision !== 'allowed').map((r) => r.EvalActionName ?? '')
    return { missingPermissions: missing, permissionCheck: 'simulated' }
  } catch {
    // Not available here, or the keys may not simulate: fall back to reading the policies.
  }
  try {
    return { missingPermissions: missingActions(await userStatements(iam, userName), setupActions), permissionCheck: 'evaluated' }
  } catch {
    return { missingPermissions: [], permissionCheck: 'unavailable' }
  }
}

async function userStatements(iam: IAMClient, userName: string): Promise<IdentityStatement[]> {
  const documents: string[] = []
  const inline = await iam.send(new ListUserPoliciesCommand({ UserName: userName }))
  for (const name of inline.PolicyNames ?? []) {
    documents.push((await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: name }))).PolicyDocument ?? '')
  }
  const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }))
  const arns = (attached.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? '')
  const groups = await iam.send(new ListGroupsForUserCommand({ UserName: userName }))
  for (const group of groups.Groups ?? []) {
    const groupName = group.GroupName ?? ''
    const groupInline = await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName }))
    for (const name of groupInline.PolicyNames ?? []) {
      documents.push((await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: name }))).PolicyDocument ?? '')
    }
    const groupAttached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }))
    arns.push(...(groupAttached.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ''))
  }
  for (const policyArn of arns) {
    const policy = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: policy.Policy?.DefaultVersionId }))
    documents.push(version.PolicyVersion?.Document ?? '')
  }
  return documents.flatMap((document) => {
    const parsed = JSON.parse(decodeURIComponent(document)) as { Statement?: IdentityStatement | IdentityStatement[] }
    return Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : []
  })
}
