import type { Handlers } from '../../core/handlers'
import type { AwsClientFactory } from '../aws/awsClients'
import type { ScopeFor } from '../objects/bucketScope'
import { askIdentity, callerFrom } from './callerIdentity'
import { readLifecycle, withDates, writeLifecycle } from './lifecycleWrite'
import { readBucketSettings } from './readSettings'
import { setPolicy, setPublicAccessBlock } from './writeAccess'
import { setEncryption, setOwnership, setWebsite } from './writeSimpleSettings'
import { setCors, setVersioning } from './writeSettings'

type SettingsCalls = 'bucketSettings/read' | 'bucketSettings/setVersioning' | 'bucketSettings/setCors' | 'bucketSettings/setPublicAccessBlock' | 'bucketSettings/setPolicy'
  | 'bucketSettings/setOwnership'
  | 'bucketSettings/setEncryption'
  | 'bucketSettings/setWebsite'
  | 'bucketSettings/setLifecycle'

/** The settings panel: read everything; each editor writes one setting and answers with it read back. */
export function createBucketSettingsHandlers(deps: { scopeFor: ScopeFor; clients: AwsClientFactory }): Pick<Handlers, SettingsCalls> {
  return {
    'bucketSettings/read': async ({ profileId, bucket }) => readBucketSettings(await deps.scopeFor(profileId, bucket), deps.clients),
    'bucketSettings/setVersioning': async ({ profileId, bucket, status, acknowledgedOneWay }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setVersioning(scope, status, acknowledgedOneWay)
      return (await readBucketSettings(scope, deps.clients)).versioning
    },
    'bucketSettings/setCors': async ({ profileId, bucket, rules }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setCors(scope, rules)
      return (await readBucketSettings(scope, deps.clients)).cors
    },
    'bucketSettings/setPublicAccessBlock': async ({ profileId, bucket, settings, acknowledgedPublicReadStops }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setPublicAccessBlock(scope, settings, acknowledgedPublicReadStops)
      return (await readBucketSettings(scope, deps.clients)).publicAccessBlock
    },
    'bucketSettings/setPolicy': async ({ profileId, bucket, ...change }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setPolicy(scope, change, await callerFrom(askIdentity(scope, deps.clients)))
      const { policy, publicAccessBlock } = await readBucketSettings(scope, deps.clients)
      return { policy, publicAccessBlock }
    },
    'bucketSettings/setOwnership': async ({ profileId, bucket, ownership }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setOwnership(scope, ownership)
      return (await readBucketSettings(scope, deps.clients)).ownership
    },
    'bucketSettings/setEncryption': async ({ profileId, bucket, algorithm, kmsKeyId, bucketKey }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setEncryption(scope, algorithm, kmsKeyId, bucketKey)
      return (await readBucketSettings(scope, deps.clients)).encryption
    },
    'bucketSettings/setWebsite': async ({ profileId, bucket, website }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await setWebsite(scope, website)
      return (await readBucketSettings(scope, deps.clients)).website
    },
    'bucketSettings/setLifecycle': async ({ profileId, bucket, rules }) => {
      const scope = await deps.scopeFor(profileId, bucket)
      await writeLifecycle(scope, withDates(rules), (await readLifecycle(scope)).minimumSize)
      return (await readBucketSettings(scope, deps.clients)).lifecycle
    },
  }
}
