import { useRef, useState } from 'react'
import type { UrlForm } from '../../../src-main/contract/bridge'
import { useBrowserTranslation } from './browserI18n'
import { ChevronDownIcon } from './browserIcons'
import { copyMenuItems } from './copyMenuItems'
import { Menu } from './Menu'

/** The toolbar's "Copy as…" button and its menu of URL forms. */
export function CopyAsMenu({ publicBaseUrl, canCopy, onCopy }: { publicBaseUrl: string | null; canCopy: boolean; onCopy: (form: UrlForm) => void }) {
  const { t } = useBrowserTranslation()
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  return (
    <span className="menu-anchor">
      <button
        ref={trigger}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!canCopy}
        onClick={() => setOpen(!open)}
      >
        {t('actions.copyAs')}
        <ChevronDownIcon />
      </button>
      {open && (
        <Menu
          label={t('actions.copyAs')}
          trigger={trigger}
          items={copyMenuItems(t, { publicBaseUrl, canCopy, copy: onCopy })}
          onClose={(reason) => {
            setOpen(false)
            if (reason !== 'outside') trigger.current?.focus()
          }}
        />
      )}
    </span>
  )
}
