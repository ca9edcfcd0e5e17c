// Transport split by particles across two pool workers: against the closed form of the continuous DAE of
// one Gaussian (a linear flow, x_t = sqrt(1 - 2t / sigma^2) x_0 per axis), and against the same transport
// on this thread for a mixture, the empirical DAE (reference rows in every shard) and a trained MLP field;
// a cancel stops the shards and the pool carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MixtureDef } from '../../../../shared/presets'
import { createRng } from '../../../../electron/engine/sampling/random'
import { CancelledError } from '../../../../electron/engine/errors'
import { continuousDaeField } from '../../../../electron/engine/flows/continuous-dae'
import { empiricalDaeField } from '../../../../electron/engine/flows/empirical-dae'
import type { VelocityField } from '../../../../electron/engine/flows/types'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { transport, type TransportInput } from '../../../../electron/engine/jobs/transport'
import { MlpField } from '../../../../electron/engine/models/mlp-field'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { sourcePool } from './source-pool'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import type { SolverOptions } from '../../../../electron/engine/solvers/types'

let pool: WorkerPool
beforeAll(async () => {
  pool = await sourcePool()
})
afterAll(() => pool.dispose())

function cloud(n: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed)
  return Float32Array.from({ length: n * dim }, () => rng.normal())
}

function input(
  field: VelocityField,
  positions: Float32Array,
  n: number,
  depths: number[],
  solverOptions: SolverOptions,
  signal = new AbortController().signal
): TransportInput {
  return { flow: { type: 'field', field, notes: [] }, positions, count: n, dim: field.dim, depths, integrate, solverOptions, ctx: createJobContext(signal) }
}

const rk4: SolverOptions = { solver: 'rk4', stepSize: 0.01 }

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length)
  let m = 0
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]))
  return m
}

