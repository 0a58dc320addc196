import { useRef, useState } from 'react'
import { useBrowserTranslation } from './browserI18n'
import { ChevronDownIcon } from './browserIcons'
import { Menu, type MenuItem } from './Menu'

/** "More": the toolbar's actions that did not fit, in a menu; focus comes back to the button. */
export function MoreMenu({ items }: { items: MenuItem[] }) {
  const { t } = useBrowserTranslation()
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  return (
    <span className="menu-anchor">
      <button ref={trigger} type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('actions.more')}
        <ChevronDownIcon />
      </button>
      {open && (
        <Menu
          label={t('actions.moreLabel')}
          trigger={trigger}
          items={items}
          onClose={(reason) => {
            setOpen(false)
            if (reason !== 'outside') trigger.current?.focus()
          }}
        />
      )}
    </span>
  )
}
