import { useEffect, useRef } from 'react'
import type { BridgeError } from '../../../src-main/contract/bridge'
import { translateError, type CatalogLookup } from '../../errors/translateError'
import { lookupIn } from '../../i18n/i18n'
import { AlertIcon } from '../../ui/icons'
import { setupNamespace } from './i18n'
import { useSetupTranslation } from './useSetupTranslation'

/**
 * A failed call or step, with what to do about it: the shell's ErrorAlert look, but
 * translated from the wizard's own catalog first, then the shell's, then the server's
 * English (which is what English speakers always get: it is the most specific).
 */
export function SetupErrorAlert({ error }: { error: BridgeError }) {
  const { i18n } = useSetupTranslation()
  const language = i18n.language
  const fromSetup: CatalogLookup = (key) => {
    const value: unknown = i18n.getResource(language, setupNamespace, key)
    return typeof value === 'string' ? value : undefined
  }
  const fromShell = lookupIn(language)
  const shown = translateError(error, language, (key) => fromSetup(key) ?? fromShell(key))
  const ref = useRef<HTMLDivElement>(null)
  // Below a long step list the alert could sit out of sight.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [error])
  return (
    <div ref={ref} role="alert" className="notice notice--error setup-alert" data-error-code={error.code}>
      <AlertIcon />
      <div className="notice__text">
        <p className="notice__message">{shown.message}</p>
        {shown.hint && <p className="notice__hint">{shown.hint}</p>}
      </div>
    </div>
  )
}
