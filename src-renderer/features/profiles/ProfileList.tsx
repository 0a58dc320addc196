import { useTranslation } from 'react-i18next'
import { ClockIcon } from '../../ui/icons'
import { badgeColour, badgeLetters } from './profileBadge'
import { useProfilesStore } from './profilesStore'

/**
 * Profiles in the sidebar; choosing one makes it active. Each has its own two letters
 * and colour; a long name shows in full on hover (title) and when focused (it wraps).
 */
export function ProfileList({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const profiles = useProfilesStore((s) => s.profiles)
  const activeId = useProfilesStore((s) => s.activeId)
  const select = useProfilesStore((s) => s.select)
  return (
    <ul className="nav-list" aria-labelledby={headingId}>
      {profiles.map((profile) => {
        const active = profile.id === activeId
        return (
          <li key={profile.id}>
            <button
              type="button"
              className={`nav-item ${active ? 'nav-item--active' : ''}`}
              aria-current={active ? 'true' : undefined}
              title={profile.name}
              onClick={() => select(profile.id)}
            >
              <span className={`nav-item__avatar profile-badge--${badgeColour(profile.id)}`} aria-hidden="true">
                {badgeLetters(profile.name)}
              </span>
              <span className="nav-item__label">{profile.name}</span>
              {profile.secretStorage === 'session' && (
                <span className="nav-item__badge" title={t('sidebar.sessionOnly')}>
                  <ClockIcon />
                </span>
              )}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
