import type { EventHub } from '../../router/eventHub'
import type { Router } from '../../router/router'

/** What a shell gets from the backend: the one router, and the events to forward. */
export interface Backend {
  router: Router
  events: EventHub
  close(): Promise<void>
}
