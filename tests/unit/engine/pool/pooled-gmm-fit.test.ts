// The EM fit of a dataset's mixture off the engine's thread: on a pool worker it is the same fit bit for
// bit as on this thread (same seed stream, same arithmetic), the caller's rows stay whole, a cancel stops
// it and leaves the pool usable, and a refusal crosses with its code and message. Without a pool the fit
// pauses between EM iterations, so a timer set before it fires before it ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CancelledError, EngineError } from '../../../../electron/engine/errors'
import { fitOffEngineThread, type GmmFitTask } from '../../../../electron/engine/pool/pooled-gmm-fit'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { fitGaussianMixture } from '../../../../electron/engine/sampling/gmm-fit'
import { createRng } from '../../../../electron/engine/sampling/random'
import { testRng } from '../metrics/test-rng'
import { sourcePool } from './source-pool'

let pool: WorkerPool
beforeAll(async () => {
  pool = await sourcePool(2)
})
afterAll(() => pool.dispose())

/** the fit as the engine thread made it before it moved: EM seeded by the seed's 'mixture-fit' stream */
const direct = (t: GmmFitTask) => fitGaussianMixture(t.rows, t.n, t.d, { components: t.components, rng: createRng(t.seed).fork('mixture-fit') })

/** n rows of three separated 2-D clusters */
function task(n: number, components: number, seed = 5): GmmFitTask {
  const rng = testRng(11)
  const centres = [
    [-3, 0],
    [3, 1],
    [0, 4]
  ]
  const rows = new Float64Array(n * 2)
  for (let i = 0; i < n; i++) {
    const c = centres[i % 3]
    rows[2 * i] = c[0] + 0.5 * rng.normal()
    rows[2 * i + 1] = c[1] + 0.8 * rng.normal()
  }
  return { rows, n, d: 2, components, seed }
}

describe('fitOffEngineThread', () => {
  it('fits on a pool worker exactly as on this thread, leaving the rows whole', async () => {
    for (const K of [1, 3, 5]) {
      const t = task(3000, K)
      const before = t.rows.slice()
      const here = direct(t)
      const there = await fitOffEngineThread(t, { pool })
      expect(there).toStrictEqual(here)
      expect(t.rows).toStrictEqual(before)
      if (K === 3) expect(here.converged).toBe(true)
    }
  })

  it('without a pool, pauses between iterations and gives the same fit', async () => {
    const t = task(3000, 3)
    let timerFired = false
    let timerFiredDuringFit = false
    setTimeout(() => (timerFired = true), 0)
    const fit = await fitOffEngineThread(t, {
      checkpoint: async () => {
        if (timerFired && !timerFiredDuringFit) timerFiredDuringFit = true
      }
    })
    expect(fit.iterations).toBeGreaterThan(2)
    expect(timerFiredDuringFit).toBe(true)
    expect(fit).toStrictEqual(direct(t))
  })

  it('stops at a cancel on this thread and on the pool, which stays usable', async () => {
    let calls = 0
    const cancelAfter = (k: number) => async (): Promise<void> => {
      if (++calls > k) throw new CancelledError()
    }
    await expect(fitOffEngineThread(task(3000, 5), { checkpoint: cancelAfter(2) })).rejects.toBeInstanceOf(CancelledError)
    expect(calls).toBe(3)
    calls = 0
    // a fit long enough that the cancel lands while the worker runs
    await expect(fitOffEngineThread(task(20_000, 8), { pool, checkpoint: cancelAfter(1) })).rejects.toBeInstanceOf(CancelledError)
    const t = task(600, 3)
    expect(await fitOffEngineThread(t, { pool })).toStrictEqual(direct(t))
  })

  it("carries a worker's refusal back with its code and message", async () => {
    const refused = fitOffEngineThread(task(10, 4), { pool })
    await expect(refused).rejects.toBeInstanceOf(EngineError)
    await expect(refused).rejects.toMatchObject({ code: 'invalid-spec', msg: { key: 'datadae.tooFewRows' } })
  })
})
