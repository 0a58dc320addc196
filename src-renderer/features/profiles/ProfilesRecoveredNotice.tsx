import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppInfoStore } from '../../app/appInfoStore'

/** After a damaged profiles.json: what happened, what may be missing, where the damaged file is. */
export function ProfilesRecoveredNotice() {
  const { t } = useTranslation()
  const recovered = useAppInfoStore((s) => s.info?.profilesRecovered ?? null)
  const [dismissed, setDismissed] = useState(false)
  if (!recovered || dismissed) return null
  return (
    <section role="alert" aria-label={t('app.profilesRecovered.title')} className="notice notice--warning app-notice">
      <div className="notice__text">
        <p className="notice__message">{t('app.profilesRecovered.title')}</p>
        <p className="notice__hint">{t(recovered.restoredFromBackup ? 'app.profilesRecovered.body' : 'app.profilesRecovered.bodyNoCopy')}</p>
        {recovered.damagedCopy && <p className="notice__hint mono">{t('app.profilesRecovered.kept', { path: recovered.damagedCopy })}</p>}
      </div>
      <button type="button" className="button button--quiet" aria-label={t('app.profilesRecovered.dismiss')} onClick={() => setDismissed(true)}>
        ×
      </button>
    </section>
  )
}
