export interface Moto {
  endpoint: string
  stop(): Promise<void>
}
export function motoServerBinary(): string
export function motoPython(): string | null
export const motoServerScript: string
export function startMoto(): Promise<Moto>
export function freePort(): Promise<number>
