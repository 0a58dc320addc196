import type { InputHTMLAttributes } from 'react'
import { LiteralInput } from './LiteralInput'

/** An input for an access key id or its secret (a password field): typed exactly, never remembered. */
export function KeyInput({ secret = false, value, onValue, ...control }: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  secret?: boolean
  value: string
  onValue(value: string): void
}) {
  return <LiteralInput {...control} type={secret ? 'password' : 'text'} value={value} onChange={(event) => onValue(event.target.value)} />
}
