export const startFailedExitCode: number
export const earlyExitMs: number
export function sandboxArgs(uid: number | undefined, platform: string): { args: string[]; note: string | null }
export function fallbackReason(ended: { code: number | null; signal: string | null; elapsedMs: number; interrupted: boolean; stderr: string }): string | null
export function lastWords(output: string, limit?: number): string
export function downloadNeeded(electronDir: string, env: Record<string, string | undefined>): boolean
export function isSet(value: string | undefined): boolean
