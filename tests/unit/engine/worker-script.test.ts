// Where worker scripts are found: the bundled entry beside the engine's code or one folder up (out/main
// beside out/main/chunks), else the TypeScript source with tsx's require hook.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { workerScript } from '../../../electron/engine/worker-script'

describe('workerScript', () => {
  const made: string[] = []
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'nagare-ws-'))
    made.push(dir)
    return dir
  }
  afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('takes the bundled entry beside the code, with no loader', () => {
    const dir = folder()
    writeFileSync(join(dir, 'pool-worker.js'), '')
    writeFileSync(join(dir, 'worker.ts'), '')
    expect(workerScript('pool-worker', dir, 'worker.ts')).toEqual({ path: join(dir, 'pool-worker.js') })
  })

  it('takes the bundled entry one folder up when the code sits in a chunk folder', () => {
    const dir = folder()
    mkdirSync(join(dir, 'chunks'))
    writeFileSync(join(dir, 'pool-worker.js'), '')
    expect(workerScript('pool-worker', join(dir, 'chunks'), 'worker.ts').path).toBe(join(dir, 'chunks', '..', 'pool-worker.js'))
  })

  it('falls back to the TypeScript source, loaded through tsx', () => {
    const dir = folder()
    writeFileSync(join(dir, 'worker.ts'), '')
    expect(workerScript('pool-worker', dir, 'worker.ts')).toEqual({ path: join(dir, 'worker.ts'), execArgv: ['--require', 'tsx/cjs'] })
  })

  it('says which worker is missing', () => {
    expect(() => workerScript('pool-worker', folder(), 'worker.ts')).toThrow(/pool-worker/)
  })
})
