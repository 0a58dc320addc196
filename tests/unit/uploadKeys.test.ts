import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { S3Client } from '@aws-sdk/client-s3'
import type { TransfersSnapshot } from '../../src-main/contract/bridge'
import { createTransferEngine } from '../../src-main/services/transfers/transferEngine'
import { uploadKeyProblem } from '../../src-main/services/transfers/uploadKeyRule'

/**
 * Upload keys are checked whole, in UTF-8 bytes, before anything is queued: 600 × "é"
 * is 600 characters but 1,200 bytes, which S3 would store and then refuse to inspect or
 * delete. Half of a surrogate pair gets a sentence, not a URIError.
 */
describe('the key of an upload', () => {
  it('is measured in UTF-8 bytes, prefix and relative path together', () => {
    expect(uploadKeyProblem(`${'a'.repeat(1024)}`, 'x')).toBeNull()
    expect(uploadKeyProblem(`${'a'.repeat(1025)}`, 'x')?.code).toBe('upload-key-too-long')
    expect(uploadKeyProblem(`fotos/${'é'.repeat(600)}`, 'é')?.toBridge()).toMatchObject({ code: 'upload-key-too-long', params: { bytes: 1206 } })
    expect(uploadKeyProblem(`${'🐱'.repeat(256)}`, 'x')).toBeNull()
    expect(uploadKeyProblem(`${'🐱'.repeat(256)}a`, 'x')?.code).toBe('upload-key-too-long')
  })

  it('says plainly when a name is not valid text, and shows it without the broken half', () => {
    for (const name of ['foto\uD83D.png', 'foto\uDC31.png', '\uDC31\uD83D']) {
      const problem = uploadKeyProblem(`a/${name}`, name)!.toBridge()
      expect(problem.code).toBe('upload-key-not-text')
      expect(problem.message).toContain('not valid text')
      expect(() => encodeURIComponent(String(problem.params?.name))).not.toThrow()
    }
    expect(uploadKeyProblem('a/gato 🐱.png', 'gato 🐱.png')).toBeNull()
  })

  it('agrees with UTF-8 encoding for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 700 }), (name) => {
        const bytes = new TextEncoder().encode(name).length
        expect(uploadKeyProblem(name, name) === null).toBe(bytes <= 1024)
      }),
    )
  })
})

describe('the queue with keys S3 would refuse', () => {
  it('fails each such file with its reason before sending anything, keeps them failed on retry, and sends the others', async () => {
    const sentKeys: unknown[] = []
    let last: TransfersSnapshot | null = null
    const engine = createTransferEngine({
      // A client that records each request's key and refuses it, so the test needs no server.
      s3For: async () =>
        ({
          send: async (command: { input: { Key?: string } }) => {
            sentKeys.push(command.input.Key)
            throw Object.assign(new Error('AccessDenied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })
          },
          config: {},
        }) as unknown as S3Client,
      onChange: (snapshot) => (last = snapshot),
      requestBytes: () => undefined,
      maxConcurrentFiles: 4,
    })
    engine.enqueue('p', 'b', 'fotos/', [
      { relativePath: 'é'.repeat(600), size: 10, source: { kind: 'page' } },
      { relativePath: 'gato\uD83D.png', size: 10, source: { kind: 'page' } },
      { relativePath: 'bien.png', size: 10, source: { kind: 'page' } },
    ], null)
    const snapshot = engine.snapshot()
    const [tooLong, notText, good] = snapshot.transfers
    expect(tooLong).toMatchObject({ status: 'failed', error: { code: 'upload-key-too-long', params: { bytes: 1206 } } })
    expect(notText).toMatchObject({ status: 'failed', name: 'gato\uFFFD.png', error: { code: 'upload-key-not-text' } })
    expect(JSON.stringify(snapshot)).not.toMatch(/\\ud83d(?!\\ud)/i)
    expect(good!.status).not.toBe('failed')
    engine.retryFailed()
    expect(engine.snapshot().transfers.slice(0, 2).map((t) => t.status)).toEqual(['failed', 'failed'])
    expect(last).not.toBeNull()
    // The good file was tried (and refused by the stub); the others never left the queue.
    for (;;) {
      if (engine.snapshot().transfers[2]!.status === 'failed') break
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(sentKeys.length).toBeGreaterThan(0)
    expect(new Set(sentKeys)).toEqual(new Set(['fotos/bien.png']))
  })
})
