import { useId, type ReactNode } from 'react'
import type { SettingRead } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { bucketSettingsNamespace, useBucketSettingsTranslation } from './i18n'
import { EditButton } from './EditorActions'
import { useSettingEditor } from './useSettingEditor'

/**
 * One setting's card: its name, what it is now in plain words, and its editor
 *
 * A setting the key may not read says which permission is missing; the card stays, so
 * the rest of the panel is unaffected.
 */
export function SettingSection<T>({ title, read, children, actions }: { title: string; read: SettingRead<T> | null; children: (value: T) => ReactNode; actions?: ReactNode }) {
  const { t } = useBucketSettingsTranslation()
  const headingId = useId()
  return (
    <section className="settings-card" aria-labelledby={headingId}>
      <div className="settings-card__head">
        <h2 id={headingId} className="settings-card__title">
          {title}
        </h2>
        {read?.state === 'ok' && actions}
      </div>
      {read === null ? (
        <p className="quiet">{t('reading')}</p>
      ) : read.state === 'ok' ? (
        children(read.value)
      ) : read.state === 'denied' ? (
        <p className="notice notice--warning">{t('denied', { permission: read.permission })}</p>
      ) : (
        <ErrorAlert error={read.error} namespace={bucketSettingsNamespace} />
      )}
    </section>
  )
}

/**
 * A card with an Edit button and the editor that opens under what the setting is now; the
 * button comes back focused when the editor closes.
 */
export function EditableSection<T>({ title, read, editLabel, summary, editor }: { title: string; read: SettingRead<T> | null; editLabel: string; summary: (value: T) => ReactNode; editor: (value: T, done: () => void) => ReactNode }) {
  const editing = useSettingEditor()
  return (
    <SettingSection title={title} read={read} actions={<EditButton editor={editing} label={editLabel} />}>
      {(value) => (
        <>
          {summary(value)}
          {editing.editing && editor(value, editing.done)}
        </>
      )}
    </SettingSection>
  )
}
