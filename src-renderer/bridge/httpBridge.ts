import {
  callNames,
  eventNames,
  type BridgeResult,
  type CallName,
  type CubetaApi,
  type EventName,
  type Events,
} from '../../src-main/contract/bridge'

/**
 * Browser mode's half of the bridge
 *
 * The same contract as the Electron preload, over HTTP to the local server. The session
 * cookie that the server set when the tokened URL was opened authenticates every call;
 * the custom header makes any cross-site attempt a preflighted request, which the server
 * refuses.
 */
export function createHttpBridge(base = ''): CubetaApi {
  const call = async (name: CallName, input: unknown): Promise<BridgeResult<unknown>> => {
    try {
      const response = await fetch(`${base}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-cubeta-bridge': '1' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      })
      if (response.status === 401 || response.status === 403) {
        return failure('session-expired', 'This browser session is not signed in to Cubeta.',
          'Open the link that `npm run serve` printed, with its token.')
      }
      return (await response.json()) as BridgeResult<unknown>
    } catch {
      return failure('app-unreachable', 'Cubeta is not answering.',
        'Check that `npm run serve` is still running, then reload this page.')
    }
  }

  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let source: EventSource | null = null
  const ensureSource = () => {
    if (source) return
    source = new EventSource(`${base}/api/events`, { withCredentials: true })
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as never
        listeners.get(name)?.forEach((listener) => listener(payload))
      })
    }
  }

  const api = Object.fromEntries(
    callNames.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as unknown as Omit<CubetaApi, 'on'>

  return {
    ...api,
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      ensureSource()
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    },
  } as CubetaApi
}

function failure(code: string, message: string, hint: string): BridgeResult<never> {
  return { ok: false, error: { code, message, hint } }
}
