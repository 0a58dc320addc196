import type { EventName, Events } from '../contract/bridge'

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void

/** Services push events here; the Electron shell and the browser server each forward them. */
export interface EventHub {
  emit<E extends EventName>(event: E, payload: Events[E]): void
  subscribe(listener: EventListener): () => void
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
