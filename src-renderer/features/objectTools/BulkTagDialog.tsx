import { useState } from 'react'
import { tagProblems } from '../../../src-main/contract/rules/objectTools/tagRules'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { Field } from '../../ui/Field'
import type { BrowserLocation } from '../browser/browserStore'
import { useObjectToolsTranslation } from './i18n'
import { SelectionToolDialog, useSelectionWords } from './SelectionToolDialog'

/** One tag set or removed on every file of a selection, their other tags kept. */
export function BulkTagDialog({ location, keys, onClose }: { location: BrowserLocation; keys: string[]; onClose: () => void }) {
  const { t } = useObjectToolsTranslation()
  const what = useSelectionWords(keys)
  const [action, setAction] = useState<'set' | 'remove'>('set')
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const [problems, setProblems] = useState<{ key?: string; value?: string }>({})

  const validate = () => {
    const found = tagProblems([{ key: key.trim(), value: action === 'set' ? value : '' }])
    const next: { key?: string; value?: string } = {}
    for (const p of found) if (p.field === 'key' || p.field === 'value') next[p.field] ??= t(`problems.${p.code}`)
    setProblems(next)
    return found.length === 0
  }
  const shownKey = key.trim() || '…'

  return (
    <SelectionToolDialog
      title={t('bulkTags.title', { what })}
      keys={keys}
      confirmLabel={t('bulkTags.confirm', { what })}
      summary={<p>{action === 'set' ? t('bulkTags.summarySet', { key: shownKey, value: value || '…' }) : t('bulkTags.summaryRemove', { key: shownKey })}</p>}
      validate={validate}
      run={async (operationId) =>
        unwrap(
          await bridge['objects/applyTag']({
            profileId: location.profileId,
            bucket: location.bucket,
            keys,
            operationId,
            change: action === 'set' ? { action, key: key.trim(), value } : { action, key: key.trim() },
          }),
        )
      }
      onClose={onClose}
    >
      <fieldset className="choice-group">
        <legend className="field__label">{t('bulkTags.action')}</legend>
        {(['set', 'remove'] as const).map((choice) => (
          <label key={choice} className="choice">
            <input type="radio" name="tag-action" checked={action === choice} onChange={() => setAction(choice)} />
            {t(`bulkTags.${choice}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('tags.key')} problem={problems.key}>
        {(control) => <input {...control} className="input" type="text" autoComplete="off" spellCheck={false} value={key} onChange={(e) => setKey(e.target.value)} />}
      </Field>
      {action === 'set' && (
        <Field label={t('tags.value')} problem={problems.value}>
          {(control) => <input {...control} className="input" type="text" autoComplete="off" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
      )}
    </SelectionToolDialog>
  )
}
