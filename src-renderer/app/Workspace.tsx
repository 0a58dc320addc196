import { BucketsPane } from '../features/buckets/BucketsPane'
import { KeychainBanner } from '../features/keychain/KeychainBanner'
import { ProfileHeader } from '../features/profiles/ProfileHeader'
import { useActiveProfile } from '../features/profiles/profilesStore'
import { Sidebar } from './Sidebar'

/** The everyday layout: profiles and buckets on the left, the active profile's buckets on the right. */
export function Workspace() {
  const profile = useActiveProfile()
  return (
    <div className="workspace">
      <Sidebar />
      <main className="main-pane">
        <KeychainBanner dismissible />
        {profile && <ProfileHeader profile={profile} />}
        <section className="pane-body">{profile && <BucketsPane />}</section>
      </main>
    </div>
  )
}
