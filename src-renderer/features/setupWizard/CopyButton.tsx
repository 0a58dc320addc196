import { useEffect, useState } from 'react'
import { copyText } from '../../clipboard/copyText'
import { useSetupTranslation } from './useSetupTranslation'

interface Props {
  label: string
  /** May fetch the text first (the real .env), so that it is read only when asked for. */
  text: () => string | Promise<string>
}

/** Copies to the clipboard and says so next to the button, in a live region. */
export function CopyButton({ label, text }: Props) {
  const { t } = useSetupTranslation()
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null)
  useEffect(() => {
    if (outcome !== 'copied') return
    const timer = setTimeout(() => setOutcome(null), 2500)
    return () => clearTimeout(timer)
  }, [outcome])

  const copy = async () => {
    try {
      await copyText(await text())
      setOutcome('copied')
    } catch {
      // No clipboard permission, or the text could not be fetched: the text is on screen to select.
      setOutcome('failed')
    }
  }

  return (
    <span className="setup-copy">
      <span role="status" className={`setup-copy__status setup-copy__status--${outcome ?? 'idle'}`}>
        {outcome ? t(`copy.${outcome}`) : ''}
      </span>
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
    </span>
  )
}
