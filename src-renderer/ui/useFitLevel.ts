import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

/**
 * How much a row of controls must give up to fit on one line: level 0 shows everything;
 * each level up hides more (the caller decides what). The row is measured at level 0..n
 * with its items not shrinking, so scrollWidth > clientWidth means "does not fit"; the
 * width each level needed is remembered, so the row steps back down as soon as the
 * window is wide enough again. `resetKey` (the UI language) starts over from level 0.
 *
 * Runs in layout effects, so a level is chosen before the browser paints.
 */
export function useFitLevel(ref: RefObject<HTMLElement | null>, maxLevel: number, resetKey: unknown): number {
  const [level, setLevel] = useState(0)
  const needed = useRef<number[]>([])

  useLayoutEffect(() => {
    needed.current = []
    setLevel(0)
  }, [resetKey, maxLevel])

  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const check = () => {
      const width = element.clientWidth
      if (level < maxLevel && element.scrollWidth > width + 1) {
        needed.current[level] = element.scrollWidth
        setLevel(level + 1)
      } else if (level > 0 && width >= (needed.current[level - 1] ?? Infinity)) {
        setLevel(level - 1)
      }
    }
    check()
    const observer = new ResizeObserver(check)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref, level, maxLevel])

  return Math.min(level, maxLevel)
}
