import type { DataFileReport } from '../contract/bridge'
import { AppError } from '../core/appError'
import { redactSecrets } from '../core/redact'
import { createEventHub } from '../core/eventHub'
import { createRouter } from '../router/router'
import type { Handlers } from '../core/handlers'
import { createAwsClientFactory } from '../services/aws/awsClients'
import { createAwsFileImport } from '../services/awsFiles/awsFileImport'
import { createBucketService } from '../services/buckets/bucketService'
import { probeKeychain } from '../services/keychain/keychainStatus'
import { createKeytarSecretStore } from '../services/keychain/keytarSecretStore'
import { createMemorySecretStore, rememberingSecrets } from '../services/keychain/secretStore'
import { createProfileRepository } from '../services/profiles/profileRepository'
import { createProfileService } from '../services/profiles/profileService'
import { createSetupWizard } from '../services/setupWizard/setupWizardService'
import { createObjectHandlers } from '../services/objects/objectHandlers'
import { createBucketRegionCache } from '../services/objects/bucketRegionCache'
import { createBucketScopes } from '../services/objects/bucketScope'
import { createTransferHandlers } from '../services/transfers/transferHandlers'
import { createDiskFiles } from '../services/transfers/diskFiles'
import { createTransferJournal } from '../services/transfers/transferJournal'
import { createSetupJournal } from '../services/setupWizard/setupJournal'
import { createDownloadHandlers } from '../services/downloads/downloadHandlers'
import { createBucketIndexes } from '../services/bucketIndex/bucketIndexService'
import { createSearchService } from '../services/search/searchService'
import { createIndexAndSearchHandlers } from '../services/search/searchHandlers'
import { createSyncHandlers } from '../services/sync/syncHandlers'
import { createUrlDoctorHandlers } from '../services/urlDoctor/urlDoctorHandlers'
import { createBucketAdminHandlers } from '../services/bucketAdmin/bucketAdminHandlers'
import { createOperations } from '../services/bucketAdmin/operations'
import { createVersionHandlers } from '../services/versions/versionHandlers'
import { createObjectToolHandlers } from '../services/objectTools/objectToolHandlers'
import { createBucketSettingsHandlers } from '../services/bucketSettings/bucketSettingsHandlers'
import { createIncompleteUploadHandlers } from '../services/incompleteUploads/incompleteUploadHandlers'
import type { Backend } from './backend'
import type { BackendOptions } from './backendOptions'

