import { ESLint } from 'eslint'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The layers, as the linter enforces them (eslint.config.mjs)
 *
 * Each case is a deliberate violation written into a file of the layer it breaks; the
 * linter must refuse it with the rule that guards that boundary. `npm test` lints the
 * real tree, so together they show the rules both hold today and would catch a breach.
 */
const projectDir = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: projectDir })

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectDir, file) })
  return [...new Set((result?.messages ?? []).map((m) => m.ruleId ?? m.message))]
}

const existing = (file: string) => readFileSync(resolve(projectDir, file), 'utf8')

// The first lint loads the TypeScript parser and reads the tree: seconds on a busy machine.
describe('layering (eslint)', { timeout: 120_000 }, () => {
  it.each([
    ['the contract imports a service', 'src-main/contract/calls/probe.ts', "import { toAppError } from '../../services/aws/awsErrors'\nvoid toAppError\n", 'import-x/no-restricted-paths'],
    ['the contract imports core', 'src-main/contract/calls/probe.ts', "import { AppError } from '../../core/appError'\nvoid AppError\n", 'import-x/no-restricted-paths'],
    ['the contract imports Node', 'src-main/contract/calls/probe.ts', "import { readFileSync } from 'node:fs'\nvoid readFileSync\n", 'no-restricted-imports'],
    ['core imports a service', 'src-main/core/probe.ts', "import { toAppError } from '../services/aws/awsErrors'\nvoid toAppError\n", 'import-x/no-restricted-paths'],
    ['the router imports a service', 'src-main/router/probe.ts', "import { toAppError } from '../services/aws/awsErrors'\nvoid toAppError\n", 'import-x/no-restricted-paths'],
    ['a service imports the Electron shell', 'src-main/services/objects/probe.ts', "import { registerIpc } from '../../electron/ipc'\nvoid registerIpc\n", 'import-x/no-restricted-paths'],
    ['a service imports browser mode', 'src-main/services/objects/probe.ts', "import { startBrowserServer } from '../../browserMode/browserServer'\nvoid startBrowserServer\n", 'import-x/no-restricted-paths'],
    ['a service imports the composition root', 'src-main/services/objects/probe.ts', "import { createBackend } from '../../composition/createBackend'\nvoid createBackend\n", 'import-x/no-restricted-paths'],
    ['a service imports electron', 'src-main/services/objects/probe.ts', "import { app } from 'electron'\nvoid app\n", 'no-restricted-imports'],
    ['browser mode imports electron', 'src-main/browserMode/probe.ts', "import { app } from 'electron'\nvoid app\n", 'no-restricted-imports'],
    ['the renderer imports a service', 'src-renderer/features/browser/probe.ts', "import { toAppError } from '../../../src-main/services/aws/awsErrors'\nvoid toAppError\n", 'import-x/no-restricted-paths'],
    ['the renderer imports Node', 'src-renderer/features/browser/probe.ts', "import { readFileSync } from 'node:fs'\nvoid readFileSync\n", 'no-restricted-imports'],
  ])('refuses: %s', async (_what, file, code, rule) => {
    expect(await rulesBroken(file, code)).toContain(rule)
  })

  it('refuses an import cycle between two files', async () => {
    // retrying.ts imports retryPolicy.ts; making retryPolicy import retrying closes a loop.
    const file = 'src-main/core/async/retryPolicy.ts'
    expect(await rulesBroken(file, `${existing(file)}\nimport { retrying } from './retrying'\nvoid retrying\n`)).toContain('import-x/no-cycle')
  })

  it('refuses an import cycle between two folders', async () => {
    // services/transfers imports services/aws; aws importing any file of transfers closes a loop
    // between the folders even though no file imports itself back.
    const file = 'src-main/services/aws/awsErrors.ts'
    expect(await rulesBroken(file, `${existing(file)}\nimport { keepBothName } from '../transfers/keepBothName'\nvoid keepBothName\n`)).toContain('cubeta/folder-cycles')
  })

  it('accepts the files as they are', async () => {
    for (const file of ['src-main/contract/bridge.ts', 'src-main/services/objects/objectHandlers.ts', 'src-main/composition/createBackend.ts', 'src-main/electron/main.ts']) {
      expect(await rulesBroken(file, existing(file)), file).toEqual([])
    }
  })
})
