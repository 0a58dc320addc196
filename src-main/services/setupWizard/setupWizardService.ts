import { randomUUID } from 'node:crypto'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { DeleteAccessKeyCommand } from '@aws-sdk/client-iam'
import type { PendingSetup, SetupAdmin, SetupFinish, SetupPlan, SetupStart, SetupState, SetupStepId } from '../../contract/bridge'
import { djangoMediaLocation } from '../../contract/rules/djangoLayout'
import { objectUrl } from '../../contract/rules/publicUrl'
import { AppError } from '../../core/appError'
import type { AwsClientFactory } from '../aws/awsClients'
import { toAppError } from '../aws/awsErrors'
import { maskKeyId } from '../../core/maskKeyId'
import type { ProfileService } from '../profiles/profileService'
import type { ProfileConnection } from '../aws/profileConnection'
import { checkAdminPermissions } from './adminCheck'
import { applyPublicRead, ensureBucket } from './bucketSteps'
import { envLines } from './djangoExport'
import { ensureAccessKey, ensureUser, ensureUserPolicy } from './iamSteps'
import { rollBack } from './setupRollback'
import { createMemorySetupJournal, type SetupJournal } from './setupJournal'
import { newSetupState, publicState, setStep, stepOrder, type SetupSession } from './setupSession'
import { verifyPublicRead, waitForNewKey } from './verifySteps'

export interface SetupWizard {
  start(admin: SetupAdmin): Promise<SetupStart>
  run(sessionId: string, plan: SetupPlan): Promise<SetupState>
  rollback(sessionId: string): Promise<SetupState>
  finish(sessionId: string, profileName: string): Promise<SetupFinish>
  revealEnv(sessionId: string): Promise<{ env: string }>
  close(sessionId: string): Promise<{ closed: boolean }>
  pending(): Promise<{ pending: PendingSetup | null }>
  adoptPending(sessionId: string): Promise<{ state: SetupState; plan: SetupPlan }>
  /** Waits for the journal's last write. */
  idle(): Promise<void>
}

interface Deps {
  clients: AwsClientFactory
  profiles: ProfileService
  onProgress: (state: SetupState) => void
  fetch?: typeof fetch
  /** Survives a kill: what a half-done setup created (setupJournal). */
  journal?: SetupJournal
}

/**
 * The guided setup, as a plain Node module
 *
 * Every step is idempotent: it looks before it creates and reuses what is already
 * there, so re-running after a failure continues instead of duplicating. What a run
 * creates is journaled in the session, so cancel or failure can roll back exactly that.
 */
