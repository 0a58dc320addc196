import { useId, type ReactNode } from 'react'

interface Props {
  type: 'radio' | 'checkbox'
  label: string
  help?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  name?: string
  disabled?: boolean
}

/** A radio or checkbox with its label and a help line, in the shell's `.choice` look. */
export function ChoiceOption({ type, label, help, checked, onChange, name, disabled = false }: Props) {
  const id = useId()
  return (
    <div className={`choice ${disabled ? 'choice--disabled' : ''}`}>
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="choice__text">
        <label htmlFor={id} className="choice__label">
          {label}
        </label>
        {help && (
          <p id={`${id}-help`} className="choice__help">
            {help}
          </p>
        )}
      </div>
    </div>
  )
}
