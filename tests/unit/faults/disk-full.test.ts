// Fault: the disk fills up (ENOSPC, also EDQUOT and EROFS) during a save, injected into node:fs/promises
// as the run writer sees it. The save fails with a plain 'io' message, the partial folder is removed,
// earlier runs are intact, and the next save works.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** when set, writes to a file with this name fail with this error code */
const inject: { file?: string; code?: string } = {}

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const fail = (): never => {
    throw Object.assign(new Error(`${inject.code}: injected failure, write`), { code: inject.code })
  }
  const open = async (...args: Parameters<typeof fs.open>) => {
    const fh = await fs.open(...args)
    if (!inject.file || basename(String(args[0])) !== inject.file) return fh
    // the file opens, then the first write fails, as on a full disk
    return new Proxy(fh, {
      get(target, prop) {
        if (prop === 'write' || prop === 'writeFile') return fail
        const v = Reflect.get(target, prop) as unknown
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
      }
    })
  }
  return { ...fs, open, default: { ...fs, open } }
})

const { RunStore } = await import('../../../electron/engine/runs/store')
const { smallRun } = await import('../engine/runs/manifest-fixture')

const EARLIER = '20261127-100000-earlier-0001'
let ws: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'nagare-full-'))
})
afterEach(async () => {
  inject.file = inject.code = undefined
  await rm(ws, { recursive: true, force: true })
})

describe('a full disk during a save', () => {
  it.each([
    ['ENOSPC', 'trajectories.npy', /^The disk is full: the run could not be saved; free space and run again\. Nothing else was changed\.$/],
    ['ENOSPC', 'run.json', /^The disk is full/],
    ['EDQUOT', 'metrics.csv', /quota is used up.*Nothing else was changed\.$/],
    ['EROFS', 'labels.npy', /read-only disk.*Nothing else was changed\.$/]
  ])('%s writing %s: plain io error, partial removed, earlier run intact, next save works', async (code, file, message) => {
    const store = new RunStore(ws)
    await store.save(smallRun(EARLIER, '2026-11-27T10:00:00.000Z'))
    const before = await readFile(join(ws, 'runs', EARLIER, 'trajectories.npy'))
    inject.file = file
    inject.code = code
    const err = await store.save(smallRun('20261127-110000-full-0002')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'io', message: expect.stringMatching(message) })
    expect(await readdir(join(ws, 'runs'))).toEqual([EARLIER])
    expect((await store.list()).map((r) => [r.id, r.status])).toEqual([[EARLIER, 'complete']])
    expect(await readFile(join(ws, 'runs', EARLIER, 'trajectories.npy'))).toEqual(before)
    inject.file = inject.code = undefined
    await store.save(smallRun('20261127-110000-full-0002'))
    expect((await store.list()).map((r) => r.status)).toEqual(['complete', 'complete'])
  })

  it('other failures keep their own error (not mistaken for a full disk)', async () => {
    const store = new RunStore(ws)
    inject.file = 'metrics.csv'
    inject.code = 'EIO'
    await expect(store.save(smallRun('20261127-110000-eio-0003'))).rejects.toMatchObject({ code: 'EIO' })
    expect(await readdir(join(ws, 'runs'))).toEqual([])
  })
})
