import type { EventHub } from '../../router/eventHub'
import type { Router } from '../../router/router'
import type { TransferEngine } from '../transfers/transferEngine'
import type { OpenedDownload } from '../downloads/downloadHandlers'

/** What a shell gets from the backend: the one router, and the events to forward. */
export interface Backend {
  router: Router
  events: EventHub
  /** Browser mode streams page uploads straight into the engine. */
  transfers: Pick<TransferEngine, 'provideBytes' | 'settled'>
  /** Browser mode streams downloads through one-time links. */
  openDownload(token: string): Promise<OpenedDownload | null>
  close(): Promise<void>
}
