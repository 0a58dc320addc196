import { useEffect, useRef, useState } from 'react'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { asBridgeError } from '../../errors/asBridgeError'
import type { FormProblems, ProfileFormValues } from './profileForm'

/**
 * State shared by the add and edit forms: values, inline problems, the failed call,
 * and a busy flag. `submit` runs the save and, once it succeeded, wipes the secret so
 * that it does not outlive the save in React state.
 */
export function useProfileForm(initial: () => ProfileFormValues) {
  const [values, setValues] = useState(initial)
  const [problems, setProblems] = useState<FormProblems>({})
  const [error, setError] = useState<BridgeError | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const [problemRound, setProblemRound] = useState(0)

  // After a failed check, take the user to the first field that needs them.
  useEffect(() => {
    if (problemRound > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [problemRound])

  const change = (patch: Partial<ProfileFormValues>) => {
    setValues((current) => ({ ...current, ...patch }))
    const fields = Object.keys(patch)
    setProblems((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field))))
  }

  const submit = async (found: FormProblems, save: () => Promise<void>, onSaved: () => void) => {
    setProblems(found)
    if (Object.keys(found).length > 0) {
      setProblemRound((round) => round + 1)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await save()
      setValues((current) => ({ ...current, secretAccessKey: '' }))
      onSaved()
    } catch (caught) {
      setError(asBridgeError(caught))
      setBusy(false)
    }
  }

  return { values, problems, error, busy, formRef, change, submit }
}
