// A neural ODE task's step with the batch split into shards across the worker pool: each shard's rows
// (and, for the Jacobian term, the probe signs one thread would have drawn for them) go to a worker that
// rebuilds the model at the current weights; the shards' mean gradients come back as plain arrays and
// are summed by their share of the rows in shard order (sharded-step.ts), so a seeded run repeats at a
// given thread count and agrees with one thread to float rounding.
import * as tf from '@tensorflow/tfjs-core'
import type { TrainingSpec } from '../../../shared/experiment'
import type { TrainedModel } from '../models/trained-model'
import type { WorkerPool } from '../pool/pool'
import type { ChunkedGradients } from './objective'
import { tableRows } from './probe-table'
import type { ObjectiveRows, ObjectiveShard } from './shard-objectives'
import { shardRanges, sumShards, type ShardGradients } from './sharded-step'

export { poolForWork } from './sharded-step'

/** what a neural ODE task's objective reads of the training settings: all a shard needs of them */
export type ObjectiveSettings = Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize' | 'kinetic' | 'jacobian' | 'gradient'>

/** the objective's settings alone: what a shard carries of the training spec */
export function objectiveSettings(t: TrainingSpec): ObjectiveSettings {
  return { solver: t.solver, depth: t.depth, stepSize: t.stepSize, kinetic: t.kinetic, jacobian: t.jacobian, gradient: t.gradient }
}

/** rows [a, b) of a batch's rows */
function cut(rows: ObjectiveRows, a: number, b: number): ObjectiveRows {
  const S = rows.x.length / rows.n
  const x = rows.x.slice(a * S, b * S)
  if (rows.kind === 'density') return { ...rows, x, n: b - a }
  const probes = rows.probes ? tableRows(rows.probes, rows.n, S, a, b - a) : undefined
  return { ...rows, x, labels: rows.labels.slice(a, b), n: b - a, ...(probes ? { probes } : {}) }
}

/** The full-batch gradient of `rows`' objective for field 0 and the head, computed in pool.size shards. */
export async function shardedObjectiveGradients(model: TrainedModel, rows: ObjectiveRows, pool: WorkerPool, signal?: AbortSignal): Promise<ChunkedGradients> {
  const weights = model.getWeights().map((w) => w.values)
  const ranges = shardRanges(rows.n, pool.size)
  const parts = await Promise.all(
    ranges.map(([a, b]) => {
      const shard: ObjectiveShard = { meta: model.meta, weights, rows: cut(rows, a, b) }
      return pool.run<ShardGradients>('objective-shard', shard, { ...(signal ? { signal } : {}) })
    })
  )
  const variables = model.variablesOf(0)
  const sums = sumShards(
    parts,
    ranges,
    rows.n,
    variables.map((v) => v.size)
  )
  const grads: tf.NamedTensorMap = {}
  variables.forEach((v, i) => {
    const sum = sums.grads[i]
    if (sum) grads[v.name] = tf.tensor(Float32Array.from(sum), v.shape, 'float32')
  })
  return { loss: sums.loss, kinetic: sums.kinetic, ...(sums.jacobian !== undefined ? { jacobian: sums.jacobian } : {}), grads }
}
