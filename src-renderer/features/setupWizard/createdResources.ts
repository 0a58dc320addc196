import type { CreatedResource } from '../../../src-main/contract/bridge'

/** An i18n key (namespace "setup") with its values: the words are the catalog's job. */
export interface Phrase {
  key: string
  values: Record<string, string>
}

/**
 * What a run created, one phrase per resource, for "This run created: …" and the
 * cancel dialog. Built from the structured resource rather than the server's English.
 */
export function describeCreated(resource: CreatedResource): Phrase {
  switch (resource.kind) {
    case 'user':
      return { key: 'created.user', values: { name: resource.name } }
    case 'inline-policy':
      return { key: 'created.inlinePolicy', values: { policy: resource.policyName, user: resource.user } }
    case 'managed-policy':
      return { key: 'created.managedPolicy', values: { user: resource.user } }
    case 'access-key':
      return { key: 'created.accessKey', values: { key: resource.keyIdMasked, user: resource.user } }
    case 'bucket':
      return { key: 'created.bucket', values: { name: resource.name, region: resource.region } }
    case 'public-access-block':
      return { key: 'created.publicAccessBlock', values: { bucket: resource.bucket } }
    case 'bucket-policy':
      return { key: 'created.bucketPolicy', values: { bucket: resource.bucket } }
    case 'cors':
      return { key: 'created.cors', values: { bucket: resource.bucket } }
    case 'test-object':
      return { key: 'created.testObject', values: { key: resource.key, bucket: resource.bucket } }
  }
}

export const describeAllCreated = (resources: CreatedResource[]): Phrase[] => resources.map(describeCreated)
