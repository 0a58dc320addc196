import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'

export interface MenuItem {
  id: string
  label: string
  onSelect: () => void
  disabled?: boolean
  /** Why it is disabled, or what it does: read as the item's description. */
  hint?: string
  danger?: boolean
  /** A line above this item, to group related actions. */
  separatorBefore?: boolean
}

interface Props {
  label: string
  items: MenuItem[]
  onClose: (reason: 'escape' | 'select' | 'outside' | 'tab') => void
  /** A viewport point (context menu); without it the menu drops below its trigger. */
  at?: { x: number; y: number }
  /** The button that opened it: a click there toggles the menu rather than counting as outside. */
  trigger?: RefObject<HTMLElement | null>
}

/**
 * A menu of actions (role="menu"), for "Copy as…" and the right-click menu
 *
 * Focus moves into it on open; arrow keys, Home and End move between items; Escape,
 * Tab or a click elsewhere close it. Disabled items stay focusable so that their hint
 * ("add a public base URL in Edit profile") can be read.
 */
export function Menu({ label, items, onClose, at, trigger }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const hintBase = useId()
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })
  const [place, setPlace] = useState(at ?? null)

  // Keep a context menu inside the window, whichever corner it was opened in.
  useLayoutEffect(() => {
    if (!at || !ref.current) return
    const { width, height } = ref.current.getBoundingClientRect()
    setPlace({ x: Math.max(4, Math.min(at.x, window.innerWidth - width - 4)), y: Math.max(4, Math.min(at.y, window.innerHeight - height - 4)) })
  }, [at])

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const outside = (event: PointerEvent) => {
      const target = event.target as Node
      if (ref.current?.contains(target) || trigger?.current?.contains(target)) return
      closeRef.current('outside')
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  }, [trigger])

  const onKeyDown = (event: KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = all.indexOf(document.activeElement as HTMLElement)
    const focus = (i: number) => all[(i + all.length) % all.length]?.focus()
    // Keys inside the menu must not reach the grid behind it.
    event.stopPropagation()
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        return focus(index + 1)
      case 'ArrowUp':
        event.preventDefault()
        return focus(index - 1)
      case 'Home':
        event.preventDefault()
        return focus(0)
      case 'End':
        event.preventDefault()
        return focus(all.length - 1)
      case 'Escape':
        event.preventDefault()
        return onClose('escape')
      case 'Tab':
        return onClose('tab')
    }
  }

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className={`menu ${at ? 'menu--at-point' : 'menu--dropdown'}`}
      style={place ? { left: place.x, top: place.y } : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <div key={item.id} role="none" className={item.separatorBefore ? 'menu__group-start' : undefined}>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className={`menu__item ${item.danger ? 'menu__item--danger' : ''}`}
            aria-disabled={item.disabled ? 'true' : undefined}
            aria-labelledby={`${hintBase}-${item.id}-label`}
            aria-describedby={item.hint ? `${hintBase}-${item.id}-hint` : undefined}
            onClick={() => {
              if (item.disabled) return
              onClose('select')
              item.onSelect()
            }}
          >
            <span id={`${hintBase}-${item.id}-label`} className="menu__label">
              {item.label}
            </span>
            {item.hint && (
              <span id={`${hintBase}-${item.id}-hint`} className="menu__hint">
                {item.hint}
              </span>
            )}
          </button>
        </div>
      ))}
    </div>
  )
}
