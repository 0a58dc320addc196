import type { BridgeError } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { bucketSettingsNamespace, useBucketSettingsTranslation } from './i18n'
import type { useSettingEditor } from './useSettingEditor'

/**
 * The foot of every settings editor: the last write's error, then a step back (Cancel, or
 * Back from a review) and the one action that goes on. Without `onGo` the action submits
 * the editor's form, so Enter in a field does the same.
 */
export function EditorActions({ error = null, back, onBack, label, disabled, onGo }: { error?: BridgeError | null; back: 'cancel' | 'back'; onBack: () => void; label: string; disabled: boolean; onGo?: () => void }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <>
      {error && <ErrorAlert error={error} namespace={bucketSettingsNamespace} />}
      <div className="settings-editor__actions">
        <button type="button" className="button" onClick={onBack}>
          {t(back)}
        </button>
        <button type={onGo ? 'button' : 'submit'} className="button button--primary" disabled={disabled} onClick={onGo}>
          {label}
        </button>
      </div>
    </>
  )
}

/** A card's Edit button: gone while its editor is open, focused again when it closes. */
export function EditButton({ editor, label }: { editor: ReturnType<typeof useSettingEditor>; label: string }) {
  const { t } = useBucketSettingsTranslation()
  if (editor.editing) return null
  return (
    <button ref={editor.opener} type="button" className="button" aria-label={label} onClick={editor.open}>
      {t('edit')}
    </button>
  )
}
