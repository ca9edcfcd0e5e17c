// One training step with the batch split into shards across the worker pool: every shard's gradient of
// its mean objective comes back as plain arrays and they are summed weighted by their share of the rows,
// in shard order, in float64. The shards depend only on the batch and the thread count, never on which
// worker ran them or when it finished, so a seeded run repeats exactly at a given thread count and
// agrees with one thread to float rounding (the same full-batch gradient, summed in another order).
import * as tf from '@tensorflow/tfjs-core'
import { EngineError } from '../errors'
import type { MlpField, MlpFieldConfig } from '../models/mlp-field'
import type { WorkerPool } from '../pool/pool'
import { enginePool } from '../pool/engine-pool'
import { trainStep } from './train-step'
import { disposeMap } from './grad-maps'
import { STAGES, stepCount } from './solve'
import type { Batch, LossAndGradients, StepResult, TrainConfig } from './train-step'
import { message } from '../../../shared/messages'

/** what one shard task carries (pool/tasks.ts runs it) */
export interface GradientShard {
  config: MlpFieldConfig
  weights: Float32Array[]
  batch: Batch
  train: TrainConfig
}

export interface ShardGradients {
  loss: number
  kinetic: number
  /** the Jacobian term, when the objective measures it */
  jacobian?: number
  /** one array per variable in the model's order; null where the objective did not reach it */
  grads: Array<Float32Array | null>
}

export interface ShardSums {
  loss: number
  kinetic: number
  jacobian?: number
  /** per variable: the share-weighted sum of the shards' gradients, or null where no shard reached it */
  grads: Array<Float64Array | null>
}

/** The shards' means summed by their share of the `n` rows, in shard order, in float64: the full-batch mean. */
export function sumShards(parts: ShardGradients[], ranges: Array<[number, number]>, n: number, sizes: number[]): ShardSums {
  let loss = 0
  let kinetic = 0
  let jacobian = 0
  const grads: Array<Float64Array | null> = sizes.map(() => null)
  parts.forEach((p, k) => {
    const share = (ranges[k][1] - ranges[k][0]) / n
    loss += share * p.loss
    kinetic += share * p.kinetic
    jacobian += share * (p.jacobian ?? 0)
    p.grads.forEach((g, i) => {
      if (!g) return
      const s = (grads[i] ??= new Float64Array(sizes[i]))
      for (let j = 0; j < g.length; j++) s[j] += share * g[j]
    })
  })
  return { loss, kinetic, ...(parts.some((p) => p.jacobian !== undefined) ? { jacobian } : {}), grads }
}

/**
 * Each worker's share of a step must hold at least this many row x field evaluations (512 rows through
 * 20 Euler steps of a width-64 field, ~10 ms here) or the step stays on the engine's thread: below it
 * the round trip (weights out, gradients back, one more Adam update's wait) costs more than it saves.
 */
export const MIN_SHARD_EVALUATIONS = 512 * 20

/** The pool a step of `rows` rows, each costing `evaluationsPerRow` field evaluations, should use: the engine's, when the work is worth splitting. */
export function poolForWork(rows: number, evaluationsPerRow: number, pool: WorkerPool | undefined = enginePool()): WorkerPool | undefined {
  return pool && rows >= pool.size && rows * evaluationsPerRow >= MIN_SHARD_EVALUATIONS * pool.size ? pool : undefined
}

/** [start, end) row ranges of `parts` near-equal contiguous shards (fewer when n < parts). */
export function shardRanges(n: number, parts: number): Array<[number, number]> {
  const k = Math.max(1, Math.min(parts, n))
  return Array.from({ length: k }, (_, i) => [Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)])
}

/** lossAndGradients (train-step.ts) for `batch`, computed on the pool in pool.size shards. */
export async function shardedLossAndGradients(
  model: MlpField,
  batch: Batch,
  config: TrainConfig,
  pool: WorkerPool,
  signal?: AbortSignal
): Promise<LossAndGradients> {
  const D = model.dim
  const weights = model.getWeights().map((w) => w.values)
  const ranges = shardRanges(batch.n, pool.size)
  const train: TrainConfig = { ...config, weightDecay: 0 }
  const parts = await Promise.all(
    ranges.map(([a, b]) => {
      const shard: GradientShard = {
        config: model.config,
        weights,
        batch: { x0: batch.x0.slice(a * D, b * D), target: batch.target.slice(a * D, b * D), n: b - a },
        train
      }
      return pool.run<ShardGradients>('gradient-shard', shard, {
        ...(signal ? { signal } : {}),
        transfer: [shard.batch.x0.buffer as ArrayBuffer, shard.batch.target.buffer as ArrayBuffer]
      })
    })
  )
  const sums = sumShards(
    parts,
    ranges,
    batch.n,
    model.variables.map((v) => v.size)
  )
  const grads: tf.NamedTensorMap = {}
  const wd = config.weightDecay ?? 0
  model.variables.forEach((v, i) => {
    const sum = sums.grads[i]
    if (!sum && wd === 0) return
    grads[v.name] = tf.tidy(() => {
      const g = sum ? tf.tensor(Float32Array.from(sum), v.shape, 'float32') : tf.zerosLike(v)
      return wd > 0 ? tf.add(g, tf.mul(v, tf.scalar(wd))) : g
    })
  })
  return { loss: sums.loss, kinetic: sums.kinetic, grads }
}

/** trainStep on the engine's pool when the batch is large enough for it, else on this thread. */
export function trainStepAnywhere(model: MlpField, optimizer: tf.Optimizer, batch: Batch, config: TrainConfig): StepResult | Promise<StepResult> {
  const pool = poolForWork(batch.n, stepCount(config.depth, config.stepSize) * STAGES[config.solver])
  return pool ? shardedTrainStep(model, optimizer, batch, config, pool) : trainStep(model, optimizer, batch, config)
}

/** trainStep (train-step.ts) with the batch's gradient computed on the pool. */
export async function shardedTrainStep(
  model: MlpField,
  optimizer: tf.Optimizer,
  batch: Batch,
  config: TrainConfig,
  pool: WorkerPool,
  signal?: AbortSignal
): Promise<StepResult> {
  const { loss, kinetic, grads } = await shardedLossAndGradients(model, batch, config, pool, signal)
  try {
    if (!Number.isFinite(loss)) throw new EngineError('blow-up', message('engine.lossNotFinite', { loss }))
    optimizer.applyGradients(grads)
  } finally {
    disposeMap(grads)
  }
  return { loss, kinetic }
}
