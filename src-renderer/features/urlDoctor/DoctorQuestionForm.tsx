import { useState } from 'react'
import type { DoctorQuestion, DoctorUrlForm, DoctorUsage } from '../../../src-main/contract/bridge'
import { Field } from '../../ui/Field'
import { useUrlDoctorTranslation } from './i18n'
import { LiteralInput } from '../../ui/LiteralInput'

const forms: DoctorUrlForm[] = ['public', 'path-style', 'custom-base']
const usages: DoctorUsage[] = ['page', 'fetch', 'canvas', 'font']

/** Same rule as the main process: an http(s) origin, no path; a bare host means https. */
export function siteOriginProblem(value: string): boolean {
  const text = value.trim()
  if (text === '') return false
  const url = URL.canParse(text) ? new URL(text) : !text.includes('://') && URL.canParse(`https://${text}`) ? new URL(`https://${text}`) : null
  return !url || !/^https?:$/.test(url.protocol) || (url.pathname !== '/' && url.pathname !== '') || Boolean(url.search || url.hash || url.username)
}

/**
 * What to check: the key (a folder checks its first file), which URL form, how the
 * site uses the file, and which site; "Check" runs the doctor again with these.
 */
export function DoctorQuestionForm({ question, hasBaseUrl, busy, onRun }: { question: DoctorQuestion; hasBaseUrl: boolean; busy: boolean; onRun: (question: DoctorQuestion) => void }) {
  const { t } = useUrlDoctorTranslation()
  const [key, setKey] = useState(question.key)
  const [form, setForm] = useState<DoctorUrlForm>(question.form)
  const [usage, setUsage] = useState<DoctorUsage>(question.usage)
  const [origin, setOrigin] = useState(question.origin ?? '')
  const [problem, setProblem] = useState(false)
  const [open, setOpen] = useState(false)

  // Folded by default: most checks start from the file picked in the browser; CORS and
  // hot-link protection need the site, and the summary says what is checked meanwhile.
  return (
    <details className="doctor-question" open={open} onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary className="doctor-question__summary">
        {t('fields.summary', { key: question.key, form: t(`fields.forms.${question.form}`), usage: t(`fields.usages.${question.usage}`) })}
        {question.origin ? ` · ${question.origin}` : ''}
      </summary>
      <form
        className="doctor-question__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (siteOriginProblem(origin)) return setProblem(true)
          if (key.trim() !== '') onRun({ ...question, key, form, usage, origin: origin.trim() || null })
        }}
      >
        <Field label={t('fields.key')} help={t('fields.keyHelp')}>
          {(control) => <LiteralInput {...control} value={key} onChange={(e) => setKey(e.target.value)} />}
        </Field>
        <Field label={t('fields.form')}>
          {(control) => (
            <select {...control} className="select" value={form} onChange={(e) => setForm(e.target.value as DoctorUrlForm)}>
              {forms.map((f) => (
                <option key={f} value={f} disabled={f === 'custom-base' && !hasBaseUrl}>
                  {t(`fields.forms.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.usage')}>
          {(control) => (
            <select {...control} className="select" value={usage} onChange={(e) => setUsage(e.target.value as DoctorUsage)}>
              {usages.map((u) => (
                <option key={u} value={u}>
                  {t(`fields.usages.${u}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.origin')} help={t('fields.originHelp')} problem={problem ? t('fields.originProblem') : undefined}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://blog.example"
              value={origin}
              onChange={(e) => {
                setOrigin(e.target.value)
                setProblem(false)
              }}
            />
          )}
        </Field>
        <div className="doctor-question__run">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('fields.run')}
          </button>
        </div>
      </form>
    </details>
  )
}
