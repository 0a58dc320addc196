import type { ProfileDraft, ProfileEdit, ProfileView, SecretStorageKind } from '../../../src-main/contract/bridge'
import { isAwsRegion } from '../../../src-main/contract/rules/regions'
import { endpointProblem } from '../../../src-main/contract/rules/endpointRule'
import { accessKeyIdPattern, hasSurroundingSpace, profileNameMaxLength } from '../../../src-main/contract/rules/profileRules'

/** What the add and edit forms hold, as typed. */
export interface ProfileFormValues {
  name: string
  accessKeyId: string
  secretAccessKey: string
  region: string
  endpoint: string
  forcePathStyle: boolean
  secretStorage: SecretStorageKind
  /** A CDN or custom domain in front of the bucket; edited on existing profiles only. */
  publicBaseUrl: string
}

export type ProfileField = 'name' | 'accessKeyId' | 'secretAccessKey' | 'region' | 'endpoint' | 'publicBaseUrl'

/** An i18n key under `profileForm.problems`, with its interpolation values. */
export interface FieldProblem {
  key: 'required' | 'tooLong' | 'keyIdChars' | 'secretSpaces' | 'endpointUrl' | 'endpointCredentials' | 'awsRegion' | 'baseUrl'
  values?: Record<string, number>
}

export type FormProblems = Partial<Record<ProfileField, FieldProblem>>

export const defaultRegion = 'us-east-1'

export const emptyProfileForm = (secretStorage: SecretStorageKind): ProfileFormValues => ({
  name: '',
  accessKeyId: '',
  secretAccessKey: '',
  region: defaultRegion,
  endpoint: '',
  // Self-hosted stores rarely have wildcard DNS for virtual-hosted buckets; this only
  // takes effect once an endpoint is entered.
  forcePathStyle: true,
  secretStorage,
  publicBaseUrl: '',
})

export const formFromProfile = (profile: ProfileView): ProfileFormValues => ({
  name: profile.name,
  accessKeyId: '',
  secretAccessKey: '',
  region: profile.region,
  endpoint: profile.endpoint ?? '',
  forcePathStyle: profile.endpoint ? profile.forcePathStyle : true,
  secretStorage: profile.secretStorage,
  publicBaseUrl: profile.publicBaseUrl ?? '',
})

/**
 * The same rules the main process enforces, checked here first so that the user gets a
 * message next to the field, in their language, before any network call.
 */
export function checkProfileForm(values: ProfileFormValues, options: { withKeys: boolean }): FormProblems {
  const problems: FormProblems = {}
  const name = values.name.trim()
  if (!name) problems.name = { key: 'required' }
  else if (name.length > profileNameMaxLength) problems.name = { key: 'tooLong', values: { max: profileNameMaxLength } }

  if (options.withKeys) {
    const keyId = values.accessKeyId.trim()
    if (!keyId) problems.accessKeyId = { key: 'required' }
    else if (!accessKeyIdPattern.test(keyId)) problems.accessKeyId = { key: 'keyIdChars' }
    if (!values.secretAccessKey) problems.secretAccessKey = { key: 'required' }
    else if (hasSurroundingSpace(values.secretAccessKey)) problems.secretAccessKey = { key: 'secretSpaces' }
  }

  const endpoint = values.endpoint.trim()
  if (endpoint) {
    const problem = endpointProblem(endpoint)
    if (problem) problems.endpoint = { key: problem.code === 'endpoint-credentials' ? 'endpointCredentials' : 'endpointUrl' }
  } else if (!isAwsRegion(values.region)) {
    problems.region = { key: 'awsRegion' }
  }

  // The same URL rule as endpoints (http(s), no credentials, no query): the main process checks it too.
  const baseUrl = values.publicBaseUrl.trim()
  if (baseUrl && endpointProblem(baseUrl)) problems.publicBaseUrl = { key: 'baseUrl' }
  return problems
}

export function toDraft(values: ProfileFormValues): ProfileDraft {
  const endpoint = values.endpoint.trim() || null
  return {
    name: values.name.trim(),
    accessKeyId: values.accessKeyId.trim(),
    secretAccessKey: values.secretAccessKey,
    region: values.region,
    endpoint,
    forcePathStyle: endpoint !== null && values.forcePathStyle,
    secretStorage: values.secretStorage,
  }
}

/** Only what changed, so that an unchanged connection is not re-checked against AWS. */
export function toEdit(profile: ProfileView, values: ProfileFormValues, replaceKeys: boolean): ProfileEdit {
  const edit: ProfileEdit = { id: profile.id }
  const name = values.name.trim()
  if (name !== profile.name) edit.name = name
  if (values.region !== profile.region) edit.region = values.region
  const endpoint = values.endpoint.trim() || null
  if (endpoint !== profile.endpoint) edit.endpoint = endpoint
  const forcePathStyle = endpoint !== null && values.forcePathStyle
  if (forcePathStyle !== profile.forcePathStyle) edit.forcePathStyle = forcePathStyle
  const publicBaseUrl = values.publicBaseUrl.trim() || null
  if (publicBaseUrl !== profile.publicBaseUrl) edit.publicBaseUrl = publicBaseUrl
  if (replaceKeys) {
    edit.accessKeyId = values.accessKeyId.trim()
    edit.secretAccessKey = values.secretAccessKey
  }
  return edit
}

export const hasChanges = (edit: ProfileEdit): boolean => Object.keys(edit).length > 1
