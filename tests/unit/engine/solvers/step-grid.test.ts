// The step size asked for is the step size used: on the continuous DAE of N(0, 1) (v = -x / (1 - 2t),
// x_t = x0 sqrt(1 - 2t)), Euler and RK4 take exactly T/h steps of h whatever the number of recorded
// depths, so the final position equals the T/h-step product formula (computed here in float64) and the
// NFE is the steps' cost; depths between steps come from the dense output (linear / cubic Hermite).
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { EngineError } from '../../../../electron/engine/errors'
import { integrate, sampleDepths } from '../../../../electron/engine/solvers/integrate'
import { logLogSlope, normalDaeField } from './fields'
import { fixedStepNfe } from '../../../../shared/step-grid'

beforeAll(async () => {
  await initBackend('wasm')
})

const a = (t: number): number => -1 / (1 - 2 * t)
const X0 = [2, -0.5]

/** one step's amplification of x' = a(t) x: Euler's 1 + h a(t), RK4's stability factor */
function factor(solver: 'euler' | 'rk4', t: number, h: number): number {
  if (solver === 'euler') return 1 + h * a(t)
  const k1 = a(t)
  const k2 = a(t + h / 2) * (1 + (h / 2) * k1)
  const k3 = a(t + h / 2) * (1 + (h / 2) * k2)
  const k4 = a(t + h) * (1 + h * k3)
  return 1 + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
}

/** x_k for k = 0..N by the product formula, in float64 */
function grid(solver: 'euler' | 'rk4', T: number, h: number): number[] {
  const N = Math.round(T / h)
  const xs = [1]
  for (let k = 0; k < N; k++) xs.push(xs[k] * factor(solver, k * h, h))
  return xs
}

async function run(solver: 'euler' | 'heun' | 'rk4', depths: number[], h: number) {
  const counter = { calls: 0 }
  const x0 = tf.tensor2d(X0.map((v) => [v]))
  const r = await integrate(normalDaeField(counter), x0, depths, { solver, stepSize: h })
  const rows = r.positions.map((p) => Array.from(p.dataSync()))
  r.positions.forEach((p) => p.dispose())
  x0.dispose()
  return { ...r, rows, calls: counter.calls }
}

const T = 0.4
const H = 0.01
const N = 40

