// The CPU mixture kernel against the TF.js path it replaces (same solvers, step grid, dense output, NFE),
// against the closed-form step products of the continuous DAE of N(0, 1) (v = -x / (1 - 2t)), and on
// its failure paths: a depth past t*, a blow-up just before t*, bad starting positions, and cancel.
import { beforeAll, describe, expect, it } from 'vitest'
import type { MixtureDef } from '../../../../shared/presets'
import { initBackend } from '../../../../electron/engine/backend'
import { BlowUpError, CancelledError, EngineError } from '../../../../electron/engine/errors'
import { kernelMixture } from '../../../../electron/engine/jobs/mixture-chunk'
import { sampleDepths } from '../../../../electron/engine/solvers/integrate'
import type { FixedStepOptions, SolverOptions } from '../../../../electron/engine/solvers/types'
import { cloud, failure, maxRelDiff, randomMixture, tfIntegrate, transport, transportInput } from './helpers'

beforeAll(async () => {
  await initBackend('wasm')
})

const SOLVERS: FixedStepOptions['solver'][] = ['euler', 'heun', 'rk4']
const H = 0.005
const DEPTH = 0.2
/** recorded depths: the ends only, some between step ends (dense output), every step end, one inside the last step */
const DEPTH_SETS = [sampleDepths(DEPTH, 2), sampleDepths(DEPTH, 8), sampleDepths(DEPTH, 41), [0, 0.05, DEPTH - H / 3, DEPTH]]

const normal1d: MixtureDef = { kind: 'mixture', weights: [1], means: [[0]], covariances: [[[1]]] }

describe('mixture kernel against the TF.js path', () => {
  for (const dim of [1, 2, 3])
    for (const k of [1, 2, 3])
      it(`K = ${k}, D = ${dim}: the same positions at every recorded depth and the same statistics`, async () => {
        const mix = randomMixture(k, dim, 100 * k + dim)
        const x0 = cloud(150, dim, k + 10 * dim)
        for (const solver of SOLVERS)
          for (const depths of DEPTH_SETS) {
            const input = transportInput(mix, x0, depths, { solver, stepSize: H })
            // the engine's own integrate on a continuous-DAE field under a fixed step: the kernel
            expect(kernelMixture(input)).toBe(mix)
            const kernel = await transport(input)
            const tf = await transport({ ...input, integrate: tfIntegrate })
            expect(kernel.trajectories.length).toBe(depths.length * 150 * dim)
            // float32 TF.js against float64: agreement to float32 accumulation over 40 steps
            expect(maxRelDiff(kernel.trajectories, tf.trajectories)).toBeLessThan(1e-5)
            const { wallSeconds: _k, ...kStats } = kernel.stats
            const { wallSeconds: _t, ...tStats } = tf.stats
            expect(kStats).toEqual(tStats)
            expect(kStats.steps).toBe(DEPTH / H)
          }
      })

  it('leaves dopri5, other fields and an injected integrator to TF.js', () => {
    const mix = randomMixture(2, 2, 1)
    const input = transportInput(mix, cloud(10, 2, 1), [0, 0.1], { solver: 'rk4', stepSize: 0.01 })
    const adaptive: SolverOptions = { solver: 'dopri5', rtol: 1e-6, atol: 1e-8, minStep: 1e-9, maxSteps: 1000 }
    expect(kernelMixture({ ...input, solverOptions: adaptive })).toBeNull()
    expect(kernelMixture({ ...input, integrate: tfIntegrate })).toBeNull()
    const field = input.flow.type === 'field' ? input.flow.field : undefined
    expect(kernelMixture({ ...input, flow: { type: 'field', field: { ...field!, recipe: undefined }, notes: [] } })).toBeNull()
  })
})

