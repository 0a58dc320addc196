/**
 * This worker's own peers, from the slots `npm test` started (tests/support/peerSlots.mjs)
 *
 * Imported for its effect, by tests/support/moto.ts and browserMode.ts, before any test
 * runs: it points CUBETA_TEST_MOTO at the worker's moto and DBUS_SESSION_BUS_ADDRESS at
 * the worker's keyring, so useMoto(), every browser-mode server this worker starts and
 * keytar in this process all talk to the worker's own peers. Playwright numbers its
 * workers from 0 (TEST_PARALLEL_INDEX), Vitest from 1 (VITEST_POOL_ID); two workers that
 * run at the same time never share a number. Without slots (a runner started by hand)
 * nothing changes and useMoto() starts a moto per file.
 */
interface PeerSlot {
  moto: string
  dbus: string
}

const slots = JSON.parse(process.env.CUBETA_TEST_SLOTS ?? '[]') as PeerSlot[]
const index = process.env.TEST_PARALLEL_INDEX ?? (process.env.VITEST_POOL_ID ? String(Number(process.env.VITEST_POOL_ID) - 1) : undefined)
const slot = index === undefined ? undefined : slots[Number(index)]
if (slots.length > 0 && index !== undefined && !slot) throw new Error(`test worker ${index} has no peer slot (${slots.length} started): run as many workers as slots`)
if (slot) {
  process.env.CUBETA_TEST_MOTO = slot.moto
  process.env.DBUS_SESSION_BUS_ADDRESS = slot.dbus
}

export {}
