import type { CallName, CallOutput, HandlerInput } from '../contract/bridge'

/**
 * One function per bridge call; each receives input that has already passed its schema
 *
 * Services build their part of this map; the composition root joins the parts and hands
 * the whole to the router.
 */
export type Handlers = { [K in CallName]: (input: HandlerInput<K>) => Promise<CallOutput<K>> }
