import { useTranslation } from 'react-i18next'
import type { ProfileView } from '../../../src-main/contract/bridge'
import { useDialogStore } from '../../app/dialogStore'
import { useBucketsStore } from '../buckets/bucketsStore'
import { RefreshIcon } from '../../ui/icons'
import { compactMask } from './displayKey'

/** The active profile: what it connects to, and what can be done with it. */
export function ProfileHeader({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation()
  const show = useDialogStore((s) => s.show)
  const loadBuckets = useBucketsStore((s) => s.load)
  const loading = useBucketsStore((s) => s.status === 'loading')
  return (
    <header className="pane-header">
      <div className="pane-header__row">
        <h1>{profile.name}</h1>
        <div className="toolbar" role="group" aria-label={t('profile.actions')}>
          <button type="button" className="button" disabled={loading} onClick={() => void loadBuckets(profile.id)}>
            <RefreshIcon />
            {t('buckets.refresh')}
          </button>
          <button type="button" className="button" onClick={() => show({ kind: 'edit-profile', profileId: profile.id })}>
            {t('profile.edit')}
          </button>
          <button type="button" className="button button--danger-quiet" onClick={() => show({ kind: 'delete-profile', profileId: profile.id })}>
            {t('profile.delete')}
          </button>
        </div>
      </div>
      <dl className="facts" aria-label={t('profile.details')}>
        <div>
          <dt>{t('profile.region')}</dt>
          <dd className="mono">{profile.region}</dd>
        </div>
        <div>
          <dt>{t('profile.endpoint')}</dt>
          <dd className={profile.endpoint ? 'mono' : ''}>{profile.endpoint ?? t('profile.awsEndpoint')}</dd>
        </div>
        <div>
          <dt>{t('profile.accessKey')}</dt>
          <dd className="mono">{compactMask(profile.keyIdMasked)}</dd>
        </div>
        <div>
          <dt>{t('profile.storage')}</dt>
          <dd>{profile.secretStorage === 'keychain' ? t('profile.storageKeychain') : t('profile.storageSession')}</dd>
        </div>
      </dl>
    </header>
  )
}
