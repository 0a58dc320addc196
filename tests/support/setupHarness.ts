import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam'
import type { SetupPlan } from '../../src-main/contract/bridge'
import { motoAdmin } from './moto'

export const plan = (over: Partial<SetupPlan> = {}): SetupPlan => ({
  userName: 'django-media',
  userMode: 'new',
  policy: 'least-privilege',
  bucket: 'mi-blog-media',
  region: 'eu-west-1',
  cors: false,
  keepTestObject: false,
  deleteAccessKeyRef: null,
  ...over,
})

export const adminKeys = { source: 'keys' as const, ...motoAdmin, saveAsProfile: null }

/** An anonymous GET, as a browser loading <img src> would do it. */
export async function anonymousGet(url: string) {
  const response = await fetch(url)
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) }
}

/** An IAM user with exactly this identity policy and its own keys: a limited "admin". */
export async function userWithPolicy(endpoint: string, name: string, policy: object) {
  const iam = new IAMClient({ region: 'us-east-1', endpoint, credentials: motoAdmin })
  await iam.send(new CreateUserCommand({ UserName: name }))
  await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify(policy) }))
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }))
  return { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! }
}
