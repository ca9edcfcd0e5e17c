// One optimisation step of a learned flow on the "x0 -> x_T close to a target" task (MSE), with
// backprop through the solver, gradient accumulation over row chunks (objective.ts: bounded memory),
// weight decay and the RNODE kinetic regulariser. Data stays in Float32Arrays so shuffling and chunking cost no ops.
import * as tf from '@tensorflow/tfjs-core'
// tfjs-core alone registers no gradient functions; training needs them all
import './gradients'
import { EngineError } from '../errors'
import type { MlpField } from '../models/mlp-field'
import { disposeMap } from './grad-maps'
import { chunkedGradients, type StepResult } from './objective'
import { solveDifferentiable, stepCount, type TrainSolver } from './solve'
import { message } from '../../../shared/messages'

export interface TrainConfig {
  solver: TrainSolver
  /** depth T */
  depth: number
  /** step size h (T / h steps) */
  stepSize: number
  /** lambda_K: weight of the kinetic term sum_steps h * mean |v|^2 in the objective (default 0) */
  kinetic?: number
  /** L2 weight decay added to the gradient (grad += weightDecay * w), as in torch's Adam/SGD (default 0) */
  weightDecay?: number
  /** rows per backprop chunk; gradients are accumulated over chunks (default DEFAULT_CHUNK_ROWS) */
  chunkRows?: number
  /** compute the kinetic term even when lambda_K is 0, to report it (default true) */
  measureKinetic?: boolean
}

/** Row-major [n, D] starting points and targets. */
export interface Batch {
  x0: Float32Array
  target: Float32Array
  n: number
}

export type { StepResult }

/**
 * 4,096 rows x 20 Euler steps x width 64 keeps a few hundred MiB of tape: the wasm heap (max 4 GiB,
 * aborting well before) holds it, while 65,536 rows in one tape do not.
 */
export const DEFAULT_CHUNK_ROWS = 4096

export interface LossAndGradients extends StepResult {
  /** gradient of the full-batch objective (data + lambda_K * kinetic), keyed by variable name; caller disposes */
  grads: tf.NamedTensorMap
}

function checkBatch(model: MlpField, batch: Batch): void {
  const D = model.dim
  if (!Number.isInteger(batch.n) || batch.n < 1) throw new RangeError(`batch size must be a positive integer, got ${batch.n}`)
  if (batch.x0.length !== batch.n * D || batch.target.length !== batch.n * D) {
    throw new RangeError(`batch arrays must hold n * D = ${batch.n * D} values (got ${batch.x0.length} and ${batch.target.length})`)
  }
}

/**
 * Full-batch objective value and gradient, computed chunk by chunk: each chunk's objective is scaled
 * by its share of the rows, so the sum of chunk gradients is the full-batch gradient exactly (up to
 * float rounding) while only one chunk's tape is alive at a time.
 */
export function lossAndGradients(model: MlpField, batch: Batch, config: TrainConfig): LossAndGradients {
  checkBatch(model, batch)
  const steps = stepCount(config.depth, config.stepSize)
  const lambda = config.kinetic ?? 0
  const withKinetic = lambda > 0 || config.measureKinetic !== false
  const D = model.dim
  const r = chunkedGradients(model.variables, batch.n, config.chunkRows ?? DEFAULT_CHUNK_ROWS, (start, rows) => {
    // the field's folded weights once per chunk, on this chunk's tape (not once per solver stage)
    const f = model.field()
    const x0 = tf.tensor2d(batch.x0.subarray(start * D, (start + rows) * D), [rows, D])
    const target = tf.tensor2d(batch.target.subarray(start * D, (start + rows) * D), [rows, D])
    const { xT, kinetic } = solveDifferentiable(f, x0, config.depth, steps, config.solver, withKinetic)
    const data = tf.mean(tf.squaredDifference(xT, target)) as tf.Scalar
    const objective = lambda > 0 && kinetic ? (tf.add(data, tf.mul(kinetic, tf.scalar(lambda))) as tf.Scalar) : data
    return { objective, data, ...(kinetic ? { kinetic } : {}) }
  })
  const { grads } = r
  const wd = config.weightDecay ?? 0
  if (wd > 0) {
    for (const w of model.variables) {
      // a variable the objective does not reach (wt when only t = 0 is visited) has no gradient
      const g = grads[w.name] as tf.Tensor | undefined
      grads[w.name] = tf.tidy(() => (g ? tf.add(g, tf.mul(w, tf.scalar(wd))) : tf.mul(w, tf.scalar(wd))))
      g?.dispose()
    }
  }
  return { loss: r.loss, kinetic: r.kinetic, grads }
}

export type OptimizerKind = 'adam' | 'sgd'

export interface OptimizerConfig {
  kind: OptimizerKind
  learningRate: number
}

export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  if (!(config.learningRate > 0)) throw new RangeError(`learning rate must be positive, got ${config.learningRate}`)
  return config.kind === 'adam' ? tf.train.adam(config.learningRate) : tf.train.sgd(config.learningRate)
}

/**
 * One optimisation step on `batch`. A non-finite loss or gradient throws (EngineError 'blow-up')
 * before the weights are touched, so a diverged step never corrupts the model.
 */
export function trainStep(model: MlpField, optimizer: tf.Optimizer, batch: Batch, config: TrainConfig): StepResult {
  const { loss, kinetic, grads } = lossAndGradients(model, batch, config)
  try {
    if (!Number.isFinite(loss)) throw new EngineError('blow-up', message('engine.lossNotFinite', { loss }))
    optimizer.applyGradients(grads)
  } finally {
    disposeMap(grads)
  }
  return { loss, kinetic }
}