describe('transport on the pool', () => {
  it('moves one Gaussian as the closed form says, and as this thread does, with the same statistics', async () => {
    const mix: MixtureDef = {
      kind: 'mixture',
      weights: [1],
      means: [[0, 0]],
      covariances: [
        [
          [2, 0],
          [0, 1]
        ]
      ]
    }
    const n = 3001
    const x0 = cloud(n, 2, 1)
    const depths = [0, 0.15, 0.3]
    const pooled = await transport({ ...input(continuousDaeField(mix), x0, n, depths, rk4), pool })
    const here = await transport({ ...input(continuousDaeField(mix), x0, n, depths, rk4), pool: null })
    depths.forEach((t, s) => {
      const scale = [Math.sqrt(1 - t), Math.sqrt(1 - 2 * t)]
      for (let i = 0; i < n; i += 7) for (let k = 0; k < 2; k++) expect(pooled.trajectories[(s * n + i) * 2 + k]).toBeCloseTo(scale[k] * x0[i * 2 + k], 4)
    })
    expect(maxAbsDiff(pooled.trajectories, here.trajectories)).toBeLessThan(1e-6)
    // no reference rows: the workers wrote their shards into the one shared array (nothing copied back)
    expect(pooled.trajectories.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(here.trajectories.buffer).toBeInstanceOf(ArrayBuffer)
    const { wallSeconds: _a, ...a } = pooled.stats
    const { wallSeconds: _b, ...b } = here.stats
    expect(a).toEqual(b)
  })

  it('matches this thread for a mixture under dopri5 and the empirical DAE (reference in every shard)', async () => {
    const mix: MixtureDef = {
      kind: 'mixture',
      weights: [0.2, 0.8],
      means: [
        [-1, 0],
        [1, 0]
      ],
      covariances: [
        [
          [1, 0],
          [0, 1]
        ],
        [
          [2, 0],
          [0, 1]
        ]
      ]
    }
    const n = 2000
    const x0 = cloud(n, 2, 2)
    const euler: SolverOptions = { solver: 'euler', stepSize: 0.05 }
    const empirical = () => empiricalDaeField(2, 0.3, 256)
    const pooled = await transport({ ...input(empirical(), x0, n, [0, 0.2], euler), pool })
    const here = await transport({ ...input(empirical(), x0, n, [0, 0.2], euler), pool: null })
    expect(maxAbsDiff(pooled.trajectories, here.trajectories)).toBeLessThan(1e-5)
    // reference rows are skipped on the way back: those shards return their positions, copied into a plain array
    expect(pooled.trajectories.buffer).toBeInstanceOf(ArrayBuffer)
    // dopri5 chooses its steps per shard: the same flow to its tolerance, not the same steps
    const adaptive: SolverOptions = { solver: 'dopri5', rtol: 1e-6, atol: 1e-8, minStep: 1e-9, maxSteps: 10_000 }
    const a = await transport({ ...input(continuousDaeField(mix), x0, n, [0, 0.2], adaptive), pool })
    const b = await transport({ ...input(continuousDaeField(mix), x0, n, [0, 0.2], adaptive), pool: null })
    expect(maxAbsDiff(a.trajectories, b.trajectories)).toBeLessThan(1e-4)
  })

  it('integrates a trained MLP field from its recipe as this thread does', async () => {
    const model = new MlpField({ dim: 3, width: 16, hiddenLayers: 2, activation: 'tanh' }, createRng(5))
    const recipe = { kind: 'mlp' as const, config: model.config, weights: model.getWeights().map((w) => w.values) }
    const n = 1500
    const x0 = cloud(n, 3, 3)
    const pooled = await transport({ ...input(Object.assign(model.snapshot(), { recipe }), x0, n, [0, 0.5, 1], { solver: 'rk4', stepSize: 0.05 }), pool })
    const here = await transport({ ...input(model.snapshot(), x0, n, [0, 0.5, 1], { solver: 'rk4', stepSize: 0.05 }), pool: null })
    model.dispose()
    expect(maxAbsDiff(pooled.trajectories, here.trajectories)).toBeLessThan(1e-5)
  })

  it('rebuilds a field once per recipe: a second model after the first moves by its own weights, and the first again by its own', async () => {
    const n = 1500
    const x0 = cloud(n, 3, 8)
    const opts: SolverOptions = { solver: 'euler', stepSize: 0.1 }
    const models = [
      new MlpField({ dim: 3, width: 16, hiddenLayers: 2, activation: 'tanh' }, createRng(11)),
      new MlpField({ dim: 3, width: 16, hiddenLayers: 2, activation: 'tanh' }, createRng(12))
    ]
    const fields = models.map((m) =>
      Object.assign(m.snapshot(), { recipe: { kind: 'mlp' as const, config: m.config, weights: m.getWeights().map((w) => w.values) } })
    )
    const here = await Promise.all(models.map((m) => transport({ ...input(m.snapshot(), x0, n, [0, 1], opts), pool: null })))
    // a, b, a: each worker's cached field must follow the recipe of the job in hand
    for (const k of [0, 1, 0]) {
      const pooled = await transport({ ...input(fields[k], x0, n, [0, 1], opts), pool })
      expect(maxAbsDiff(pooled.trajectories, here[k].trajectories)).toBeLessThan(1e-5)
    }
    expect(maxAbsDiff(here[0].trajectories, here[1].trajectories)).toBeGreaterThan(1e-2)
    models.forEach((m) => m.dispose())
  })

  it('stops every shard on cancel, and the pool serves the next job', async () => {
    const mix: MixtureDef = {
      kind: 'mixture',
      weights: [1],
      means: [[0, 0]],
      covariances: [
        [
          [2, 0],
          [0, 1]
        ]
      ]
    }
    const n = 40_000
    const x0 = cloud(n, 2, 4)
    const controller = new AbortController()
    const job = input(continuousDaeField(mix), x0, n, [0, 0.4], { solver: 'rk4', stepSize: 0.0005 }, controller.signal)
    const progress: number[] = []
    const ctx = createJobContext(controller.signal, (f) => {
      progress.push(f)
      if (progress.length === 2) controller.abort()
    })
    await expect(transport({ ...job, ctx, pool })).rejects.toBeInstanceOf(CancelledError)
    expect(progress.length).toBeGreaterThanOrEqual(2)
    const small = await transport({ ...input(continuousDaeField(mix), x0.subarray(0, 200), 200, [0, 0.1], rk4), pool })
    expect(small.trajectories.length).toBe(2 * 200 * 2)
  })
})
