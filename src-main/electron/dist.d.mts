export function noElectronLine(why: string): string
export function buildsForAnotherPlatform(args: string[], platform?: string): boolean
