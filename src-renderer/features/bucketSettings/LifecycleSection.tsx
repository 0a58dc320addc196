import { useState } from 'react'
import type { BucketSettings } from '../../../src-main/contract/bridge'
import { formOf, lifecycleKinds, lifecycleProblems, ruleFromForm, transitionClasses, type LifecycleForm } from '../../../src-main/contract/rules/bucketSettings/lifecycleRules'
import { bridge, unwrap } from '../../bridge/bridgeClient'
import { Field } from '../../ui/Field'
import { useBucketSettingsTranslation } from './i18n'
import { EditorActions } from './EditorActions'
import { SettingsWarning } from './EditorParts'
import { EditableSection } from './SettingSection'
import { useSettingsStore } from './settingsStore'
import { useSettingWrite } from './useSettingEditor'
import { LiteralInput } from '../../ui/LiteralInput'

type Rule = Record<string, unknown>
const idOf = (rule: Rule, index: number) => (typeof rule.ID === 'string' && rule.ID !== '' ? rule.ID : `#${index + 1}`)

/** One rule in words when the form can make it, else as the JSON it is kept as. */
function RuleWords({ rule, index }: { rule: Rule; index: number }) {
  const { t } = useBucketSettingsTranslation()
  const form = formOf(rule)
  if (!form) {
    return (
      <>
        <span>{t('lifecycle.asJson', { id: idOf(rule, index) })}</span>
        <pre className="settings-json" tabIndex={0} role="group" aria-label={t('lifecycle.asJson', { id: idOf(rule, index) })}>
          {JSON.stringify(rule, null, 2)}
        </pre>
      </>
    )
  }
  const where = form.prefix ? t('lifecycle.under', { prefix: form.prefix }) : t('lifecycle.everywhere')
  return (
    <span>
      {t(`lifecycle.kind.${form.kind}`, { where, count: form.days, storageClass: form.storageClass ?? '' })} {!form.enabled && t('lifecycle.disabled')}
    </span>
  )
}

/**
 * Lifecycle rules: each in words, or as JSON when the form can't show it (kept as it
 * is). The editor adds the four kinds of rule the issue names, removes rules one by one,
 * and says which rules go before it writes.
 */
export function LifecycleSection({ profileId, bucket, read }: { profileId: string; bucket: string; read: BucketSettings['lifecycle'] | null }) {
  const { t } = useBucketSettingsTranslation()
  return (
    <EditableSection
      title={t('lifecycle.title')}
      read={read}
      editLabel={t('lifecycle.edit')}
      summary={(rules) =>
        rules.length === 0 ? (
            <p>{t('lifecycle.none')}</p>
          ) : (
            <RuleList rules={rules} />
          )
      }
      editor={(rules, done) => <LifecycleEditor profileId={profileId} bucket={bucket} current={rules} onDone={done} />}
    />
  )
}

/** The rules in words, one line each. */
function RuleList({ rules }: { rules: readonly Rule[] }) {
  return (
    <ul className="settings-list">
      {rules.map((rule, index) => (
        <li key={index}>
          <RuleWords rule={rule} index={index} />
        </li>
      ))}
    </ul>
  )
}

function LifecycleEditor({ profileId, bucket, current, onDone }: { profileId: string; bucket: string; current: Rule[]; onDone: () => void }) {
  const { t } = useBucketSettingsTranslation()
  const [rules, setRules] = useState<Rule[]>(current)
  const [form, setForm] = useState<LifecycleForm>({ kind: 'expire-noncurrent', prefix: '', days: 30, storageClass: 'STANDARD_IA' })
  const [daysText, setDaysText] = useState('30')
  const [reviewing, setReviewing] = useState(false)
  const write = useSettingWrite(onDone)
  const days = /^\d+$/.test(daysText.trim()) ? Number(daysText.trim()) : NaN
  const daysOk = Number.isInteger(days) && days > 0
  const problems = lifecycleProblems(rules)
  const keptIds = new Set(rules.map((r) => JSON.stringify(r)))
  const removed = current.filter((r) => !keptIds.has(JSON.stringify(r))).map((r) => idOf(r, current.indexOf(r)))
  const deletes = rules.some((r) => !current.includes(r) && ('Expiration' in r || 'NoncurrentVersionExpiration' in r))

  const add = () => {
    if (!daysOk) return
    setRules([...rules, ruleFromForm({ ...form, prefix: form.prefix.trim(), days }, rules.flatMap((r) => (typeof r.ID === 'string' ? [r.ID] : [])))])
  }
  const apply = () =>
    write.run(async () => {
      useSettingsStore.getState().put('lifecycle', unwrap(await bridge['bucketSettings/setLifecycle']({ profileId, bucket, rules })))
    })

  if (reviewing) {
    return (
      <div className="settings-editor">
        <p>{t('lifecycle.review')}</p>
        <p className="settings-change" role="status">
          {removed.length > 0 ? t('lifecycle.removed', { list: removed.join(', ') }) : t('lifecycle.nothingRemoved')}
        </p>
        <RuleList rules={rules} />
        {deletes && (
          <SettingsWarning title={t('lifecycle.deleteWarningTitle')}>
            <p>{t('lifecycle.deleteWarning')}</p>
          </SettingsWarning>
        )}
        <EditorActions error={write.error} back="back" onBack={() => setReviewing(false)} label={t('lifecycle.apply')} disabled={write.busy} onGo={() => void apply()} />
      </div>
    )
  }

  return (
    <div className="settings-editor">
      <ul className="settings-list">
        {rules.map((rule, index) => (
          <li key={index}>
            <RuleWords rule={rule} index={index} />{' '}
            <button type="button" className="button" onClick={() => setRules(rules.filter((r) => r !== rule))}>
              {t('lifecycle.remove', { id: idOf(rule, index) })}
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="settings-form">
        <legend className="field__label">{t('lifecycle.addTitle')}</legend>
        <Field label={t('lifecycle.kindLabel')}>
          {(control) => (
            <select {...control} className="input" value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as LifecycleForm['kind'] })}>
              {lifecycleKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`lifecycle.kindOption.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('lifecycle.prefix')} help={t('lifecycle.prefixHelp')}>
          {(control) => <LiteralInput {...control} value={form.prefix} onChange={(event) => setForm({ ...form, prefix: event.target.value })} />}
        </Field>
        <Field label={t('lifecycle.days')} problem={daysOk ? undefined : t('lifecycle.daysProblem')}>
          {(control) => <input {...control} className="input" inputMode="numeric" value={daysText} onChange={(event) => setDaysText(event.target.value)} />}
        </Field>
        {form.kind === 'transition' && (
          <Field label={t('lifecycle.storageClass')}>
            {(control) => (
              <select {...control} className="input" value={form.storageClass} onChange={(event) => setForm({ ...form, storageClass: event.target.value as LifecycleForm['storageClass'] })}>
                {transitionClasses.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div>
          <button type="button" className="button" disabled={!daysOk} onClick={add}>
            {t('lifecycle.add')}
          </button>
        </div>
      </fieldset>
      {problems.length > 0 && (
        <ul className="field__problem" role="alert">
          {problems.slice(0, 5).map((p, i) => (
            <li key={i}>{t(`lifecycle.problem.${p.code}`, { rule: p.rule, detail: p.detail })}</li>
          ))}
        </ul>
      )}
      <EditorActions back="cancel" onBack={onDone} label={t('review')} disabled={problems.length > 0 || JSON.stringify(rules) === JSON.stringify(current)} onGo={() => setReviewing(true)} />
    </div>
  )
}