describe('mixture kernel on N(0, 1): v = -x / (1 - 2t)', () => {
  /** x_N / x_0 of the solver's T/h steps on the linear field, in float64 */
  function stepProduct(solver: FixedStepOptions['solver'], h: number, steps: number): number {
    const lambda = (t: number): number => -1 / (1 - 2 * t)
    let g = 1
    for (let k = 0; k < steps; k++) {
      const t = k * h
      const k1 = lambda(t)
      let f: number
      if (solver === 'euler') f = 1 + h * k1
      else if (solver === 'heun') f = 1 + (h / 2) * (k1 + lambda(t + h) * (1 + h * k1))
      else {
        const k2 = lambda(t + h / 2) * (1 + (h / 2) * k1)
        const k3 = lambda(t + h / 2) * (1 + (h / 2) * k2)
        const k4 = lambda(t + h) * (1 + h * k3)
        f = 1 + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
      }
      g *= f
    }
    return g
  }

  for (const solver of SOLVERS)
    it(`${solver}: the final position is x0 times the product of the T/h step factors`, async () => {
      const x0 = Float32Array.from([-2.5, -1, -0.1, 0.3, 1.7, 3])
      const h = 0.01
      const r = await transport(transportInput(normal1d, x0, [0, 0.175, 0.4], { solver, stepSize: h }))
      const g = stepProduct(solver, h, 40)
      // and it is the solver's broken line, not the flow: the exact factor sqrt(1 - 2T) differs
      expect(Math.abs(g - Math.sqrt(0.2))).toBeGreaterThan(solver === 'euler' ? 1e-3 : 1e-9)
      x0.forEach((x, i) => expect(Math.abs(r.trajectories[2 * 6 + i] - x * g)).toBeLessThanOrEqual(2e-7 * Math.abs(x * g)))
      expect(r.stats.nfe).toBe(40 * { euler: 1, heun: 2, rk4: 4 }[solver])
    })
})

describe('mixture kernel failures, as on the TF.js path', () => {
  async function bothFail(mix: MixtureDef, x0: Float32Array, depths: number[], options: SolverOptions): Promise<[EngineError, EngineError]> {
    const input = transportInput(mix, x0, depths, options)
    const a = await failure(() => transport(input))
    const b = await failure(() => transport({ ...input, integrate: tfIntegrate }))
    expect(a).toBeInstanceOf(EngineError)
    expect(a.constructor).toBe(b.constructor)
    return [a as EngineError, b as EngineError]
  }

  it('a depth past t* fails where the TF path fails, with its message', async () => {
    for (const solver of SOLVERS) {
      const [a, b] = await bothFail(normal1d, cloud(20, 1, 3), [0, 0.3, 0.6], { solver, stepSize: 0.01 })
      expect(a.code).toBe('invalid-spec')
      expect(a.msg).toEqual(b.msg)
      expect(a.msg.key).toBe('engine.continuousUndefined')
    }
  })

  it('a blow-up just before t* (the last stage at 1 - 2t = 2e-12) is reported at the same depth', async () => {
    const T = 0.5 - 1e-12
    for (const solver of ['heun', 'rk4'] as const) {
      const [a, b] = await bothFail(normal1d, cloud(20, 1, 4), [0, T], { solver, stepSize: T / 10 })
      expect(a).toBeInstanceOf(BlowUpError)
      expect((a as BlowUpError).depth).toBe((b as BlowUpError).depth)
      expect(a.msg.params?.detail).toMatchObject({ key: 'engine.positionsTooLarge' })
      const max = (e: EngineError) => Number((e.msg.params?.detail as unknown as { params: { max: string } }).params.max)
      expect(Math.abs(max(a) / max(b) - 1)).toBeLessThan(1e-3)
    }
  })

  it('NaN or huge starting positions are refused at depth 0', async () => {
    for (const bad of [NaN, 5e8]) {
      const x0 = cloud(10, 2, 5)
      x0[7] = bad
      const [a, b] = await bothFail(randomMixture(2, 2, 5), x0, [0, 0.1], { solver: 'rk4', stepSize: 0.01 })
      expect((a as BlowUpError).depth).toBe(0)
      expect(a.msg).toEqual(b.msg)
    }
  })

  it('reports progress per step like the TF path, and a cancel stops it at the next step', async () => {
    const mix = randomMixture(2, 2, 6)
    const x0 = cloud(500, 2, 6)
    const seen: [number, number | undefined][][] = [[], []]
    const options: SolverOptions = { solver: 'rk4', stepSize: 0.01 }
    await transport(transportInput(mix, x0, sampleDepths(0.2, 5), options, (f, d) => seen[0].push([f, d])))
    await transport({ ...transportInput(mix, x0, sampleDepths(0.2, 5), options, (f, d) => seen[1].push([f, d])), integrate: tfIntegrate })
    expect(seen[0].length).toBe(20)
    expect(seen[0]).toEqual(seen[1])
    for (const inject of [false, true]) {
      const controller = new AbortController()
      let calls = 0
      const input = transportInput(mix, x0, [0, 0.2], { solver: 'rk4', stepSize: 0.001 }, () => ++calls === 3 && controller.abort(), controller.signal)
      await expect(transport(inject ? { ...input, integrate: tfIntegrate } : input)).rejects.toBeInstanceOf(CancelledError)
      expect(calls).toBe(3)
    }
  })
})
