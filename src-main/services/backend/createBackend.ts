import { AppError } from '../../router/appError'
import { createEventHub } from '../../router/eventHub'
import { createRouter, type Handlers } from '../../router/router'
import { createAwsClientFactory } from '../aws/awsClients'
import { createAwsFileImport } from '../awsFiles/awsFileImport'
import { createBucketService } from '../buckets/bucketService'
import { probeKeychain } from '../keychain/keychainStatus'
import { createKeytarSecretStore } from '../keychain/keytarSecretStore'
import { createMemorySecretStore } from '../keychain/secretStore'
import { createProfileRepository } from '../profiles/profileRepository'
import { createProfileService } from '../profiles/profileService'
import { createSetupWizard } from '../setupWizard/setupWizardService'
import { createObjectHandlers } from '../objects/objectHandlers'
import { createBucketRegionCache } from '../objects/bucketRegionCache'
import { createBucketScopes } from '../objects/bucketScope'
import { createTransferHandlers } from '../transfers/transferHandlers'
import { createTransferJournal } from '../transfers/transferJournal'
import { createSetupJournal } from '../setupWizard/setupJournal'
import { createDownloadHandlers } from '../downloads/downloadHandlers'
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
  const keychain = options.secretStore ?? createKeytarSecretStore()
  const clients = createAwsClientFactory(options.awsEndpointOverride ?? null)
  let forgetScopes = () => {}
  const repository = createProfileRepository(options.dataDir)
  // Read once now, so a damaged file is noticed (and reported by app/info) at start.
  await repository.load().catch(() => undefined)
  const profiles = createProfileService({
    repository,
    keychain,
    session: createMemorySecretStore(),
    clients,
    onChange: (list) => {
      // A profile's keys, region or endpoint may have changed: no kept client may outlive that.
      forgetScopes()
      events.emit('profiles/changed', { profiles: list })
    },
  })
  const buckets = createBucketService({ profiles, clients })
  const awsFiles = createAwsFileImport({ homeDir: options.homeDir, profiles })
  const setup = createSetupWizard({ clients, profiles, journal: createSetupJournal(options.dataDir), onProgress: (state) => events.emit('setup/progress', state) })

  // Object calls and uploads both sign for the bucket's own region, asked once per bucket.
  const scopeFor = createBucketScopes({ profiles, clients, regions: createBucketRegionCache() })
  forgetScopes = scopeFor.forgetAll
  const transfers = createTransferHandlers({
    s3For: async (profileId, bucket) => (await scopeFor(profileId, bucket)).s3,
    events,
    // Browser mode shares the page's ~6 connections with the API and the event stream;
    // from disk, many small files at once hide each request's round trip.
    maxConcurrentFiles: options.shell === 'browser' ? 4 : 32,
    allowPaths: options.shell === 'electron',
    journal: createTransferJournal(options.dataDir),
  })
  // Multipart uploads a previous run didn't finish: shown as interrupted, to resume or discard.
  await transfers.engine.restoreInterrupted()

  const downloads = createDownloadHandlers({ scopeFor, chooseFolder: options.chooseFolder })

  const handlers: Handlers = {
    'app/info': async () => ({
      version: options.version,
      shell: options.shell,
      osLocale: options.osLocale,
      platform: process.platform,
      profilesRecovered: repository.recoveredFromCorruption ? { damagedCopy: repository.damagedCopy, restoredFromBackup: repository.restoredFromBackup } : null,
    }),
    'keychain/status': () => probeKeychain(keychain),
    'profiles/list': () => profiles.list(),
    'profiles/add': (draft) => profiles.add(draft),
    'profiles/update': (edit) => profiles.update(edit),
    'profiles/delete': ({ id }) => profiles.remove(id),
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
    openDownload: downloads.open,
    async close() {
      await setup.idle()
    },
  }
}