export function createSetupWizard(deps: Deps): SetupWizard {
  const sessions = new Map<string, SetupSession>()
  const get = (id: string) => {
    const session = sessions.get(id)
    if (!session) throw new AppError('setup-session-gone', 'This setup session has ended.', 'Start the setup again; anything it created is reused.')
    return session
  }
  const adminOf = (session: SetupSession): ProfileConnection => {
    if (!session.admin) throw new AppError('setup-admin-forgotten', 'The admin keys were already forgotten.', 'Start the setup again to make more changes.')
    return session.admin
  }
  const journal = deps.journal ?? createMemorySetupJournal()
  const emit = (session: SetupSession) => {
    void remember(session).catch(() => undefined)
    deps.onProgress(publicState(session))
  }
  /** Written after every step; cleared once nothing is left half-done. */
  const remember = async (session: SetupSession) => {
    const { status, created, steps } = session.state
    if (!session.plan || !session.journaled) return
    if (status === 'finished' || created.length === 0) return journal.clear()
    await journal.save({
      version: 1,
      accountId: session.accountId,
      plan: session.plan,
      created,
      steps,
      newAccessKeyId: session.newKey?.accessKeyId ?? session.orphanKeyId,
      updatedAt: new Date().toISOString(),
    })
  }

  return {
    async start(admin) {
      const connection: ProfileConnection =
        admin.source === 'keys'
          ? { accessKeyId: admin.accessKeyId.trim(), secretAccessKey: admin.secretAccessKey, region: 'us-east-1', endpoint: null, forcePathStyle: false }
          : await deps.profiles.connectionFor(admin.profileId)
      if (connection.endpoint !== null) {
        throw new AppError('setup-needs-aws', 'Guided setup works with AWS accounts, and this profile points at a custom endpoint.', 'Pick an AWS profile, or paste AWS admin keys.')
      }
      const identity = await deps.clients
        .sts(connection)
        .send(new GetCallerIdentityCommand({}))
        .catch((error) => {
          throw toAppError(error, { keyIdMasked: maskKeyId(connection.accessKeyId), action: 'sign in', endpoint: null })
        })
      if (admin.source === 'keys' && admin.saveAsProfile) {
        await deps.profiles.add({ name: admin.saveAsProfile, accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey, region: 'us-east-1', endpoint: null, forcePathStyle: false, secretStorage: 'keychain' })
      }
      const check = await checkAdminPermissions(deps.clients.iam(connection), identity.Arn ?? '')
      const id = randomUUID()
      sessions.set(id, { id, admin: connection, accountId: identity.Account ?? '', plan: null, newKey: null, keyRefs: new Map(), verifiedKey: null, orphanKeyId: null, journaled: false, state: newSetupState(id) })
      const pending = await journal.load()
      return { sessionId: id, accountId: identity.Account ?? '', adminArn: identity.Arn ?? '', ...check, pendingInAccount: pending?.accountId === identity.Account }
    },

    async run(sessionId, plan) {
      const session = get(sessionId)
      if (session.state.status === 'running') throw new AppError('setup-busy', 'Setup is already running.', 'Wait for it to finish.')
      if (session.state.status === 'finished') throw new AppError('setup-finished', 'This setup has already finished.', 'Start a new setup to make more changes.')
      const admin = adminOf(session)
      if (session.plan && session.plan.userName !== plan.userName && session.newKey) {
        throw new AppError('setup-user-changed', 'This run already created a key for another user.', 'Roll back first, or keep the user name.')
      }
      session.plan = plan
      // A pending setup nobody adopted (another account's) is kept, not overwritten.
      session.journaled ||= (await journal.load()) === null
      session.state = { ...session.state, status: 'running', bucketSuggestions: [], rollback: null }
      for (const id of stepOrder) setStep(session, id, { status: 'pending', error: null })
      emit(session)

      const iam = deps.clients.iam(admin)
      const s3Admin = deps.clients.s3({ ...admin, region: plan.region })
      let current: SetupStepId = 'user'
      try {
        await dropOrphanKey(session, iam)
      } catch (error) {
        setStep(session, 'accessKey', { status: 'failed', error: toAppError(error, { action: 'delete the key the interrupted setup made', endpoint: null }).toBridge() })
        session.state.status = 'failed'
        emit(session)
        return publicState(session)
      }
      const step = async (id: SetupStepId, run: () => Promise<unknown>) => {
        current = id
        setStep(session, id, { status: 'running', detail: null })
        emit(session)
        const result = await run()
        emit(session)
        return result
      }
      const waiting = (id: SetupStepId) => (detail: string) => {
        setStep(session, id, { status: 'waiting', detail })
        emit(session)
      }
      try {
        const userArn = (await step('user', () => ensureUser(session, iam))) as string
        await step('userPolicy', () => ensureUserPolicy(session, iam))
        if ((await step('accessKey', () => ensureAccessKey(session, iam))) === 'needs-key-choice') {
          session.state.status = 'needs-key-choice'
          emit(session)
          return publicState(session)
        }
        await step('bucket', () => ensureBucket(session, s3Admin))
        await step('publicRead', () => applyPublicRead(session, s3Admin, userArn, waiting('publicRead')))
        const asNewUser = deps.clients.s3({ ...session.newKey!, region: plan.region, endpoint: null, forcePathStyle: false })
        await step('propagation', () => waitForNewKey(session, asNewUser, waiting('propagation')))
        await step('verify', () =>
          verifyPublicRead(session, {
            s3AsNewUser: asNewUser,
            s3control: deps.clients.s3control(admin),
            publicEndpoint: deps.clients.publicEndpoint,
            fetch: deps.fetch ?? fetch,
            onWait: waiting('verify'),
          }),
        )
        session.state.status = 'verified'
      } catch (error) {
        const appError = toAppError(error, { action: 'finish this step', endpoint: null })
        setStep(session, current, { status: 'failed', error: appError.toBridge() })
        session.state.status = 'failed'
      }
      emit(session)
      return publicState(session)
    },

    async rollback(sessionId) {
      const session = get(sessionId)
      const admin = adminOf(session)
      if (session.state.status === 'running') throw new AppError('setup-busy', 'Setup is still running.', 'Wait for the current step, then roll back.')
      const region = session.plan?.region ?? 'us-east-1'
      session.state.rollback = await rollBack(session, deps.clients.iam(admin), deps.clients.s3({ ...admin, region }))
      if (!session.state.created.some((r) => r.kind === 'access-key')) session.orphanKeyId = null
      session.state.status = 'rolled-back'
      session.state.verified = null
      for (const id of stepOrder) setStep(session, id, { status: 'pending', detail: null, error: null })
      emit(session)
      return publicState(session)
    },

    async finish(sessionId, profileName) {
      const session = get(sessionId)
      if (session.state.status !== 'verified' || !session.newKey || !session.plan || !session.state.verified) {
        throw new AppError('setup-not-verified', 'Setup has not verified the public URL yet.', 'Run the setup to the end first.')
      }
      const { bucket, region } = session.plan
      const profile = await deps.profiles.add(
        { name: profileName, ...session.newKey, region, endpoint: null, forcePathStyle: false, secretStorage: 'keychain' },
        { pinnedBucket: bucket },
      )
      // The admin keys were for setup only: forget them now, as the wizard promised.
      session.admin = null
      session.state.status = 'finished'
      emit(session)
      return {
        profile,
        bucket,
        region,
        publicUrl: session.state.verified.publicUrl,
        testImageKept: session.plan.keepTestObject,
        mediaBaseUrl: objectUrl({ bucket, key: `${djangoMediaLocation}/`, region, endpoint: deps.clients.publicEndpoint }),
        envMasked: envLines({ accessKeyId: maskKeyId(session.newKey.accessKeyId), secretAccessKey: '•'.repeat(12), bucket, region }),
      }
    },

    async revealEnv(sessionId) {
      const session = get(sessionId)
      if (!session.newKey || !session.plan) throw new AppError('setup-no-key', 'This setup has no new key to show.', 'Run the setup to the end first.')
      return { env: envLines({ ...session.newKey, bucket: session.plan.bucket, region: session.plan.region }) }
    },

    async close(sessionId) {
      return { closed: sessions.delete(sessionId) }
    },

    idle: () => journal.idle(),

    async pending() {
      const record = await journal.load()
      if (!record) return { pending: null }
      const { accountId, plan, created, updatedAt } = record
      return { pending: { accountId, userName: plan.userName, bucket: plan.bucket, region: plan.region, created, updatedAt } }
    },

    async adoptPending(sessionId) {
      const session = get(sessionId)
      const record = await journal.load()
      if (!record) throw new AppError('setup-nothing-pending', 'There is no interrupted setup to continue.', 'Start a new setup.')
      if (record.accountId !== session.accountId) {
        throw new AppError('setup-other-account', `The interrupted setup was in account ${record.accountId}, and these keys are for ${session.accountId}.`, 'Use admin keys of the account where the setup began.', { expected: record.accountId })
      }
      session.plan = record.plan
      session.orphanKeyId = record.newAccessKeyId
      session.journaled = true
      const stoppedAt = record.steps.find((s) => s.status !== 'done')?.id ?? 'verify'
      session.state = {
        ...session.state,
        status: 'failed',
        created: record.created,
        steps: record.steps.map((step) =>
          step.id === stoppedAt
            ? { ...step, status: 'failed', detail: null, error: { code: 'setup-interrupted', message: 'Cubeta stopped during this step.', hint: 'Try again to continue the setup from here, or roll back what it created.' } }
            : step.status === 'done'
              ? step
              : { ...step, status: 'pending', detail: null, error: null },
        ),
      }
      emit(session)
      return { state: publicState(session), plan: record.plan }
    },
  }
}

/**
 * The key an interrupted run made can't be used (its secret died with that process), and
 * leaving it would block the user's second key slot: delete it before making a new one.
 */
async function dropOrphanKey(session: SetupSession, iam: ReturnType<AwsClientFactory['iam']>) {
  if (!session.orphanKeyId || !session.plan) return
  await iam.send(new DeleteAccessKeyCommand({ UserName: session.plan.userName, AccessKeyId: session.orphanKeyId })).catch((error: { name?: string }) => {
    if (error?.name !== 'NoSuchEntity' && error?.name !== 'NoSuchEntityException') throw error
  })
  session.orphanKeyId = null
  session.state.created = session.state.created.filter((r) => r.kind !== 'access-key')
}
