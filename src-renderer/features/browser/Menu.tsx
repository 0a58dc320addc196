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
  /** An on/off item (menuitemcheckbox), such as the Properties panel. */
  checked?: boolean
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
 * Tab or a click elsewhere close it. Disabled items stay focusable, and their hint
 * ("add a public base URL in Edit profile") is part of their name, so it is read with
 * the item rather than after it, if at all. A menu never runs off the window: a context
 * menu is moved back inside, a dropdown opens towards the side that has room.
 */
export function Menu({ label, items, onClose, at, trigger }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const hintBase = useId()
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  })
  const [place, setPlace] = useState(at ?? null)

  // Fixed to the window, so no clipping parent (a toolbar that hides its overflow) cuts
  // it, and kept inside the window whichever corner it opens in.
  useLayoutEffect(() => {
    if (!ref.current) return
    setPlace(menuPlace(ref.current.getBoundingClientRect(), at ?? null, trigger?.current?.getBoundingClientRect() ?? null, { width: window.innerWidth, height: window.innerHeight }))
  }, [at, trigger])

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus()
    const outside = (event: PointerEvent) => {
      const target = event.target as Node
      if (ref.current?.contains(target) || trigger?.current?.contains(target)) return
      closeRef.current('outside')
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  }, [trigger])

  const onKeyDown = (event: KeyboardEvent) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]
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
      className="menu"
      // Placed before the first paint (layout effect); until then it sits in the corner, still focusable.
      style={place ? { left: place.x, top: place.y } : { left: 0, top: 0 }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <div key={item.id} role="none" className={item.separatorBefore ? 'menu__group-start' : undefined}>
          <button
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item.checked}
            tabIndex={-1}
            className={`menu__item ${item.danger ? 'menu__item--danger' : ''}`}
            aria-disabled={item.disabled ? 'true' : undefined}
            aria-labelledby={item.hint && item.disabled ? `${hintBase}-${item.id}-label ${hintBase}-${item.id}-hint` : `${hintBase}-${item.id}-label`}
            aria-describedby={item.hint && !item.disabled ? `${hintBase}-${item.id}-hint` : undefined}
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

type Box = Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom' | 'width' | 'height'>

/**
 * Where a menu of this size goes: at the point, or below its trigger, left edges
 * aligned; near the right edge it hangs from the trigger's right side, near the bottom
 * it opens upwards; always 4px inside the window.
 */
export function menuPlace(menu: Pick<Box, 'width' | 'height'>, at: { x: number; y: number } | null, trigger: Box | null, window: { width: number; height: number }) {
  const clamp = (value: number, size: number, room: number) => Math.max(4, Math.min(value, room - size - 4))
  if (at || !trigger) {
    const point = at ?? { x: 4, y: 4 }
    return { x: clamp(point.x, menu.width, window.width), y: clamp(point.y, menu.height, window.height) }
  }
  const x = trigger.left + menu.width > window.width - 4 ? trigger.right - menu.width : trigger.left
  const below = trigger.bottom + 4
  const y = below + menu.height > window.height - 4 && trigger.top - menu.height - 4 >= 4 ? trigger.top - menu.height - 4 : below
  return { x: clamp(x, menu.width, window.width), y: clamp(y, menu.height, window.height) }
}
