// The worker pool on a fixture worker: results equal the same computation here, failures keep their
// codes, a crashed worker fails its task with the engine's crash message and the pool heals, and cancel
// stops a queued or a running task (the running one by replacing its worker).
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CancelledError, EngineError } from '../../../../electron/engine/errors'
import { WorkerPool } from '../../../../electron/engine/pool/pool'
import { message } from '../../../../shared/messages'

const script = { path: join(__dirname, 'fixture-worker.ts'), execArgv: ['--require', 'tsx/cjs'] }
let pool: WorkerPool | undefined
const makePool = (size: number): WorkerPool => (pool = new WorkerPool({ size, script }))
afterEach(async () => {
  await pool?.dispose()
  pool = undefined
})

const sumSquares = (xs: number[]): number => xs.reduce((a, x) => a + x * x, 0)

describe('WorkerPool', () => {
  it('runs tasks across its workers with the results of running them here, and reports progress', async () => {
    const p = makePool(2)
    const inputs = Array.from({ length: 9 }, (_, k) => Array.from({ length: 5 + k }, (_, i) => i - k))
    const progress: number[] = []
    const results = await Promise.all(inputs.map((xs, k) => p.run<number>('sumSquares', xs, k === 0 ? { onProgress: (v) => progress.push(v as number) } : {})))
    expect(results).toEqual(inputs.map(sumSquares))
    expect(progress.at(-1)).toBe(1)
    expect(progress.length).toBe(inputs[0].length)
    // two workers served nine tasks: the queue waited for free ones, no extra threads were started
    expect(p.started).toBe(2)
  })

  it('keeps an engine error code and its Message, and a plain error becomes a plain error', async () => {
    const p = makePool(1)
    const e = await p.run('fail', null).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(EngineError)
    expect((e as EngineError).code).toBe('blow-up')
    // the Message crosses the thread whole, not as English
    expect((e as EngineError).msg).toEqual(message('engine.lossNotFinite', { loss: 'NaN' }))
    const plain = await p.run('failPlain', null).catch((x: unknown) => x)
    expect(plain).not.toBeInstanceOf(EngineError)
    expect((plain as Error).message).toBe('plain failure')
    // a failed task does not cost the worker
    expect(await p.run('sumSquares', [3])).toBe(9)
    expect(p.started).toBe(1)
  })

  it('fails the task of a crashed worker with the usual message, and heals', async () => {
    const p = makePool(2)
    const e = await p.run('crash', null).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(EngineError)
    expect((e as EngineError).code).toBe('engine-crashed')
    expect((e as EngineError).msg).toEqual(message('engine.crashed', { reason: message('pool.threadExited', { code: 7 }) }))
    const again = await Promise.all([p.run('sumSquares', [1, 2]), p.run('sumSquares', [2, 2]), p.run('sumSquares', [4])])
    expect(again).toEqual([5, 8, 16])
  })

  it('cancels a running task by replacing its worker, and a queued one without running it', async () => {
    const p = makePool(1)
    const controller = new AbortController()
    const running = p.run('spin', null, { signal: controller.signal })
    const queued = new AbortController()
    const waiting = p.run('sumSquares', [1], { signal: queued.signal })
    queued.abort()
    await expect(waiting).rejects.toBeInstanceOf(CancelledError)
    await new Promise((r) => setTimeout(r, 300))
    controller.abort()
    await expect(running).rejects.toBeInstanceOf(CancelledError)
    const startedBefore = p.started
    expect(await p.run('sumSquares', [6])).toBe(36)
    expect(p.started).toBe(startedBefore + 1)
  })

  it('starts its workers ahead of work when warmed, and then uses those', async () => {
    const p = makePool(2)
    p.warm()
    expect(p.started).toBe(2)
    expect(await Promise.all([p.run('sumSquares', [2]), p.run('sumSquares', [3])])).toEqual([4, 9])
    expect(p.started).toBe(2)
  })

  it('refuses work once disposed, and an already aborted signal never starts the task', async () => {
    const p = makePool(1)
    const c = new AbortController()
    c.abort()
    await expect(p.run('sumSquares', [1], { signal: c.signal })).rejects.toBeInstanceOf(CancelledError)
    expect(p.started).toBe(0)
    await p.dispose()
    await expect(p.run('sumSquares', [1])).rejects.toBeInstanceOf(EngineError)
  })
})
