import { useId, type ReactElement, type ReactNode } from 'react'

interface FieldProps {
  label: string
  help?: ReactNode
  problem?: string | undefined
  /** Renders the control with the ids that tie it to its label, help and problem. */
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactElement
}

/** A labelled form control with optional help text and an inline problem. */
export function Field({ label, help, problem, children }: FieldProps) {
  const id = useId()
  const helpId = `${id}-help`
  const problemId = `${id}-problem`
  const describedBy = [problem ? problemId : null, help ? helpId : null].filter(Boolean).join(' ')
  return (
    <div className={`field ${problem ? 'field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(problem ? { 'aria-invalid': true } : {}),
      })}
      {problem && (
        <p id={problemId} className="field__problem">
          {problem}
        </p>
      )}
      {help && (
        <p id={helpId} className="field__help">
          {help}
        </p>
      )}
    </div>
  )
}
