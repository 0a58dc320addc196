import { useId, type FormEvent, type ReactNode } from 'react'

/** An editor's form: Enter in a field applies, as the primary button does, and the page never reloads. */
export function SettingsForm({ onApply, children }: { onApply: () => void; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply()
  }
  return (
    <form className="settings-editor" onSubmit={submit}>
      {children}
    </form>
  )
}

/** One of a few choices, as radio buttons under a legend. */
export function ChoiceGroup<T extends string>({ legend, options, value, onChange, labelOf }: { legend: string; options: readonly T[]; value: T; onChange: (option: T) => void; labelOf: (option: T) => string }) {
  const name = useId()
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          <span className="choice__label">{labelOf(option)}</span>
        </label>
      ))}
    </fieldset>
  )
}

/** What a change will cost the user, said before it is applied. */
export function SettingsWarning({ title, children, alert = false }: { title?: string; children: ReactNode; alert?: boolean }) {
  return (
    <div className="notice notice--warning settings-warning" role={alert ? 'alert' : undefined}>
      <div className="notice__text">
        {title && <p className="notice__title">{title}</p>}
        {children}
      </div>
    </div>
  )
}

/** The tick a warning asks for before its change can be applied. */
export function ConfirmBox({ checked, onChange, label }: { checked: boolean; onChange: (checked: boolean) => void; label: string }) {
  return (
    <label className="checkbox-field">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  )
}
