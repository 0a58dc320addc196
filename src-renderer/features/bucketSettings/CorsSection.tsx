import { useState } from 'react'
import type { BucketSettings, CorsRule } from '../../../src-main/contract/bridge'
import { corsMethods, corsProblems } from '../../../src-main/contract/rules/bucketSettings/corsRules'
import { parseJsonText } from '../../../src-main/contract/rules/bucketSettings/jsonText'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { asBridgeError } from '../../errors/asBridgeError'
import { Field } from '../../ui/Field'
import { useBucketSettingsTranslation } from './i18n'
import { JsonTextField } from './JsonTextField'
import { EditorActions } from './EditorActions'
import { EditableSection } from './SettingSection'
import { useSettingsStore } from './settingsStore'
import { LiteralInput } from '../../ui/LiteralInput'

const pretty = (value: unknown) => JSON.stringify(value, null, 2)

/**
 * CORS: each rule in words; the editor is the rules as S3's JSON, with a small form that
 * adds a rule, checked as it is typed (where the JSON broke, by line and column; what
 * S3 would refuse), the rules before and after side by side, and the result read back.
 */
export function CorsSection({ profileId, bucket, read }: { profileId: string; bucket: string; read: BucketSettings['cors'] | null }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <EditableSection
      title={t('cors.title')}
      read={read}
      editLabel={t('cors.edit')}
      summary={(rules) =>
        rules.length === 0 ? (
            <p>{t('cors.none')}</p>
          ) : (
            <ul className="settings-list">
              {rules.map((rule, index) => (
                <li key={index}>{t('cors.rule', { methods: rule.AllowedMethods.join(', '), origins: rule.AllowedOrigins.join(', '), age: rule.MaxAgeSeconds ?? '—' })}</li>
              ))}
            </ul>
          )
      }
      editor={(rules, done) => <CorsEditor profileId={profileId} bucket={bucket} current={rules} onDone={done} />}
    />
  )
}

function CorsEditor({ profileId, bucket, current, onDone }: { profileId: string; bucket: string; current: CorsRule[]; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [text, setText] = useState(pretty(current))
  const [origins, setOrigins] = useState('')
  const [methods, setMethods] = useState<string[]>(['GET', 'HEAD'])
  const [reviewing, setReviewing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ReturnType<typeof asBridgeError> | null>(null)
  const parsed = parseJsonText(text)
  const problems = parsed.ok ? corsProblems(parsed.value) : []
  const valid = parsed.ok && problems.length === 0
  const rules = valid ? (parsed.value as CorsRule[]) : null

  const addRule = () => {
    if (!rules) return
    const list = origins.split(/[\s,]+/).filter(Boolean)
    setText(pretty([...rules, { AllowedOrigins: list, AllowedMethods: methods, AllowedHeaders: ['*'], MaxAgeSeconds: 3000 }]))
    setOrigins('')
  }
  const apply = async () => {
    if (!rules) return
    setBusy(true)
    setError(null)
    try {
      const readBack = unwrap(await bridge['bucketSettings/setCors']({ profileId, bucket, rules }))
      useSettingsStore.getState().put('cors', readBack)
      onDone()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }

  return (
    <div className="settings-editor">
      {!reviewing ? (
        <>
          <fieldset className="settings-form">
            <legend className="field__label">{t('cors.addTitle')}</legend>
            <Field label={t('cors.origins')} help={t('cors.originsHelp')}>
              {(control) => <LiteralInput {...control} value={origins} onChange={(event) => setOrigins(event.target.value)} placeholder="https://mi-sitio.com" />}
            </Field>
            <div className="settings-form__methods" role="group" aria-label={t('cors.methods')}>
              {corsMethods.map((method) => (
                <label key={method} className="checkbox-field">
                  <input type="checkbox" checked={methods.includes(method)} onChange={(event) => setMethods(event.target.checked ? [...methods, method] : methods.filter((m) => m !== method))} />
                  <span className="mono">{method}</span>
                </label>
              ))}
            </div>
            <div>
              <button type="button" className="button" disabled={!rules || origins.trim() === '' || methods.length === 0} onClick={addRule}>
                {t('cors.add')}
              </button>
            </div>
          </fieldset>
          <JsonTextField label={t('cors.json')} help={t('cors.jsonHelp')} rows={12} text={text} parsed={parsed} onChange={setText} />
          {problems.length > 0 && (
            // The alert wraps the list: role="alert" on the <ul> itself would stop it being a list.
            <div className="field__problem" role="alert">
              <ul>
                {problems.slice(0, 5).map((p, i) => (
                  <li key={i}>{t(`cors.problem.${p.code}`, { rule: p.rule, detail: p.detail })}</li>
                ))}
              </ul>
            </div>
          )}
          <EditorActions error={error} back="cancel" onBack={onDone} label={t('review')} disabled={!valid} onGo={() => setReviewing(true)} />
        </>
      ) : (
        <>
          <p>{t('cors.review', { before: current.length, after: rules?.length ?? 0 })}</p>
          <div className="settings-diff">
            <div>
              <h3 className="field__label">{t('before')}</h3>
              <pre className="settings-json" tabIndex={0} role="group" aria-label={t('before')}>{pretty(current)}</pre>
            </div>
            <div>
              <h3 className="field__label">{t('after')}</h3>
              <pre className="settings-json" tabIndex={0} role="group" aria-label={t('after')}>{pretty(rules)}</pre>
            </div>
          </div>
          <EditorActions error={error} back="back" onBack={() => setReviewing(false)} label={t('cors.apply')} disabled={busy} onGo={() => void apply()} />
        </>
      )}
    </div>
  )
}
