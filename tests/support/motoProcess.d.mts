export interface Moto {
  endpoint: string
  stop(): Promise<void>
}
export function motoServerBinary(): string
export function startMoto(): Promise<Moto>
export function freePort(): Promise<number>
