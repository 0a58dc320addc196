import type { CreatedResource } from '../../../src-main/contract/bridge'
import { describeAllCreated } from './createdResources'
import { say } from './phraseText'
import { useSetupTranslation } from './useSetupTranslation'

/** "This run created: …", in words, so the user knows what a rollback would undo. */
export function CreatedList({ resources }: { resources: CreatedResource[] }) {
  const { t } = useSetupTranslation()
  if (resources.length === 0) return <p className="quiet">{t('run.createdNothing')}</p>
  return (
    <div className="setup-created">
      <p className="setup-created__title">{t('run.createdTitle')}</p>
      <ul className="setup-list">
        {describeAllCreated(resources).map((phrase, index) => (
          <li key={index}>{say(t, phrase)}</li>
        ))}
      </ul>
    </div>
  )
}
