import type { SetupStart } from '../../../src-main/contract/bridge'
import { AlertIcon } from '../../ui/icons'
import { useSetupTranslation } from './useSetupTranslation'

/** What `setup/start` found: which account, and whether these keys may do what setup needs. */
export function AdminStatus({ start }: { start: SetupStart }) {
  const { t } = useSetupTranslation()
  const missing = start.missingPermissions
  return (
    <div className="setup-admin-status">
      <p className="setup-admin-status__account">{t('admin.connected', { account: start.accountId, arn: start.adminArn })}</p>
      {missing.length > 0 ? (
        <div role="alert" className="notice notice--warning">
          <AlertIcon />
          <div className="notice__text">
            <p className="notice__title">{t('admin.missingTitle')}</p>
            <ul className="setup-permissions">
              {missing.map((permission) => (
                <li key={permission} className="mono">
                  {permission}
                </li>
              ))}
            </ul>
            <p className="notice__hint">{t('admin.missingHint')}</p>
          </div>
        </div>
      ) : (
        <p className="quiet">
          {start.permissionCheck === 'unavailable'
            ? t('admin.unavailable')
            : start.permissionCheck === 'root'
              ? t('admin.root')
              : t('admin.allGranted')}
        </p>
      )}
    </div>
  )
}
