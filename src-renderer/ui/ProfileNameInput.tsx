import type { InputHTMLAttributes } from 'react'

/** A profile's name: plain text, at most 64 characters (the main side refuses more). */
export function ProfileNameInput({ value, onValue, ...control }: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string
  onValue(value: string): void
}) {
  return <input {...control} className="input" type="text" autoComplete="off" maxLength={64} value={value} onChange={(event) => onValue(event.target.value)} />
}
