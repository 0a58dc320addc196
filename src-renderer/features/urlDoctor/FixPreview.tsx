import { useEffect, useId, useRef } from 'react'
import { lineDiff, type DiffLine } from './lineDiff'
import type { DoctorFix } from '../../../src-main/contract/bridge'
import { sayDoctor } from './doctorText'
import { useUrlDoctorTranslation } from './i18n'

/**
 * Exactly what a fix will change, before anything is sent: each setting as it is now
 * and as it will be, and what else it touches. Apply, or go back.
 */
export function FixPreview({ fix, busy, onApply, onBack }: { fix: Extract<DoctorFix, { kind: 'apply' }>; busy: boolean; onApply: () => void; onBack: () => void }) {
  const { t } = useUrlDoctorTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="doctor-preview" aria-labelledby="doctor-preview-title">
      <h3 id="doctor-preview-title" className="doctor-preview__title" ref={heading} tabIndex={-1}>
        {t('fix.preview')}: {sayDoctor(t, fix.title)}
      </h3>
      <p className="quiet">{t('fix.intro')}</p>
      {fix.caution && (
        <div className="notice notice--warning">
          <p className="notice__message">{sayDoctor(t, fix.caution)}</p>
        </div>
      )}
      {fix.changes.map((change, i) => (
        <ChangeView key={i} label={sayDoctor(t, change.label)} before={change.before} after={change.after} />
      ))}
      <div className="doctor-preview__actions">
        <button type="button" className={`button ${fix.caution ? 'button--danger' : 'button--primary'}`} disabled={busy} onClick={onApply}>
          {busy ? t('fix.applying') : t('fix.apply')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onBack}>
          {t('fix.back')}
        </button>
      </div>
    </section>
  )
}

/** One setting, now and after, with the lines that go and come marked (and scrolled to). */
function ChangeView({ label, before, after }: { label: string; before: string | null; after: string | null }) {
  const { t } = useUrlDoctorTranslation()
  const diff = lineDiff(before, after)
  return (
    <figure className="doctor-change">
      <figcaption className="doctor-change__label">{label}</figcaption>
      <div className="doctor-change__sides">
        <Side title={t('fix.before')} lines={diff.before} empty={t('fix.none')} mark="del" />
        <Side title={t('fix.after')} lines={diff.after} empty={t('fix.removed')} mark="ins" after />
      </div>
    </figure>
  )
}

function Side({ title, lines, empty, mark: Mark, after = false }: { title: string; lines: DiffLine[]; empty: string; mark: 'ins' | 'del'; after?: boolean }) {
  const box = useRef<HTMLPreElement>(null)
  const titleId = useId()
  // A long policy: bring the first changed line into view, inside the box only.
  useEffect(() => {
    const first = box.current?.querySelector<HTMLElement>(Mark)
    if (box.current && first) box.current.scrollTop = Math.max(0, first.offsetTop - 24)
  }, [Mark])
  return (
    <div>
      <p id={titleId} className="doctor-change__side">
        {title}
      </p>
      {/* A Tab stop that arrow keys scroll, named by its title: a named group, as a bare <pre> may not carry a name. */}
      <pre ref={box} className={`doctor-change__value ${after ? 'doctor-change__value--after' : ''}`} tabIndex={0} role="group" aria-labelledby={titleId}>
        {lines.length === 0
          ? empty
          : lines.map((line, i) => (
              <span key={i} className="doctor-change__line">
                {line.changed ? <Mark className="doctor-change__mark">{line.text}</Mark> : line.text}
                {'\n'}
              </span>
            ))}
      </pre>
    </div>
  )
}
