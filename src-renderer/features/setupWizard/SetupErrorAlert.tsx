import type { BridgeError } from '../../../src-main/contract/bridge'
import { ErrorAlert } from '../../ui/ErrorAlert'
import { setupNamespace } from './i18n'
import { useSetupTranslation } from './useSetupTranslation'

/** The shell's ErrorAlert, translated from the wizard's own catalog first. */
export function SetupErrorAlert({ error }: { error: BridgeError }) {
  // Makes sure the wizard's catalog is registered before the lookup.
  useSetupTranslation()
  return <ErrorAlert error={error} namespace={setupNamespace} className="setup-alert" />
}
