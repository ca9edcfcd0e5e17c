// A trained MLP field integrated on onnxruntime (onnx-field/) against the same field on TF.js (the engine's
// fixed-step solvers): positions at every recorded depth, on and between the step grid (dense output),
// for Euler, Heun and RK4 and the three activations, to float32 rounding, with the same evaluation and
// step counts; a non-finite weight fails as a blow-up; the pool's workers take the same path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlowUpError } from '../../../../electron/engine/errors'
import type { FieldRecipe, VelocityField } from '../../../../electron/engine/flows/types'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { transport, type TransportInput } from '../../../../electron/engine/jobs/transport'
import { MlpField, type Activation } from '../../../../electron/engine/models/mlp-field'
import { onnxFieldOf } from '../../../../electron/engine/onnx-field/onnx-field'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { sourcePool } from '../pool/source-pool'
import { createRng } from '../../../../electron/engine/sampling/random'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import type { Integrator, SolverOptions } from '../../../../electron/engine/solvers/types'

let pool: WorkerPool
beforeAll(async () => {
  pool = await sourcePool()
})
afterAll(() => pool.dispose())

// the same solvers, but not the engine's own function: transport then stays on TF.js
const tfjsOnly: Integrator = (...args) => integrate(...args)

function fieldOf(activation: Activation, seed: number, scale = 1): { model: MlpField; field: VelocityField & { recipe: FieldRecipe } } {
  const model = new MlpField({ dim: 3, width: 16, hiddenLayers: 2, activation }, createRng(seed))
  if (scale !== 1) model.setWeights(model.getWeights().map((w) => w.values.map((v) => v * scale)))
  const recipe: FieldRecipe = { kind: 'mlp', config: model.config, weights: model.getWeights().map((w) => Float32Array.from(w.values)) }
  return { model, field: Object.assign(model.snapshot(), { recipe }) }
}

function input(
  field: VelocityField,
  n: number,
  depths: number[],
  solverOptions: SolverOptions,
  via: Integrator,
  pool: WorkerPool | null = null
): TransportInput {
  const r = createRng(3)
  const positions = Float32Array.from({ length: n * 3 }, () => r.normal())
  return {
    flow: { type: 'field', field, notes: [] },
    positions,
    count: n,
    dim: 3,
    depths,
    integrate: via,
    solverOptions,
    ctx: createJobContext(new AbortController().signal),
    pool
  }
}

const maxGap = (a: Float32Array, b: Float32Array): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0)

describe('a learned field on onnxruntime', () => {
  // depths 0, 0.3 (between steps of 0.2), 0.4, 1: on and off the grid
  const depths = [0, 0.3, 0.4, 1]
  for (const solver of ['euler', 'heun', 'rk4'] as const)
    for (const activation of ['tanh', 'softplus', 'swish'] as const) {
      it(`${solver}, ${activation}: the TF.js positions at every depth, the same counts`, async () => {
        const { model, field } = fieldOf(activation, 7)
        expect(await onnxFieldOf(field.recipe, solver)).toBeDefined()
        const opts: SolverOptions = { solver, stepSize: 0.2 }
        const fast = await transport(input(field, 900, depths, opts, integrate))
        const slow = await transport(input(field, 900, depths, opts, tfjsOnly))
        expect(maxGap(fast.trajectories, slow.trajectories)).toBeLessThan(2e-5)
        // the flow moved the particles: the comparison is not of two copies of the start
        expect(maxGap(fast.trajectories.subarray(3 * 900 * 3), fast.trajectories.subarray(0, 900 * 3))).toBeGreaterThan(0.05)
        const { wallSeconds: _a, ...a } = fast.stats
        const { wallSeconds: _b, ...b } = slow.stats
        expect(a).toEqual(b)
        field.dispose()
        model.dispose()
      })
    }

  it('fails as a blow-up on a non-finite weight', async () => {
    const { model, field } = fieldOf('tanh', 8)
    ;(field.recipe as Extract<FieldRecipe, { kind: 'mlp' }>).weights[0][0] = Number.NaN
    await expect(transport(input(field, 50, [0, 1], { solver: 'rk4', stepSize: 0.25 }, integrate))).rejects.toBeInstanceOf(BlowUpError)
    field.dispose()
    model.dispose()
  })

  it('is what the pool workers run: sharded positions equal this thread', async () => {
    const { model, field } = fieldOf('tanh', 9)
    const opts: SolverOptions = { solver: 'rk4', stepSize: 0.1 }
    const pooled = await transport(input(field, 3000, depths, opts, integrate, pool))
    const here = await transport(input(field, 3000, depths, opts, integrate))
    const slow = await transport(input(field, 3000, depths, opts, tfjsOnly))
    expect(maxGap(pooled.trajectories, here.trajectories)).toBe(0)
    expect(maxGap(here.trajectories, slow.trajectories)).toBeLessThan(2e-5)
    field.dispose()
    model.dispose()
  })
})
