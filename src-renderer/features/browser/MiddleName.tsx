import { useLayoutEffect, useRef, useState } from 'react'
import { splitForMiddle } from './middleEllipsis'

/**
 * A name that shortens in the middle ("apuntes t…ma 1 (1).txt"): the head gives way
 * with an ellipsis, the tail never does. `onElided` says whether anything is hidden, so
 * the row can show the whole name when it has the focus. The two halves are flex items,
 * which browsers read as separate words ("via je/"), so assistive technology gets the
 * whole name from a hidden copy instead.
 */
export function MiddleName({ name, measure = false, onElided }: { name: string; measure?: boolean; onElided?: (elided: boolean) => void }) {
  const { head, tail } = splitForMiddle(name)
  const headRef = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    const element = headRef.current
    if (measure && element && onElided) onElided(element.scrollWidth > element.clientWidth)
  })
  return (
    <>
      <span className="middle-name" aria-hidden="true">
        <span ref={headRef} className="middle-name__head">
          {head}
        </span>
        <span className="middle-name__tail">{tail}</span>
      </span>
      <span className="visually-hidden">{name}</span>
    </>
  )
}

/** For a row: is its name cut right now? Measured only while it matters (the focused row). */
export function useElided(): [boolean, (elided: boolean) => void] {
  const [elided, setElided] = useState(false)
  return [elided, (next) => next !== elided && setElided(next)]
}
