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
  /** one array per variable in the model's order; null where the objective did not reach it */
  grads: Array<Float32Array | null>
}

/** below this many rows per worker a step stays on the engine's thread: the round trip would cost more than it saves */
export const MIN_SHARD_ROWS = 512

/** The pool a step of `rows` rows should use: the engine's, when each worker gets enough rows. */
export function poolForStep(rows: number, pool: WorkerPool | undefined = enginePool()): WorkerPool | undefined {
  return pool && rows >= MIN_SHARD_ROWS * pool.size ? pool : undefined
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
  let loss = 0
  let kinetic = 0
  const sums = model.variables.map((v) => new Float64Array(v.size))
  const reached = model.variables.map(() => false)
  parts.forEach((p, k) => {
    const share = (ranges[k][1] - ranges[k][0]) / batch.n
    loss += share * p.loss
    kinetic += share * p.kinetic
    p.grads.forEach((g, i) => {
      if (!g) return
      reached[i] = true
      const s = sums[i]
      for (let j = 0; j < g.length; j++) s[j] += share * g[j]
    })
  })
  const grads: tf.NamedTensorMap = {}
  const wd = config.weightDecay ?? 0
  model.variables.forEach((v, i) => {
    if (!reached[i] && wd === 0) return
    grads[v.name] = tf.tidy(() => {
      const g = tf.tensor(Float32Array.from(sums[i]), v.shape, 'float32')
      return wd > 0 ? tf.add(g, tf.mul(v, tf.scalar(wd))) : g
    })
  })
  return { loss, kinetic, grads }
}

/** trainStep on the engine's pool when the batch is large enough for it, else on this thread. */
export function trainStepAnywhere(model: MlpField, optimizer: tf.Optimizer, batch: Batch, config: TrainConfig): StepResult | Promise<StepResult> {
  const pool = poolForStep(batch.n)
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
