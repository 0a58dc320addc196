import {
  DeleteBucketPolicyCommand,
  GetBucketCorsCommand,
  GetPublicAccessBlockCommand,
  PutBucketCorsCommand,
  PutBucketRequestPaymentCommand,
  type CORSRule,
} from '@aws-sdk/client-s3'
import { AppError } from '../../../core/appError'
import { awsErrorName } from '../../../core/awsErrorShape'
import { readBucketPolicy, writeBlockPublicAccess, writeBucketPolicy } from '../../buckets/publicRead'
import type { BucketScope } from '../../objects/bucketScope'
import type { CopyOptions } from '../../objects/copyObject'
import { replaceHeaders } from '../../objects/objectProperties'
import type { BlockConfig } from '../rules/doctorFacts'
import type { FixPlan } from '../rules/fixPlans'

const stale = () =>
  new AppError('doctor-stale', 'The bucket changed since the doctor looked at it, so Cubeta changed nothing.', 'Run the doctor again to see it as it is now.')

/** Same JSON meaning, whatever the key order or spacing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
const sameJson = (a: string | null, b: string | null) => {
  if (a === null || b === null) return a === b
  try {
    return canonical(JSON.parse(a)) === canonical(JSON.parse(b))
  } catch {
    return a === b
  }
}

async function currentBlock(scope: BucketScope): Promise<BlockConfig | null> {
  return scope.s3.send(new GetPublicAccessBlockCommand({ Bucket: scope.bucket })).then(
    (a) => {
      const c = a.PublicAccessBlockConfiguration
      return c ? { BlockPublicAcls: Boolean(c.BlockPublicAcls), IgnorePublicAcls: Boolean(c.IgnorePublicAcls), BlockPublicPolicy: Boolean(c.BlockPublicPolicy), RestrictPublicBuckets: Boolean(c.RestrictPublicBuckets) } : null
    },
    (error) => {
      if (awsErrorName(error) === 'NoSuchPublicAccessBlockConfiguration') return null
      throw scope.fail(error, 'read the bucket’s Block Public Access settings (s3:GetBucketPublicAccessBlock)')
    },
  )
}

/**
 * Makes exactly the change the doctor showed, after checking the bucket still is as it
 * was shown; otherwise changes nothing and says so. Public read goes the guided setup's
 * way (services/buckets/publicRead.ts): Block Public Access first, then the policy.
 */
export async function applyPlan(scope: BucketScope, plan: FixPlan, copy: CopyOptions = {}): Promise<void> {
  switch (plan.kind) {
    case 'public-policy': {
      if (plan.blockAfter) {
        if (plan.blockBefore !== 'unknown' && canonical(await currentBlock(scope)) !== canonical(plan.blockBefore)) throw stale()
        await writeBlockPublicAccess(scope.s3, scope.bucket, plan.blockAfter)
      }
      if (!sameJson(await readBucketPolicy(scope.s3, scope.bucket), plan.policyBefore)) throw stale()
      await writeBucketPolicy(scope.s3, scope.bucket, plan.policyAfter)
      return
    }
    case 'relax-block':
      if (canonical(await currentBlock(scope)) !== canonical(plan.blockBefore)) throw stale()
      await writeBlockPublicAccess(scope.s3, scope.bucket, plan.blockAfter)
      return
    case 'remove-statement':
      if (!sameJson(await readBucketPolicy(scope.s3, scope.bucket), plan.policyBefore)) throw stale()
      if (plan.policyAfter === null) {
        await scope.s3.send(new DeleteBucketPolicyCommand({ Bucket: scope.bucket })).catch((error) => {
          throw scope.fail(error, 'delete the bucket policy (s3:DeleteBucketPolicy)')
        })
      } else {
        await writeBucketPolicy(scope.s3, scope.bucket, plan.policyAfter)
      }
      return
    case 'header':
      await replaceHeaders(scope, plan.key, (headers) => ({ ...headers, [plan.header]: plan.after }), { ...copy, expectedEtag: plan.etag }).catch((error) => {
        throw error instanceof AppError && error.code === 'object-changed' ? stale() : error
      })
      return
    case 'cors': {
      const rules = await scope.s3.send(new GetBucketCorsCommand({ Bucket: scope.bucket })).then(
        (a) => (a.CORSRules ?? null) as CORSRule[] | null,
        (error) => {
          if (awsErrorName(error) === 'NoSuchCORSConfiguration') return null
          throw scope.fail(error, 'read the bucket’s CORS rules (s3:GetBucketCORS)')
        },
      )
      if (canonical(rules) !== canonical(plan.rulesBefore)) throw stale()
      await scope.s3.send(new PutBucketCorsCommand({ Bucket: scope.bucket, CORSConfiguration: { CORSRules: plan.rulesAfter as CORSRule[] } })).catch((error) => {
        throw scope.fail(error, 'set the bucket’s CORS rules (s3:PutBucketCORS)')
      })
      return
    }
    case 'requester-pays':
      await scope.s3.send(new PutBucketRequestPaymentCommand({ Bucket: scope.bucket, RequestPaymentConfiguration: { Payer: 'BucketOwner' } })).catch((error) => {
        throw scope.fail(error, 'turn off Requester Pays (s3:PutBucketRequestPayment)')
      })
      return
  }
}
