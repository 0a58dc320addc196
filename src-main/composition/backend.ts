import type { Readable } from 'node:stream'
import type { EventHub } from '../core/eventHub'
import type { Router } from '../router/router'
import type { TransferEngine } from '../services/transfers/transferEngine'
import type { OpenedDownload } from '../services/downloads/downloadHandlers'
import type { DiskFiles } from '../services/transfers/diskFiles'

/** What a shell gets from the backend: the one router, and the events to forward. */
export interface Backend {
  router: Router
  events: EventHub
  /** Browser mode streams page uploads straight into the engine. */
  transfers: Pick<TransferEngine, 'provideBytes' | 'settled'>
  /** Electron: where the preload registers dropped and picked files (null in browser mode). */
  diskFiles: Pick<DiskFiles, 'register' | 'forgetAll'> | null
  /** Browser mode streams downloads through one-time links. */
  openDownload(token: string): Promise<OpenedDownload | null>
  /** Browser mode streams a bucket folder as one .zip through a one-time link (sync/zipLink). */
  openZip(token: string): { body: Readable; fileName: string } | null
  close(): Promise<void>
}