describe('fixed-step grid: exactly T/h steps of h', () => {
  it.each(['euler', 'rk4'] as const)('%s: the final position is the T/h-step product for 2, 7 and 46 recorded depths', async (solver) => {
    const want = grid(solver, T, H)[N]
    const finals: number[][] = []
    for (const samples of [2, 7, 46]) {
      const r = await run(solver, sampleDepths(T, samples), H)
      expect(r.acceptedSteps).toBe(N)
      expect(r.rows.length).toBe(samples)
      X0.forEach((x, i) => expect(Math.abs(r.rows[samples - 1][i] - x * want)).toBeLessThan(2e-6 * Math.abs(x)))
      finals.push(r.rows[samples - 1])
      // NFE: the steps' cost, plus one end slope only when Hermite output falls inside the last step
      const lastStepInside = sampleDepths(T, samples).some((d) => d > T - H + 1e-12 && d < T - 1e-12)
      expect(r.nfe).toBe((solver === 'rk4' ? 4 : 1) * N + (solver === 'rk4' && lastStepInside ? 1 : 0))
      expect(r.calls).toBe(r.nfe)
    }
    // the recorded depths do not change the trajectory: bit-identical final positions
    expect(finals[1]).toEqual(finals[0])
    expect(finals[2]).toEqual(finals[0])
  })

  it('h = 0.005 and h = 0.01 cost different NFE (twice the steps)', async () => {
    const fine = await run('rk4', sampleDepths(T, 46), 0.005)
    const coarse = await run('rk4', sampleDepths(T, 46), 0.01)
    expect(fine.acceptedSteps).toBe(80)
    expect(coarse.acceptedSteps).toBe(40)
    expect(fine.nfe - (fine.nfe % 4)).toBe(2 * (coarse.nfe - (coarse.nfe % 4)))
  })

  it('the NFE the cost panel shows (fixedStepNfe) is what the solver counts', async () => {
    for (const [solver, h, samples] of [
      ['rk4', 0.01, 46],
      ['rk4', 0.005, 46],
      ['heun', 0.02, 9],
      ['euler', 0.01, 46],
      ['rk4', 0.1, 3]
    ] as const) {
      const r = await run(solver, sampleDepths(T, samples), h)
      expect(fixedStepNfe(solver, T, h, samples), `${solver} h=${h} S=${samples}`).toBe(r.calls)
    }
  })

  it('Euler records depths between steps by linear interpolation of the step ends', async () => {
    const depths = sampleDepths(T, 7)
    const xs = grid('euler', T, H)
    const r = await run('euler', depths, H)
    depths.forEach((d, s) => {
      const k = Math.min(Math.floor(d / H + 1e-9), N - 1)
      const theta = d / H - k
      const want = xs[k] * (1 - theta) + xs[k + 1] * theta
      X0.forEach((x, i) => expect(Math.abs(r.rows[s][i] - x * want)).toBeLessThan(2e-6 * Math.abs(x)))
    })
  })

  it('RK4 dense output is the cubic Hermite of the step ends and their field values (float64 peer)', async () => {
    const depths = sampleDepths(T, 7)
    const xs = grid('rk4', T, H)
    const r = await run('rk4', depths, H)
    depths.forEach((d, s) => {
      const k = Math.min(Math.floor(d / H + 1e-9), N - 1)
      const th = d / H - k
      const f0 = a(k * H) * xs[k]
      const f1 = a((k + 1) * H) * xs[k + 1]
      const want =
        (2 * th ** 3 - 3 * th ** 2 + 1) * xs[k] +
        (th ** 3 - 2 * th ** 2 + th) * H * f0 +
        (-2 * th ** 3 + 3 * th ** 2) * xs[k + 1] +
        (th ** 3 - th ** 2) * H * f1
      X0.forEach((x, i) => expect(Math.abs(r.rows[s][i] - x * want)).toBeLessThan(2e-6 * Math.abs(x)))
    })
  })

  // a third of the way into a step after t = 0.3, where the trajectory bends most (float32 leaves room:
  // RK4's errors are 1.8e-4 and 8e-6, Heun's 1.5e-2 and 2.6e-3)
  it.each([
    ['rk4', 4, [0.1, 0.05]],
    ['heun', 2, [0.1, 0.05, 0.025]]
  ] as const)('%s: Hermite output mid-step matches the closed form to order %i', async (solver, order, hs) => {
    const errs: number[] = []
    for (const h of hs) {
      const d = 0.3 + h / 3
      const r = await run(solver, [0, d, T], h)
      errs.push(Math.abs(r.rows[1][0] - X0[0] * Math.sqrt(1 - 2 * d)))
    }
    const slope = logLogSlope([...hs], errs)
    expect(slope).toBeGreaterThan(order - 0.3)
    expect(slope).toBeLessThan(order + 1)
  })

  it('refuses a step size that does not divide the depth, naming integration.stepSize', async () => {
    const x0 = tf.tensor2d([[1]])
    const before = tf.memory().numTensors
    let err: unknown
    try {
      await integrate(normalDaeField({ calls: 0 }), x0, [0, 0.2, 0.4], { solver: 'euler', stepSize: 0.03 })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(EngineError)
    expect((err as EngineError).fields?.[0]?.field).toBe('integration.stepSize')
    expect((err as EngineError).msg).toMatchObject({ key: 'steps.notWhole', params: { suggestion: 0.025 } })
    expect(tf.memory().numTensors).toBe(before)
    x0.dispose()
  })
})