/**
 * The composition root
 *
 * Builds every service from plain options, so the Electron shell, browser mode and the
 * tests all get the same router. Nothing here imports Electron.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const events = createEventHub()
  // Whatever passes through a secret store is masked in every log line and error after.
  const keychain = rememberingSecrets(options.secretStore ?? createKeytarSecretStore())
  const clients = createAwsClientFactory(options.awsEndpointOverride ?? null, options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {})
  let forgetScopes = () => {}
  const repository = createProfileRepository(options.dataDir)
  const profiles = createProfileService({
    repository,
    keychain,
    session: rememberingSecrets(createMemorySecretStore()),
    clients,
    claimUnknownSecrets: options.claimUnknownSecrets ?? false,
    onChange: (list) => {
      // A profile's keys, region or endpoint may have changed: no kept client may outlive that.
      forgetScopes()
      events.emit('profiles/changed', { profiles: list })
    },
  })
  // Read now, so a damaged file is set aside and reported (app/info) at start, and a
  // keychain change a stopped run left half-done is finished before anything else.
  await profiles.reconcileSecrets().catch((error: unknown) => options.log?.(`[cubeta] profiles at start: ${redactSecrets(String((error as Error)?.message ?? error))}`))
  const buckets = createBucketService({ profiles, clients })
  const awsFiles = createAwsFileImport({ homeDir: options.homeDir, profiles })
  const setupJournal = createSetupJournal(options.dataDir)
  const transferJournal = createTransferJournal(options.dataDir)
  const setup = createSetupWizard({ clients, profiles, journal: setupJournal, onProgress: (state) => events.emit('setup/progress', state) })

  // Object calls and uploads both sign for the bucket's own region, asked once per bucket.
  const scopeFor = createBucketScopes({ profiles, clients, regions: createBucketRegionCache() })
  forgetScopes = scopeFor.forgetAll
  // Electron streams dropped files from disk; the window names them only by id.
  const diskFiles = options.shell === 'electron' ? createDiskFiles() : null
  const transfers = createTransferHandlers({
    s3For: async (profileId, bucket) => (await scopeFor(profileId, bucket)).transferS3,
    events,
    // Browser mode shares the page's ~6 connections with the API and the event stream;
    // from disk, many small files at once hide each request's round trip.
    maxConcurrentFiles: options.shell === 'browser' ? 4 : 32,
    diskFiles,
    journal: transferJournal,
  })
  // Multipart uploads a previous run didn't finish: shown as interrupted, to resume or discard.
  await transfers.engine.restoreInterrupted()

  /** Each data file read again, so the notice also covers damage found since the start. */
  const dataFileReports = async (): Promise<DataFileReport[]> => {
    await Promise.all([repository.load(), setupJournal.load(), sync.pairs.list()].map((read) => read.catch(() => undefined)))
    return [repository.report(), transferJournal.report?.() ?? null, setupJournal.report?.() ?? null, sync.pairs.report()].filter((r): r is DataFileReport => r !== null)
  }

  const downloads = createDownloadHandlers({ scopeFor, chooseFolder: options.chooseFolder })
  // Bucket management (issue 12): long operations share one registry, so any can be stopped.
  const operations = createOperations()
  const bucketAdmin = createBucketAdminHandlers({ profiles, clients, events, scopeFor, operations, onBucketsChanged: scopeFor.forgetAll })

  // Issue 11: the bucket index (one SQLite file per profile and bucket), search over it,
  // and folder sync, which compares against fresh listings and sends through the queue.
  const indexes = createBucketIndexes({ dataDir: options.dataDir, scopeFor, events, ...(options.log ? { log: options.log } : {}) })
  const search = createSearchService({ indexes, events })
  const sync = createSyncHandlers({ dataDir: options.dataDir, scopeFor, events, engine: transfers.engine, shell: options.shell, chooseFolder: options.chooseFolder })

  const handlers: Handlers = {
    'app/info': async () => ({
      version: options.version,
      shell: options.shell,
      osLocale: options.osLocale,
      platform: process.platform,
      profilesRecovered: repository.recoveredFromCorruption ? { damagedCopy: repository.damagedCopy, restoredFromBackup: repository.restoredFromBackup } : null,
      dataFiles: await dataFileReports(),
      orphanedSecrets: profiles.orphanedSecrets(),
    }),
    'keychain/status': () => probeKeychain(keychain),
    'profiles/list': () => profiles.list(),
    'profiles/add': (draft) => profiles.add(draft),
    'profiles/update': (edit) => profiles.update(edit),
    'profiles/delete': ({ id }) => profiles.remove(id),
    'profiles/removeOrphanedSecrets': () => profiles.removeOrphanedSecrets(),
    'profiles/scanAwsFiles': () => awsFiles.scan(),
    'profiles/importAwsFiles': ({ names, secretStorage }) => awsFiles.importProfiles(names, secretStorage),
    'buckets/list': ({ profileId }) => buckets.list(profileId),
    'setup/start': ({ admin }) => setup.start(admin),
    'setup/run': ({ sessionId, plan }) => setup.run(sessionId, plan),
    'setup/rollback': ({ sessionId }) => setup.rollback(sessionId),
    'setup/finish': ({ sessionId, profileName }) => setup.finish(sessionId, profileName),
    'setup/revealEnv': ({ sessionId }) => setup.revealEnv(sessionId),
    'setup/close': ({ sessionId }) => setup.close(sessionId),
    'setup/pending': () => setup.pending(),
    'setup/adoptPending': ({ sessionId }) => setup.adoptPending(sessionId),
    ...createObjectHandlers({ profiles, clients, events, scopeFor }),
    ...transfers.handlers,
    ...downloads.handlers,
    ...createIndexAndSearchHandlers({ indexes, search }),
    ...sync.handlers,
    ...createUrlDoctorHandlers({ scopeFor, clients, events }),
    ...bucketAdmin,
    ...createVersionHandlers({ scopeFor }),
    ...createObjectToolHandlers({ scopeFor, events, operations }),
    ...createBucketSettingsHandlers({ scopeFor, clients }),
    ...createIncompleteUploadHandlers({ scopeFor, transfers: transfers.engine }),
    'clipboard/writeText': async ({ text }) => {
      if (!options.writeClipboard) {
        throw new AppError('clipboard-in-browser', 'In browser mode the page copies by itself.', 'Allow clipboard access for this page in the browser.')
      }
      options.writeClipboard(text)
      return { written: true }
    },
  }

  return {
    router: createRouter(handlers, options.log),
    events,
    transfers: transfers.engine,
    diskFiles,
    openDownload: downloads.open,
    openZip: sync.openZip,
    async close() {
      await setup.idle()
      await sync.close()
      await indexes.close()
    },
  }
}
