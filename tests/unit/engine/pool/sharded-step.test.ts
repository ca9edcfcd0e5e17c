// Training with the batch's gradient split into shards across two pool workers: the full-batch loss and
// gradient of the in-thread computation (independent of the pool) to float rounding; a seeded run of
// several Adam steps repeats bit for bit at the same thread count and agrees with one thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { MlpField } from '../../../../electron/engine/models/mlp-field'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { sourcePool } from './source-pool'
import { shardedLossAndGradients, shardedTrainStep, shardRanges } from '../../../../electron/engine/training/sharded-step'
import { createOptimizer, lossAndGradients, trainStep, type Batch, type TrainConfig } from '../../../../electron/engine/training/train-step'

let pool: WorkerPool
beforeAll(async () => {
  pool = await sourcePool()
})
afterAll(() => pool.dispose())

const CONFIG = { dim: 2, width: 16, hiddenLayers: 2, activation: 'tanh' as const }
const TRAIN: TrainConfig = { solver: 'rk4', depth: 1, stepSize: 0.25, kinetic: 0.1, weightDecay: 0.01, chunkRows: 300 }

function batchOf(n: number, seed: number): Batch {
  const rng = createRng(seed)
  const x0 = Float32Array.from({ length: n * 2 }, () => rng.normal())
  // a target the field can approach: a rotation and shrink of the start
  const target = Float32Array.from(x0, (_, i) => (i % 2 === 0 ? 0.5 * x0[i + 1] : -0.5 * x0[i - 1]))
  return { x0, target, n }
}

const weightsOf = (m: MlpField): Float32Array[] => m.getWeights().map((w) => Float32Array.from(w.values))

describe('sharded training step', () => {
  it('splits rows into contiguous near-equal shards', () => {
    expect(shardRanges(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10]
    ])
    expect(shardRanges(2, 4)).toEqual([
      [0, 1],
      [1, 2]
    ])
  })

  it('gives the full-batch loss, kinetic term and gradient of the in-thread computation', async () => {
    const model = new MlpField(CONFIG, createRng(1))
    const batch = batchOf(1001, 2)
    const here = lossAndGradients(model, batch, TRAIN)
    const pooled = await shardedLossAndGradients(model, batch, TRAIN, pool)
    expect(pooled.loss).toBeCloseTo(here.loss, 6)
    expect(pooled.kinetic).toBeCloseTo(here.kinetic, 6)
    for (const v of model.variables) {
      const a = pooled.grads[v.name].dataSync()
      const b = here.grads[v.name].dataSync()
      const scale = Math.max(...Array.from(b, Math.abs))
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * Math.max(1, scale))
    }
    tf.dispose([...Object.values(here.grads), ...Object.values(pooled.grads)])
    model.dispose()
  })

  it('repeats a seeded run exactly at the same thread count and agrees with one thread', async () => {
    const run = async (sharded: boolean): Promise<Float32Array[]> => {
      const model = new MlpField(CONFIG, createRng(3))
      const opt = createOptimizer({ kind: 'adam', learningRate: 1e-2 })
      for (let s = 0; s < 4; s++) {
        const batch = batchOf(700, 10 + s)
        if (sharded) await shardedTrainStep(model, opt, batch, TRAIN, pool)
        else trainStep(model, opt, batch, TRAIN)
      }
      const w = weightsOf(model)
      opt.dispose()
      model.dispose()
      return w
    }
    const first = await run(true)
    const second = await run(true)
    expect(second).toEqual(first)
    const one = await run(false)
    const start = weightsOf(new MlpField(CONFIG, createRng(3)))
    one.forEach((w, k) => {
      for (let i = 0; i < w.length; i++) expect(Math.abs(first[k][i] - w[i])).toBeLessThan(1e-4)
    })
    // the steps moved the weights (the comparison above is not between two untouched models)
    expect(Math.max(...one.map((w, k) => Math.max(...Array.from(w, (x, i) => Math.abs(x - start[k][i])))))).toBeGreaterThan(1e-2)
  })
})
