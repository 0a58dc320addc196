import { useTranslation } from 'react-i18next'
import { PendingSetupButton } from '../setupWizard/PendingSetupButton'
import { useDialogStore } from '../../app/dialogStore'
import { useAppViewStore } from '../../app/appViewStore'
import { BucketIcon, ImportIcon, PlusIcon, SparkIcon } from '../../ui/icons'
import { KeychainBanner } from '../keychain/KeychainBanner'
import { LanguageSwitch } from '../language/LanguageSwitch'
import { ThemeSwitch } from '../theme/ThemeSwitch'

/** First launch, or every profile deleted: what Cubeta is, and the two ways to start. */
export function WelcomeScreen() {
  const { t } = useTranslation()
  const show = useDialogStore((s) => s.show)
  const openSetup = useAppViewStore((s) => s.openSetup)
  return (
    <div className="welcome">
      <main className="welcome__card" aria-labelledby="welcome-title">
        <span className="welcome__mark">
          <BucketIcon size={36} />
        </span>
        <h1 id="welcome-title" className="welcome__title">
          {t('welcome.title')}
        </h1>
        <p className="welcome__lead">{t('welcome.description')}</p>
        <div className="welcome__setup">
          <button type="button" className="button button--primary button--large" data-opens="setup" onClick={openSetup}>
            <SparkIcon />
            {t('welcome.guidedSetup')}
          </button>
          <p className="quiet">{t('welcome.guidedSetupExplained')}</p>
          <PendingSetupButton onOpen={openSetup} />
        </div>
        <p className="quiet">{t('welcome.profileExplained')}</p>
        <div className="welcome__actions">
          <button type="button" className="button button--large" onClick={() => show({ kind: 'add-profile' })}>
            <PlusIcon />
            {t('welcome.addProfile')}
          </button>
          <button type="button" className="button button--large" onClick={() => show({ kind: 'import-aws' })}>
            <ImportIcon />
            {t('welcome.importAws')}
          </button>
        </div>
        <KeychainBanner />
      </main>
      <footer className="welcome__footer">
        <LanguageSwitch />
        <ThemeSwitch />
      </footer>
    </div>
  )
}
