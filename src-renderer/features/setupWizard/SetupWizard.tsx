import { useEffect, useState } from 'react'
import { AdminPage } from './AdminPage'
import { BucketPage } from './BucketPage'
import { CancelDialog } from './CancelDialog'
import { ExportPanel } from './ExportPanel'
import { ProgressPage } from './ProgressPage'
import { PublicReadPage } from './PublicReadPage'
import { useSetupWizardStore } from './setupWizardStore'
import { StepIndicator } from './StepIndicator'
import { UserPage } from './UserPage'
import { useSetupTranslation } from './useSetupTranslation'
import { VerifiedPage } from './VerifiedPage'
import './setupWizard.css'
import './setupBlocks.css'

interface Props {
  onClose(): void
  onFinished(result: { profileId: string; bucket: string }): void
}

/**
 * The guided first-time setup, filling the pane it is given
 *
 * Each open starts from empty answers; closing (any way, unmounting included) ends the
 * main-process session, which forgets the admin keys.
 */
export function SetupWizard({ onClose, onFinished }: Props) {
  const { t } = useSetupTranslation()
  const page = useSetupWizardStore((s) => s.page)
  const start = useSetupWizardStore((s) => s.start)
  const finish = useSetupWizardStore((s) => s.finish)
  const [asking, setAsking] = useState(false)

  useEffect(() => {
    const store = useSetupWizardStore.getState()
    store.reset()
    void store.loadProfiles()
    void store.loadPending()
    return () => void useSetupWizardStore.getState().close()
  }, [])

  const leave = async () => {
    setAsking(false)
    await useSetupWizardStore.getState().close()
    onClose()
  }
  // Nothing made yet: nothing to ask. A run in flight may still make something, so ask.
  const cancel = () => {
    const { progress, busy } = useSetupWizardStore.getState()
    if ((progress?.created.length ?? 0) > 0 || busy === 'run' || progress?.status === 'running') setAsking(true)
    else void leave()
  }
  const openBucket = async () => {
    if (!finish) return
    const result = { profileId: finish.profile.id, bucket: finish.bucket }
    await useSetupWizardStore.getState().close()
    onFinished(result)
  }

  return (
    <section className="setup" aria-label={t('title')}>
      <header className="setup__header">
        <div className="setup__titles">
          <h1 className="setup__title">{t('title')}</h1>
          {start && <p className="setup__account">{t('account', { account: start.accountId })}</p>}
        </div>
        {page === 'admin' && <p className="setup__lead">{t('lead')}</p>}
        <StepIndicator page={page} />
      </header>
      <div className="setup__content">
        {page === 'admin' && <AdminPage onCancel={cancel} />}
        {page === 'user' && <UserPage onCancel={cancel} />}
        {page === 'bucket' && <BucketPage onCancel={cancel} />}
        {page === 'publicRead' && <PublicReadPage onCancel={cancel} />}
        {page === 'progress' && <ProgressPage onCancel={cancel} />}
        {page === 'verified' && <VerifiedPage onCancel={cancel} />}
        {page === 'export' && finish && <ExportPanel finish={finish} onOpenBucket={() => void openBucket()} />}
      </div>
      {asking && <CancelDialog onStay={() => setAsking(false)} onLeave={() => void leave()} />}
    </section>
  )
}
