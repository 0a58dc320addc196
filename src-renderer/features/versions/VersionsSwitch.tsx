import { useEffect, type ReactNode } from 'react'
import { useVersionsTranslation } from './i18n'
import { useBucketVersioning, useVersioningStore } from './versioningStore'
import { VersionsView } from './VersionsView'

/**
 * "Show versions": in a bucket that is (or was) versioned, the folder view lists every
 * version and delete marker. In a bucket never versioned there are none, so no switch.
 */
export function VersionsSwitch({ profileId, bucket }: { profileId: string; bucket: string }) {
  const { t } = useVersionsTranslation()
  const status = useBucketVersioning(profileId, bucket)
  const showVersions = useVersioningStore((s) => s.showVersions)
  const setShowVersions = useVersioningStore((s) => s.setShowVersions)
  useEffect(() => {
    void useVersioningStore.getState().load(profileId, bucket)
  }, [profileId, bucket])
  if (status !== 'on' && status !== 'suspended') return null
  return (
    <button type="button" role="switch" aria-checked={showVersions} className={`button switch-button ${showVersions ? 'switch-button--on' : ''}`} onClick={() => setShowVersions(!showVersions)}>
      <span className="switch-button__track" aria-hidden="true">
        <span className="switch-button__thumb" />
      </span>
      {t('show')}
    </button>
  )
}

/** The folder view, or its versions when the switch is on. */
export function VersionsOrFiles({ where, children }: { where: { profileId: string; bucket: string; prefix: string }; children: ReactNode }) {
  const status = useBucketVersioning(where.profileId, where.bucket)
  const showVersions = useVersioningStore((s) => s.showVersions)
  if (showVersions && (status === 'on' || status === 'suspended')) return <VersionsView where={where} />
  return <>{children}</>
}
