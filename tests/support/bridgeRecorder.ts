import type { Page } from '@playwright/test'
import { eventNames } from '../../src-main/contract/bridge'

/**
 * Everything that crosses the bridge in browser mode, as the page sees it
 *
 * An init script wraps the page's `fetch` and `EventSource` before the app's own code
 * runs: each bridge call (its JSON body), each reply (its JSON text) and each server-sent
 * event (its data) is handed to Node through a Playwright binding, in arrival order, and
 * survives reloads. Playwright's own request events add every other request the page
 * makes (uploads, downloads, the page itself), with its URL and body, so nothing the page
 * sends is missed even outside `fetch`. Used by tests/e2e/secretsStayInMain.spec.ts.
 */
export interface BridgeMessage {
  /** call: page → main; reply: main → page; event: main → page; request: any other request the page sent. */
  kind: 'call' | 'reply' | 'event' | 'request'
  /** The call or event name; for a request, method and path. */
  name: string
  text: string
  seq: number
}

export interface BridgeRecording {
  messages: BridgeMessage[]
  /** Calls, replies and events seen so far, as one line each, for failure messages. */
  describe(): string
}

const initScript = (events: readonly string[]) => `(() => {
  const record = (message) => { try { window.__cubetaRecord(message) } catch {} }
  const realFetch = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url, location.href)
    if (!url.pathname.startsWith('/api/call/')) return realFetch(input, init)
    const name = decodeURIComponent(url.pathname.slice('/api/call/'.length))
    record({ kind: 'call', name, text: typeof init?.body === 'string' ? init.body : String(init?.body ?? '') })
    const response = await realFetch(input, init)
    const text = await response.clone().text()
    record({ kind: 'reply', name, text })
    return response
  }
  const RealEventSource = window.EventSource
  window.EventSource = class extends RealEventSource {
    constructor(url, options) {
      super(url, options)
      for (const name of ${JSON.stringify([...events, 'message'])}) this.addEventListener(name, (event) => record({ kind: 'event', name, text: String(event.data) }))
    }
  }
})()`

/** Call before the first page.goto. */
export async function recordBridge(page: Page): Promise<BridgeRecording> {
  const messages: BridgeMessage[] = []
  const push = (message: Omit<BridgeMessage, 'seq'>) => messages.push({ ...message, seq: messages.length })
  await page.exposeBinding('__cubetaRecord', (_source, message: Omit<BridgeMessage, 'seq'>) => push(message))
  await page.addInitScript({ content: initScript(eventNames) })
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/call/')) return // recorded with its reply by the init script
    let body: string
    try {
      body = request.postDataBuffer()?.toString('utf8') ?? ''
    } catch {
      body = ''
    }
    push({ kind: 'request', name: `${request.method()} ${url.pathname}${url.search}`, text: body })
  })
  return {
    messages,
    describe: () => messages.map((m) => `#${m.seq} ${m.kind} ${m.name} ${m.text.slice(0, 120)}`).join('\n'),
  }
}
