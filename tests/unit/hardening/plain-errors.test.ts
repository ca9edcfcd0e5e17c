// Raw error details never reach the user: operating-system errors become plain catalogue messages (no
// machine paths, no "EROFS: EROFS:" doubling), and a rename on a full disk says the disk is full without
// claiming that a run could not be saved. The rename's write is made to fail as on a full disk.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const inject: { code?: string } = {}
vi.mock('write-file-atomic', async (importOriginal) => {
  const real = (await importOriginal<{ default: (...a: unknown[]) => Promise<void> }>()).default
  const fake = (...args: unknown[]): Promise<void> =>
    inject.code ? Promise.reject(Object.assign(new Error(`${inject.code}: injected, open '${String(args[0])}'`), { code: inject.code })) : real(...args)
  return { default: fake }
})

const { RunStore } = await import('../../../electron/engine/runs/store')
const { toApiError } = await import('../../../electron/engine/errors')
const { smallRun } = await import('../engine/runs/manifest-fixture')
const { english, isMessageValue } = await import('../../../shared/messages')

const ID = '20261127-181500-paper-47-a1b2'
let ws: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-plain-'))
})
afterEach(async () => {
  inject.code = undefined
  await rm(ws, { recursive: true, force: true })
})

/** an error as Node raises it, naming a path of the machine */
const nodeError = (code: string, text: string): Error => Object.assign(new Error(`${code}: ${text}, mkdir '/home/someone/nagare/runs/.trash'`), { code })

describe('plain error messages', () => {
  it.each([
    [
      'EROFS',
      'read-only file system',
      'The workspace is on a read-only disk: the change could not be saved; choose another workspace folder. Nothing else was changed.'
    ],
    [
      'ENOENT',
      'no such file or directory',
      'A file or folder of the workspace is missing (was it moved or deleted while Nagare was running?); nothing was changed.'
    ],
    ['ENOSPC', 'no space left on device', 'The disk is full: the change could not be saved; free space and try again. Nothing else was changed.'],
    ['ESTALE', 'stale file handle', 'The workspace could not be read or written (system error ESTALE); nothing was changed.']
  ])('%s from the file system becomes one plain sentence without paths', (code, text, sentence) => {
    const e = toApiError(nodeError(code, text))
    expect(e.code).toBe('io')
    expect(isMessageValue(e.message)).toBe(true)
    expect(english(e.message)).toBe(sentence)
  })

  it('a rename on a full disk says the disk is full, not that the run could not be saved; user.json is unchanged', async () => {
    const store = new RunStore(ws)
    await store.save(smallRun(ID))
    await store.update(ID, { name: 'before' })
    inject.code = 'ENOSPC'
    await expect(store.update(ID, { name: 'after' })).rejects.toThrow(
      'The disk is full: the change could not be saved; free space and try again. Nothing else was changed.'
    )
    expect(JSON.parse(await readFile(join(ws, 'runs', ID, 'user.json'), 'utf8')).name).toBe('before')
  })
})
