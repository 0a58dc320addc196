import type { DoctorFix } from '../../../src-main/contract/bridge'
import { sayDoctor } from './doctorText'
import { useUrlDoctorTranslation } from './i18n'

export interface FixActions {
  /** Show an applicable fix's exact changes (nothing is sent yet). */
  preview(fixId: string): void
  rename(key: string, suggestion: string): void
  checkKey(key: string): void
  busy: boolean
}

/**
 * One fix: a button that shows what Cubeta would change, or what to do in words, with
 * Rename or "check that key" where that is the way out. The button names the change
 * itself, so several fixes read apart.
 */
export function FixControl({ fix, actions }: { fix: DoctorFix; actions: FixActions }) {
  const { t } = useUrlDoctorTranslation()
  switch (fix.kind) {
    case 'apply':
      return (
        <button type="button" className="button doctor-fix__button" data-fix={fix.id} disabled={actions.busy} onClick={() => actions.preview(fix.id)}>
          {sayDoctor(t, fix.title)}…
        </button>
      )
    case 'words':
      return <p className="doctor-fix__words">{sayDoctor(t, fix.text)}</p>
    case 'rename':
      return (
        <div className="doctor-fix__row">
          <p className="doctor-fix__words">{sayDoctor(t, fix.text)}</p>
          <button type="button" className="button" disabled={actions.busy} onClick={() => actions.rename(fix.key, fix.suggestion)}>
            {t('fix.rename')}
          </button>
        </div>
      )
    case 'use-key':
      return (
        <div className="doctor-fix__row">
          <p className="doctor-fix__words">{sayDoctor(t, fix.text)}</p>
          <button type="button" className="button" disabled={actions.busy} onClick={() => actions.checkKey(fix.key)}>
            {t('fix.useKey', { key: fix.key })}
          </button>
        </div>
      )
  }
}
