import type { SetupAdmin, SetupPlan } from '../../../src-main/contract/bridge'
import { isAwsRegion } from '../../../src-main/contract/rules/regions'
import { bucketNameProblems, bucketNameWarnings, type NameProblem } from '../../../src-main/contract/rules/bucketNameRule'
import { iamUserNameProblems } from '../../../src-main/contract/rules/iamUserNameRule'
import { accessKeyIdPattern, hasSurroundingSpace, profileNameMaxLength } from '../../../src-main/contract/rules/profileRules'

/**
 * The wizard's answers, checked page by page with the same pure rules the main side
 * enforces, so that a problem shows next to its field as the user types and nothing is
 * sent while any is left.
 */
export type WizardPage = 'admin' | 'user' | 'bucket' | 'publicRead' | 'progress' | 'verified' | 'export'

/** The pages that hold answers, in order: the first one with a problem is where the user is sent. */
export const answerPages = ['admin', 'user', 'bucket'] as const
export type AnswerPage = (typeof answerPages)[number]

export interface AdminAnswers {
  source: 'keys' | 'profile'
  accessKeyId: string
  secretAccessKey: string
  profileId: string
  saveAsProfile: boolean
  saveName: string
}

/** The plan as the pages collect it; which old key to delete is asked later, if at all. */
export type PlanAnswers = Omit<SetupPlan, 'deleteAccessKeyRef'>

export const emptyAdminAnswers = (): AdminAnswers => ({
  source: 'keys',
  accessKeyId: '',
  secretAccessKey: '',
  profileId: '',
  saveAsProfile: false,
  saveName: '',
})

export const emptyPlanAnswers = (): PlanAnswers => ({
  userName: '',
  userMode: 'new',
  // Least privilege is the default: leaked app keys then expose one bucket, not all.
  policy: 'least-privilege',
  bucket: '',
  region: 'us-east-1',
  cors: false,
  keepTestObject: false,
})

export type AdminField = 'accessKeyId' | 'secretAccessKey' | 'profileId' | 'saveName'
export type PageProblems<F extends string> = Partial<Record<F, NameProblem>>

const problem = (code: string, message: string): NameProblem => ({ code, message })

/** A profile name as the main side accepts it: 1 to 64 characters once trimmed. */
export function profileNameProblem(name: string): NameProblem | null {
  const trimmed = name.trim()
  if (!trimmed) return problem('profile-name-required', 'Enter a name for the profile.')
  if (trimmed.length > profileNameMaxLength) return problem('profile-name-length', `Use at most ${profileNameMaxLength} characters.`)
  return null
}

export function adminProblems(answers: AdminAnswers): PageProblems<AdminField> {
  const found: PageProblems<AdminField> = {}
  if (answers.source === 'profile') {
    if (!answers.profileId) found.profileId = problem('admin-profile-required', 'Choose a saved profile.')
    return found
  }
  const keyId = answers.accessKeyId.trim()
  if (!keyId) found.accessKeyId = problem('key-id-required', 'Enter the access key ID.')
  else if (!accessKeyIdPattern.test(keyId)) found.accessKeyId = problem('key-id-characters', 'An access key ID has only letters and digits.')
  if (!answers.secretAccessKey) found.secretAccessKey = problem('secret-required', 'Enter the secret access key.')
  else if (hasSurroundingSpace(answers.secretAccessKey)) {
    found.secretAccessKey = problem('secret-spaces', 'Remove the spaces around the secret access key.')
  }
  if (answers.saveAsProfile) {
    const nameProblem = profileNameProblem(answers.saveName)
    if (nameProblem) found.saveName = nameProblem
  }
  return found
}

/** Only the first rule broken is shown: one thing to fix at a time. */
export function userPageProblems(plan: PlanAnswers): PageProblems<'userName'> {
  const first = iamUserNameProblems(plan.userName)[0]
  return first ? { userName: first } : {}
}

export function bucketPageProblems(plan: PlanAnswers): PageProblems<'bucket' | 'region'> {
  const found: PageProblems<'bucket' | 'region'> = {}
  const first = bucketNameProblems(plan.bucket)[0]
  if (first) found.bucket = first
  if (!isAwsRegion(plan.region)) found.region = problem('region-unknown', 'Choose one of the AWS regions in the list.')
  return found
}

/** Dots are legal but break HTTPS on virtual-hosted URLs: a warning, never a blocker. */
export const bucketPageWarnings = (plan: PlanAnswers): NameProblem[] => bucketNameWarnings(plan.bucket)

export interface PageProblem {
  page: AnswerPage
  field: string
  problem: NameProblem
}

/** The first page (in wizard order) with a problem, its first field and that problem. */
export function firstProblem(admin: AdminAnswers | null, plan: PlanAnswers): PageProblem | null {
  const byPage: [AnswerPage, Record<string, NameProblem | undefined>][] = [
    // Once setup/start succeeded the admin page is done, whatever its emptied fields say.
    ['admin', admin ? adminProblems(admin) : {}],
    ['user', userPageProblems(plan)],
    ['bucket', bucketPageProblems(plan)],
  ]
  for (const [page, problems] of byPage) {
    const entry = Object.entries(problems).find(([, found]) => found)
    if (entry && entry[1]) return { page, field: entry[0], problem: entry[1] }
  }
  return null
}

export function toSetupAdmin(answers: AdminAnswers): SetupAdmin {
  if (answers.source === 'profile') return { source: 'profile', profileId: answers.profileId }
  return {
    source: 'keys',
    accessKeyId: answers.accessKeyId.trim(),
    secretAccessKey: answers.secretAccessKey,
    saveAsProfile: answers.saveAsProfile ? answers.saveName.trim() : null,
  }
}

/** Field by field: the main side refuses any field it does not expect. */
export function toSetupPlan(plan: PlanAnswers, deleteAccessKeyRef: string | null = null): SetupPlan {
  const { userName, userMode, policy, bucket, region, cors, keepTestObject } = plan
  return { userName, userMode, policy, bucket, region, cors, keepTestObject, deleteAccessKeyRef }
}

/** What the new profile is called unless the user says otherwise: "my-bucket (django-media)". */
export const defaultProfileName = (bucket: string, userName: string): string => `${bucket} (${userName})`.slice(0, 64)
