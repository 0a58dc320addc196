import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { WelcomeScreen } from '../features/welcome/WelcomeScreen'
import { useProfilesStore } from '../features/profiles/profilesStore'
import { ErrorAlert } from '../ui/ErrorAlert'
import { DialogHost } from './DialogHost'
import { useBoot, useBucketsFollowActiveProfile } from './useBoot'
import { Workspace } from './Workspace'
import { useAppViewStore } from './appViewStore'
import { DataFilesNotice } from '../features/dataFiles/DataFilesNotice'
import { OrphanedSecretsNotice } from '../features/keychain/OrphanedSecretsNotice'

export function App() {
  useBoot()
  useBucketsFollowActiveProfile()
  const status = useProfilesStore((s) => s.status)
  const hasProfiles = useProfilesStore((s) => s.profiles.length > 0)
  const view = useAppViewStore((s) => s.view)
  if (view === 'setup') return <GuidedSetup />
  return (
    <>
      <div className="app-notices">
        <DataFilesNotice />
        <OrphanedSecretsNotice />
      </div>
      {status === 'loading' ? <Starting /> : status === 'error' ? <StartFailed /> : hasProfiles ? <Workspace /> : <WelcomeScreen />}
      <DialogHost />
    </>
  )
}

function Starting() {
  const { t } = useTranslation()
  return (
    <div className="boot" role="status">
      <span className="spinner" aria-hidden="true" />
      <p>{t('app.loading')}</p>
    </div>
  )
}

/** The profile list itself failed (in browser mode, usually an expired session). */
function StartFailed() {
  const { t } = useTranslation()
  const error = useProfilesStore((s) => s.error)
  const load = useProfilesStore((s) => s.load)
  return (
    <main className="boot">
      <h1 className="boot__title">{t('app.startFailed')}</h1>
      {error && <ErrorAlert error={error} />}
      <button type="button" className="button" onClick={() => void load()}>
        {t('common.tryAgain')}
      </button>
    </main>
  )
}

// The wizard is most of a first start's code but only the first start's: it loads when opened.
const SetupWizard = lazy(() => import('../features/setupWizard/SetupWizard').then((m) => ({ default: m.SetupWizard })))

/** The wizard takes the window; it ends on the new profile with its bucket opened. */
function GuidedSetup() {
  const closeSetup = useAppViewStore((s) => s.closeSetup)
  const openBucket = useAppViewStore((s) => s.openBucket)
  const selectProfile = useProfilesStore((s) => s.select)
  const loadProfiles = useProfilesStore((s) => s.load)
  return (
    <Suspense fallback={<Starting />}>
      <SetupWizard
        onClose={closeSetup}
        onFinished={({ profileId, bucket }) => {
          void loadProfiles().then(() => selectProfile(profileId))
          openBucket({ profileId, bucket })
        }}
      />
    </Suspense>
  )
}
