// `--trace-ui`: where the renderer's main thread spends a scroll, from a Chrome trace.
// Self time per trace event name (JS: FunctionCall/FireAnimationFrame/EventDispatch;
// style and layout: UpdateLayoutTree/Layout; paint: PrePaint/Paint/Layerize…), on the
// page's main thread, over the traced window.
export const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing']

export function summariseTrace(buffer) {
  const events = JSON.parse(buffer.toString('utf8'))
  const list = Array.isArray(events) ? events : events.traceEvents
  // The renderer's main thread: the thread named CrRendererMain with the most work.
  const names = new Map()
  for (const e of list) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name)
  const work = new Map()
  for (const e of list) {
    const id = `${e.pid}:${e.tid}`
    if (e.ph === 'X' && names.get(id) === 'CrRendererMain') work.set(id, (work.get(id) ?? 0) + (e.dur ?? 0))
  }
  const main = [...work].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!main) return null
  const mine = list.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur)
  const self = new Map()
  const stack = []
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) {
      const done = stack.pop()
      self.set(done.name, (self.get(done.name) ?? 0) + done.self)
    }
  }
  for (const e of mine) {
    close(e.ts)
    const parent = stack.at(-1)
    if (parent) parent.self -= e.dur
    stack.push({ name: e.name, end: e.ts + e.dur, self: e.dur })
  }
  close(Infinity)
  const first = mine[0]?.ts ?? 0
  const last = mine.reduce((m, e) => Math.max(m, e.ts + e.dur), first)
  const busy = [...self.values()].reduce((a, b) => a + b, 0)
  return {
    windowMs: (last - first) / 1000,
    busyMs: busy / 1000,
    top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 })),
  }
}
