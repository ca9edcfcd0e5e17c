// One optimisation step of a learned flow on the "x0 -> x_T close to a target" task (MSE), with
// backprop through the solver, gradient accumulation over row chunks (bounded memory), weight decay
// and the RNODE kinetic regulariser. Data stays in Float32Arrays so shuffling and chunking cost no ops.
import * as tf from '@tensorflow/tfjs-core'
// tfjs-core alone registers no gradient functions; training needs them all
import './gradients'
import { EngineError } from '../errors'
import type { MlpField } from '../models/mlp-field'
import { solveDifferentiable, stepCount, type TrainSolver } from './solve'
import { say } from '../../../shared/messages'

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

export interface StepResult {
  /** data loss: mean over rows and dimensions of (x_T - target)^2 */
  loss: number
  /** kinetic term sum_steps h * mean_i |v|^2 (unweighted); NaN when not measured */
  kinetic: number
  /** Jacobian Frobenius term (unweighted Hutchinson estimate), when measured */
  jacobian?: number
}

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
 * TF.js keeps clones of the tensors a gradient needs ("saved") on the active tape and frees them only
 * after a successful backward pass: when the forward pass throws, they stay allocated forever. Free
 * them (and drop the abandoned tape) so a failed or cancelled step leaves numTensors at its baseline.
 */
export function freeAbandonedTape(): void {
  const state = tf.engine().state
  if (state.gradientDepth !== 0 || !state.activeTape) return
  for (const node of state.activeTape) for (const saved of node.saved ?? []) saved.dispose()
  // the engine itself resets the tape to null after a backward pass; its typings omit null
  ;(state as { activeTape: unknown }).activeTape = null
}

export function disposeMap(m: tf.NamedTensorMap): void {
  for (const k of Object.keys(m)) m[k].dispose()
}

/** acc + next, variable by variable (next itself when there is no acc yet); consumes both maps. */
export function accumulateGradients(acc: tf.NamedTensorMap | undefined, next: tf.NamedTensorMap): tf.NamedTensorMap {
  if (!acc) return next
  const sum: tf.NamedTensorMap = {}
  for (const k of Object.keys(acc)) sum[k] = tf.add(acc[k], next[k])
  disposeMap(acc)
  disposeMap(next)
  return sum
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
  const chunk = Math.max(1, Math.floor(config.chunkRows ?? DEFAULT_CHUNK_ROWS))
  const D = model.dim
  const f = (x: tf.Tensor2D, t: number): tf.Tensor2D => model.forward(x, t)
  let acc: tf.NamedTensorMap | undefined
  let lossSum = 0
  let kineticSum = 0
  try {
    for (let start = 0; start < batch.n; start += chunk) {
      const rows = Math.min(chunk, batch.n - start)
      const share = rows / batch.n
      let parts: tf.Scalar[] = []
      try {
        const { value, grads } = tf.variableGrads(() => {
          const x0 = tf.tensor2d(batch.x0.subarray(start * D, (start + rows) * D), [rows, D])
          const target = tf.tensor2d(batch.target.subarray(start * D, (start + rows) * D), [rows, D])
          const { xT, kinetic } = solveDifferentiable(f, x0, config.depth, steps, config.solver, withKinetic)
          const data = tf.mean(tf.squaredDifference(xT, target)) as tf.Scalar
          parts = kinetic ? [tf.keep(data), tf.keep(kinetic)] : [tf.keep(data)]
          const objective = lambda > 0 && kinetic ? tf.add(data, tf.mul(kinetic, tf.scalar(lambda))) : data
          return tf.mul(objective, tf.scalar(share))
        }, model.variables)
        value.dispose()
        acc = accumulateGradients(acc, grads)
        lossSum += share * parts[0].dataSync()[0]
        if (parts[1]) kineticSum += share * parts[1].dataSync()[0]
      } catch (e) {
        freeAbandonedTape()
        throw e
      } finally {
        for (const p of parts) p.dispose()
      }
    }
    const grads = acc as tf.NamedTensorMap
    const wd = config.weightDecay ?? 0
    if (wd > 0) {
      for (const w of model.variables) {
        // a variable the objective does not reach (wt when only t = 0 is visited) has no gradient
        const g = grads[w.name] as tf.Tensor | undefined
        grads[w.name] = tf.tidy(() => (g ? tf.add(g, tf.mul(w, tf.scalar(wd))) : tf.mul(w, tf.scalar(wd))))
        g?.dispose()
      }
    }
    acc = undefined
    return { loss: lossSum, kinetic: withKinetic ? kineticSum : Number.NaN, grads }
  } catch (e) {
    if (acc) disposeMap(acc)
    throw e
  }
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
    if (!Number.isFinite(loss)) throw new EngineError('blow-up', say('engine.lossNotFinite', { loss }))
    optimizer.applyGradients(grads)
  } finally {
    disposeMap(grads)
  }
  return { loss, kinetic }
}
