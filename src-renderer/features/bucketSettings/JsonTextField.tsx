import { useRef } from 'react'
import type { JsonParse } from '../../../src-main/contract/rules/bucketSettings/jsonText'
import { Field } from '../../ui/Field'
import { useBucketSettingsTranslation } from './i18n'

/**
 * A setting edited as JSON (the bucket policy, CORS rules): the text area, and when the
 * text does not parse, where (line and column, a button that puts the cursor there) and why.
 * The rules of what the JSON must hold stay with each editor.
 */
export function JsonTextField({ label, help, rows, text, parsed, onChange }: { label: string; help: string; rows: number; text: string; parsed: JsonParse; onChange: (text: string) => void }) {
  const { t } = useBucketSettingsTranslation()
  const area = useRef<HTMLTextAreaElement>(null)
  const jump = (offset: number) => {
    area.current?.focus()
    area.current?.setSelectionRange(offset, offset)
  }
  return (
    <>
      <Field label={label} help={help}>
        {(control) => <textarea {...control} ref={area} className="input input--mono settings-json" rows={rows} spellCheck={false} value={text} onChange={(event) => onChange(event.target.value)} />}
      </Field>
      {!parsed.ok && (
        <p className="field__problem" role="alert">
          <button type="button" className="link-button" onClick={() => jump(parsed.problem.offset)}>
            {t('json.where', { line: parsed.problem.line, column: parsed.problem.column })}
          </button>{' '}
          {t(`json.${parsed.problem.code}`, { found: parsed.problem.found })}
        </p>
      )}
    </>
  )
}
