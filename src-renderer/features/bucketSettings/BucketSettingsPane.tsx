import { useEffect, useId } from 'react'
import type { ProfileView } from '../../../src-main/contract/bridge'
import { useDialogStore } from '../../app/dialogStore'
import { BucketSizeSection } from '../bucketAdmin/BucketSizeSection'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { IncompleteUploadsSection } from '../incompleteUploads/IncompleteUploadsSection'
import { CorsSection } from './CorsSection'
import { bucketSettingsNamespace, useBucketSettingsTranslation } from './i18n'
import { EncryptionSection } from './EncryptionSection'
import { LifecycleSection } from './LifecycleSection'
import { OwnershipSection } from './OwnershipSection'
import { PolicySection } from './PolicySection'
import { AccountBlockSection, PublicAccessSection } from './PublicAccessSection'
import { useSettingsStore } from './settingsStore'
import { VersioningSection } from './VersioningSection'
import { WebsiteSection } from './WebsiteSection'
import './bucketSettings.css'

/**
 * One bucket's settings, each section as it is now in plain words, with its editor
 *
 * A section the key may not read says which permission is missing; the others still work.
 */
export function BucketSettingsPane({ profile, bucket, onCloseBucket, onShowFiles }: { profile: ProfileView; bucket: string; onCloseBucket: () => void; onShowFiles: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const show = useDialogStore((s) => s.show)
  const headingId = useId()
  const dangerId = useId()
  const settings = useSettingsStore((s) => (s.bucketKey === `${profile.id}\n${bucket}` ? s.settings : null))
  const error = useSettingsStore((s) => s.error)
  useEffect(() => {
    void useSettingsStore.getState().load(profile.id, bucket)
  }, [profile.id, bucket])
  return (
    <section className="bucket-settings" aria-labelledby={headingId}>
      <header className="bucket-settings__header">
        <div className="bucket-settings__top">
          <button type="button" className="button button--quiet" onClick={onCloseBucket}>
            {t('allBuckets')}
          </button>
          <button type="button" className="button" onClick={onShowFiles}>
            {t('files')}
          </button>
        </div>
        <h1 id={headingId} className="bucket-settings__title">
          {t('title', { bucket })}
        </h1>
      </header>
      <div className="bucket-settings__body">
        {error && <ErrorAlert error={error} namespace={bucketSettingsNamespace} />}
        <section className="settings-card" aria-label={t('location.title')}>
          <h2 className="settings-card__title">{t('location.title')}</h2>
          <p>{settings ? t('location.is', { region: settings.region, endpoint: settings.endpoint }) : t('reading')}</p>
        </section>
        <BucketSizeSection profileId={profile.id} bucket={bucket} />
        <VersioningSection profileId={profile.id} bucket={bucket} read={settings?.versioning ?? null} />
        <PublicAccessSection profileId={profile.id} bucket={bucket} settings={settings} />
        <AccountBlockSection settings={settings} />
        <PolicySection profileId={profile.id} bucket={bucket} settings={settings} />
        <CorsSection profileId={profile.id} bucket={bucket} read={settings?.cors ?? null} />
        <OwnershipSection profileId={profile.id} bucket={bucket} read={settings?.ownership ?? null} />
        <EncryptionSection profileId={profile.id} bucket={bucket} read={settings?.encryption ?? null} />
        <WebsiteSection profileId={profile.id} bucket={bucket} read={settings?.website ?? null} />
        <LifecycleSection profileId={profile.id} bucket={bucket} read={settings?.lifecycle ?? null} />
        <IncompleteUploadsSection profileId={profile.id} bucket={bucket} />
        <section className="settings-card settings-card--danger" aria-labelledby={dangerId}>
          <h2 id={dangerId} className="settings-card__title">
            {t('danger.heading')}
          </h2>
          <p className="quiet">{t('danger.body')}</p>
          <div>
            <button type="button" className="button button--danger" onClick={() => show({ kind: 'delete-bucket', profileId: profile.id, bucket })}>
              {t('danger.delete')}
            </button>
          </div>
        </section>
      </div>
    </section>
  )
}
