// Convergence orders of the fixed-step solvers on the continuous DAE of N(0, 1) (x_T = x0 sqrt(1 - 2T)),
// with step sizes chosen so float32 round-off (~1e-7) stays well below every error.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { continuousDaeField } from '../../../../electron/engine/flows/continuous-dae'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import { logLogSlope } from './fields'

beforeAll(async () => {
  await initBackend('wasm')
})

const T = 0.4
const X0 = 2
const EXACT = X0 * Math.sqrt(1 - 2 * T)

async function errorAt(solver: 'euler' | 'heun' | 'rk4', h: number): Promise<number> {
  const field = continuousDaeField({ kind: 'mixture', weights: [1], means: [[0]], covariances: [[[1]]] })
  const x0 = tf.tensor2d([[X0]])
  const r = await integrate(field, x0, [0, T], { solver, stepSize: h })
  const err = Math.abs(r.positions[1].dataSync()[0] - EXACT)
  r.positions.forEach((p) => p.dispose())
  x0.dispose()
  return err
}

describe('fixed-step convergence orders', () => {
  const cases: ['euler' | 'heun' | 'rk4', number, number[]][] = [
    ['euler', 1, [0.1, 0.05, 0.025, 0.0125]],
    ['heun', 2, [0.1, 0.05, 0.025, 0.0125]],
    // errors 7e-4 .. 3.5e-6: still 30x above float32 round-off
    ['rk4', 4, [0.1, 0.05, 0.04, 0.025]]
  ]
  it.each(cases)('%s has order %i', async (solver, order, hs) => {
    const errs: number[] = []
    for (const h of hs) errs.push(await errorAt(solver, h))
    errs.forEach((e) => expect(e).toBeGreaterThan(2e-6))
    const slope = logLogSlope(hs, errs)
    expect(Math.abs(slope - order)).toBeLessThan(0.3)
  })

  it('reports NFE and steps: T/h steps of h, landing on every recorded depth that is a step end', async () => {
    const field = continuousDaeField({ kind: 'mixture', weights: [1], means: [[0]], covariances: [[[1]]] })
    const x0 = tf.tensor2d([[1], [-2]])
    // h = 0.025 -> 10 steps; every recorded depth is a step end, so no dense output is needed
    const depths = [0, 0.1, 0.2, 0.25]
    const r = await integrate(field, x0, depths, { solver: 'heun', stepSize: 0.025 })
    expect(r.acceptedSteps).toBe(10)
    expect(r.rejectedSteps).toBe(0)
    expect(r.nfe).toBe(20)
    expect(r.positions.length).toBe(4)
    expect(Array.from(r.positions[0].dataSync())).toEqual([1, -2])
    depths.forEach((t, i) => expect(r.positions[i].dataSync()[1]).toBeCloseTo(-2 * Math.sqrt(1 - 2 * t), 3))
    r.positions.forEach((p) => p.dispose())
    x0.dispose()
  })
})
