import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { BucketNameList } from '../features/buckets/BucketNameList'
import { LanguageSwitch } from '../features/language/LanguageSwitch'
import { ThemeSwitch } from '../features/theme/ThemeSwitch'
import { ProfileList } from '../features/profiles/ProfileList'
import { PendingSetupButton } from '../features/setupWizard/PendingSetupButton'
import { BucketIcon, ImportIcon, PlusIcon, SparkIcon } from '../ui/icons'
import { useAppInfoStore } from './appInfoStore'
import { useDialogStore } from './dialogStore'
import { useAppViewStore } from './appViewStore'

export function Sidebar() {
  const { t } = useTranslation()
  const show = useDialogStore((s) => s.show)
  const openSetup = useAppViewStore((s) => s.openSetup)
  const version = useAppInfoStore((s) => s.info?.version)
  const profilesHeading = useId()
  const bucketsHeading = useId()
  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar__brand">
        <span className="sidebar__mark">
          <BucketIcon size={18} />
        </span>
        <span className="sidebar__name">{t('app.name')}</span>
      </div>
      <div className="sidebar__scroll">
        <section className="sidebar__section">
          <h2 id={profilesHeading} className="sidebar__heading">
            {t('sidebar.profiles')}
          </h2>
          <ProfileList headingId={profilesHeading} />
          <div className="sidebar__actions">
            <button type="button" className="button button--sidebar" data-opens="setup" onClick={openSetup}>
              <SparkIcon />
              {t('sidebar.guidedSetup')}
            </button>
            <PendingSetupButton onOpen={openSetup} />
            <button type="button" className="button button--sidebar" onClick={() => show({ kind: 'add-profile' })}>
              <PlusIcon />
              {t('sidebar.addProfile')}
            </button>
            <button type="button" className="button button--sidebar button--quiet" onClick={() => show({ kind: 'import-aws' })}>
              <ImportIcon />
              {t('sidebar.importAws')}
            </button>
          </div>
        </section>
        <section className="sidebar__section">
          <h2 id={bucketsHeading} className="sidebar__heading">
            {t('sidebar.buckets')}
          </h2>
          <BucketNameList headingId={bucketsHeading} />
        </section>
      </div>
      <footer className="sidebar__footer">
        <LanguageSwitch />
        <ThemeSwitch />
        {version && <span className="sidebar__version">v{version}</span>}
      </footer>
    </aside>
  )
}
