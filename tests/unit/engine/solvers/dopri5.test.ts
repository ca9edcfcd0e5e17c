// Adaptive Dormand-Prince 5(4): meets its tolerance against the Gaussian closed form, lands on the
// recorded depths, and reports NFE = 1 (+1 for the initial-step estimate) + 6 (accepted + rejected).
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { symmetricEigen } from '../../../../shared/matrix'
import { continuousDaeField } from '../../../../electron/engine/flows/continuous-dae'
import { integrate, sampleDepths, solverOptionsOf } from '../../../../electron/engine/solvers/integrate'
import type { AdaptiveOptions } from '../../../../electron/engine/solvers/types'
import { normalDaeField } from './fields'

beforeAll(async () => {
  await initBackend('wasm')
})

const S0 = [
  [2, 0.6],
  [0.6, 1]
]
const POINTS = [
  [2.5, 1],
  [-1.5, 0.7],
  [1, -2.2],
  [-0.4, -1.1],
  [0.1, 0.2]
]

/** (I - 2t S0^-1)^(1/2) x, the exact continuous-DAE position for N(0, S0) */
function exact(x: number[], t: number): number[] {
  const { values, vectors: V } = symmetricEigen(S0)
  const c = values.map((l, k) => Math.sqrt(1 - (2 * t) / l) * (V[0][k] * x[0] + V[1][k] * x[1]))
  return [0, 1].map((i) => V[i][0] * c[0] + V[i][1] * c[1])
}

const opts = (rtol: number, extra: Partial<AdaptiveOptions> = {}): AdaptiveOptions => ({
  solver: 'dopri5',
  rtol,
  atol: rtol / 100,
  minStep: 1e-9,
  maxSteps: 10_000,
  ...extra
})

describe('dopri5', () => {
  it.each([1e-4, 1e-5])('meets rtol = %f against the closed form at every recorded depth', async (rtol) => {
    const field = continuousDaeField({ kind: 'mixture', weights: [1], means: [[0, 0]], covariances: [S0] })
    const x0 = tf.tensor2d(POINTS)
    // lambda_min(S0) = 0.719: t* = 0.3595, so 0.33 is deep into the stiffening part
    const depths = sampleDepths(0.33, 12)
    const before = tf.memory().numTensors
    const r = await integrate(field, x0, depths, opts(rtol))
    expect(r.positions.length).toBe(12)
    depths.forEach((t, i) => {
      const got = r.positions[i].arraySync() as number[][]
      POINTS.forEach((p, k) => {
        const want = exact(p, t)
        for (let j = 0; j < 2; j++) expect(Math.abs(got[k][j] - want[j])).toBeLessThan(3 * (rtol * Math.abs(want[j]) + rtol / 100) + 1e-6)
      })
    })
    expect(r.nfe).toBe(2 + 6 * (r.acceptedSteps + r.rejectedSteps))
    // at least one step per recorded segment
    expect(r.acceptedSteps).toBeGreaterThanOrEqual(11)
    r.positions.forEach((p) => p.dispose())
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })

  it('rejects a too-large initial step, recovers, and counts NFE = 1 + 6 (accepted + rejected)', async () => {
    const counter = { calls: 0 }
    const x0 = tf.tensor2d([[2], [-1]])
    const r = await integrate(normalDaeField(counter), x0, [0, 0.45], opts(1e-5, { initialStep: 0.45 }))
    expect(r.rejectedSteps).toBeGreaterThan(0)
    expect(r.nfe).toBe(1 + 6 * (r.acceptedSteps + r.rejectedSteps))
    expect(counter.calls).toBe(r.nfe)
    const y = r.positions[1].dataSync()
    expect(Math.abs(y[0] - 2 * Math.sqrt(0.1))).toBeLessThan(3 * (1e-5 * 0.63 + 1e-7) + 1e-6)
    r.positions.forEach((p) => p.dispose())
    x0.dispose()
  })

  it('solverOptionsOf carries the spec defaults through', () => {
    expect(solverOptionsOf({ solver: 'dopri5', depth: 1, samples: 2, rtol: 1e-6, atol: 1e-7, minStep: 1e-9, maxSteps: 100 })).toEqual({
      solver: 'dopri5',
      rtol: 1e-6,
      atol: 1e-7,
      minStep: 1e-9,
      maxSteps: 100
    })
    expect(solverOptionsOf({ solver: 'heun', depth: 1, samples: 2, stepSize: 0.1 })).toEqual({ solver: 'heun', stepSize: 0.1 })
  })
})
