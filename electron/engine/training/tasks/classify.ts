// Neural ODE classification: the state x (data plus ANODE zeros) flows through v_theta over [0, T]
// (backprop through the solver, or the adjoint method), a linear softmax head reads the classes at
// depth T; cross-entropy plus lambda_K times the kinetic term and lambda_J times the Jacobian term
// (Hutchinson), accumulated over row chunks.
import * as tf from '@tensorflow/tfjs-core'
import type { TrainingSpec } from '../../../../shared/experiment'
import type { Rng } from '../../sampling/random'
import type { TrainedModel } from '../../models/trained-model'
import { adjointBackward, forwardWithKinetic } from '../adjoint'
import { runEpochs } from '../epochs'
import { applyCheckpoint, stageCheckpoint } from '../resume'
import { applyGradients, chunkedGradients, type ChunkedGradients } from '../objective'
import { JACOBIAN_DELTA, solveDifferentiable, STAGES, stepCount, type JacobianProbe } from '../solve'
import { accumulateGradients, disposeMap } from '../grad-maps'
import { createOptimizer, DEFAULT_CHUNK_ROWS } from '../train-step'
import { gather, gatherInt, NO_PRIOR, type TaskHooks, type TaskResult } from './common'
import { drawnProbe, drawProbeTable, rademacherSigns, tableRows } from '../probe-table'
import { objectiveSettings, poolForWork, shardedObjectiveGradients, type ObjectiveSettings } from '../sharded-objective'

export { rademacherSigns }

export interface LabelledRows {
  /** [n, S] states (data padded with the augmented zeros) */
  x: Float32Array
  labels: Int32Array
  n: number
}

/** Rademacher (+-1) probe directions from a seeded stream (`stream()` read at each call): reproducible Hutchinson estimates. */
export function rademacherProbe(stream: Rng | (() => Rng)): JacobianProbe {
  const current = typeof stream === 'function' ? stream : () => stream
  return { directions: (_step, n, dim) => tf.tensor2d(rademacherSigns(current(), n * dim), [n, dim]) }
}

/** |J eps_i|^2 per row by the central difference the forward pass uses, eps_i the probe of step i */
function hutchinsonRows(probe: JacobianProbe): (f: (x: tf.Tensor2D, t: number) => tf.Tensor2D, z: tf.Tensor2D, t: number, step: number) => tf.Tensor1D {
  return (f, z, t, step) => {
    const [n, dim] = z.shape
    const e = tf.mul(probe.directions(step, n, dim), tf.scalar(JACOBIAN_DELTA)) as tf.Tensor2D
    const je = tf.div(tf.sub(f(tf.add(z, e), t), f(tf.sub(z, e), t)), tf.scalar(2 * JACOBIAN_DELTA))
    return tf.sum(tf.square(je), 1) as tf.Tensor1D
  }
}

/** cross-entropy of the head's logits at x_T; call inside tidy */
function crossEntropy(model: TrainedModel, xT: tf.Tensor2D, labels: Int32Array): tf.Scalar {
  const C = model.meta.classes!.length
  const onehot = tf.oneHot(tf.tensor1d(labels, 'int32'), C)
  return tf.neg(tf.mean(tf.sum(tf.mul(onehot, tf.logSoftmax(model.logits(xT))), 1))) as tf.Scalar
}

/** held-out cross-entropy and accuracy with the training solver (no gradients) */
export function evaluateClassifier(
  model: TrainedModel,
  data: LabelledRows,
  training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize'>
): { loss: number; accuracy: number } {
  const S = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  let loss = 0
  let correct = 0
  for (let s = 0; s < data.n; s += DEFAULT_CHUNK_ROWS) {
    const rows = Math.min(DEFAULT_CHUNK_ROWS, data.n - s)
    const labels = data.labels.subarray(s, s + rows)
    const [l, pred] = tf.tidy(() => {
      const x0 = tf.tensor2d(data.x.subarray(s * S, (s + rows) * S), [rows, S])
      const { xT } = solveDifferentiable((x, t) => model.fields[0].forward(x, t), x0, training.depth, steps, training.solver, false)
      return [crossEntropy(model, xT, labels).dataSync()[0], tf.argMax(model.logits(xT), 1).dataSync() as Int32Array] as const
    })
    loss += (l * rows) / data.n
    for (let i = 0; i < rows; i++) if (pred[i] === labels[i]) correct++
  }
  return { loss, accuracy: correct / data.n }
}

/** class predictions of the head for final states xT [n, S] */
export function predictClasses(model: TrainedModel, xT: Float32Array, n: number): Int32Array {
  return tf.tidy(() => tf.argMax(model.logits(tf.tensor2d(xT, [n, model.meta.field.dim])), 1).dataSync() as Int32Array)
}

/**
 * Cross-entropy (+ lambda_K kinetic + lambda_J Jacobian) gradient by the adjoint method: x_T without a
 * tape, a_T = dL/dx_T and the head's gradient from one small tape at depth T, then the field's gradient
 * integrated backwards with the regularisers' integrands as running costs. With lambda_J > 0, `probes`
 * is read exactly as the backprop path reads it (per chunk, step after step), so both estimate the
 * same objective; the chunk's signs are kept as one byte-sized float per row, dimension and step.
 * `probes` may also be the batch's signs drawn ahead ([steps][n][S], probe-table.ts), as a shard gets them.
 */
export function adjointClassifierGradients(
  model: TrainedModel,
  x: Float32Array,
  labels: Int32Array,
  n: number,
  training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize'> & { kinetic?: number; jacobian?: number },
  probes?: Rng | Float32Array
): ChunkedGradients {
  const S = model.meta.field.dim
  const head = model.head!
  const steps = stepCount(training.depth, training.stepSize)
  const lambdaJ = training.jacobian ?? 0
  if (lambdaJ > 0 && !probes) throw new RangeError('the Jacobian term needs a probe stream')
  let acc: tf.NamedTensorMap | undefined
  let loss = 0
  let kinetic = 0
  let jacobian = 0
  try {
    for (let start = 0; start < n; start += DEFAULT_CHUNK_ROWS) {
      const m = Math.min(DEFAULT_CHUNK_ROWS, n - start)
      const share = m / n
      const probe =
        lambdaJ > 0 ? drawnProbe(probes instanceof Float32Array ? tableRows(probes, n, S, start, m) : rademacherSigns(probes!, steps * m * S)) : undefined
      const x0 = tf.tensor2d(x.subarray(start * S, (start + m) * S), [m, S])
      // the kinetic term is measured even at lambda_K = 0, as the backprop path reports it
      const fw = forwardWithKinetic(model.fields[0], x0, training, true, probe)
      x0.dispose()
      kinetic += share * fw.kinetic.dataSync()[0]
      if (fw.jacobian) jacobian += share * fw.jacobian.dataSync()[0]
      tf.dispose([fw.kinetic, ...(fw.jacobian ? [fw.jacobian] : [])])
      const zv = tf.variable(fw.zT, true)
      let aT: tf.Tensor2D
      let headGrads: tf.NamedTensorMap
      try {
        const { value, grads } = tf.variableGrads(
          () => tf.mul(crossEntropy(model, zv, labels.subarray(start, start + m)), tf.scalar(share)) as tf.Scalar,
          [head.w, head.b, zv]
        )
        loss += value.dataSync()[0]
        value.dispose()
        aT = grads[zv.name] as tf.Tensor2D
        headGrads = { [head.w.name]: grads[head.w.name], [head.b.name]: grads[head.b.name] }
      } finally {
        zv.dispose()
      }
      // the chunk's share of lambda * mean_rows(...) is lambda / n per row
      const terms = { kinetic: (training.kinetic ?? 0) / n, ...(probe ? { jacobian: { weight: lambdaJ / n, rows: hutchinsonRows(probe) } } : {}) }
      const chunk = { ...adjointBackward(model.fields[0], fw.zT, aT, training, terms), ...headGrads }
      acc = accumulateGradients(acc, chunk)
    }
  } catch (e) {
    if (acc) disposeMap(acc)
    throw e
  }
  return { loss, kinetic, ...(lambdaJ > 0 ? { jacobian } : {}), grads: acc as tf.NamedTensorMap }
}

/** what a classification step's objective reads of the training settings */
export type ClassifierObjective = ObjectiveSettings

/** batched field evaluations per row of one step: each stage, the probe's two, and the adjoint's backward pass */
export function classifierEvaluations(training: ClassifierObjective): number {
  const steps = stepCount(training.depth, training.stepSize)
  const probe = training.jacobian > 0 ? 2 : 0
  const forward = STAGES[training.solver] + probe
  const backward = training.gradient === 'adjoint' ? STAGES[training.solver] + (training.kinetic > 0 ? 1 : 0) + probe : 0
  return steps * (forward + backward)
}

/**
 * The full-batch gradient of cross-entropy + lambda_K kinetic + lambda_J Jacobian for rows x [n, S] with
 * labels, by backprop through the solver (row chunks) or the adjoint method. `probes`: the epoch's sign
 * stream, read as it goes, or the batch's signs drawn ahead ([steps][n][S]); both give the same signs.
 */
export function classifierGradients(
  model: TrainedModel,
  x: Float32Array,
  labels: Int32Array,
  n: number,
  training: ClassifierObjective,
  probes?: Rng | Float32Array
): ChunkedGradients {
  if (training.gradient === 'adjoint') return adjointClassifierGradients(model, x, labels, n, training, probes)
  const S = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  const f = (z: tf.Tensor2D, t: number): tf.Tensor2D => model.fields[0].forward(z, t)
  if (training.jacobian > 0 && !probes) throw new RangeError('the Jacobian term needs a probe stream')
  return chunkedGradients(model.variablesOf(0), n, DEFAULT_CHUNK_ROWS, (start, m) => {
    const probe =
      training.jacobian > 0 ? (probes instanceof Float32Array ? drawnProbe(tableRows(probes, n, S, start, m)) : rademacherProbe(probes!)) : undefined
    const x0 = tf.tensor2d(x.subarray(start * S, (start + m) * S), [m, S])
    const { xT, kinetic, jacobian } = solveDifferentiable(f, x0, training.depth, steps, training.solver, true, probe)
    const data = crossEntropy(model, xT, labels.subarray(start, start + m))
    let objective = data
    if (training.kinetic > 0 && kinetic) objective = tf.add(objective, tf.mul(kinetic, tf.scalar(training.kinetic))) as tf.Scalar
    if (jacobian) objective = tf.add(objective, tf.mul(jacobian, tf.scalar(training.jacobian))) as tf.Scalar
    return { objective, data, ...(kinetic ? { kinetic } : {}), ...(jacobian ? { jacobian } : {}) }
  })
}

export async function trainClassifier(
  model: TrainedModel,
  train: LabelledRows,
  validation: LabelledRows,
  training: TrainingSpec,
  rng: Rng,
  hooks: TaskHooks = {}
): Promise<TaskResult> {
  const S = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  const variables = model.variablesOf(0)
  const optimizer = createOptimizer({ kind: training.optimizer, learningRate: training.learningRate })
  // one probe stream per epoch, so a resumed run draws the same probes as an uninterrupted one
  let probeEpoch = -1
  let probeRng = rng.fork('hutchinson:0')
  const perRow = classifierEvaluations(training)
  const cps = hooks.checkpoints
  try {
    if (cps?.resume) await applyCheckpoint(model, optimizer, cps.resume)
    const r = await runEpochs<Float32Array[]>({
      epochs: training.epochs,
      batchSize: training.batchSize,
      nTrain: train.n,
      rng: rng.fork('minibatch'),
      step: (rows, epoch) => {
        if (epoch !== probeEpoch) {
          probeEpoch = epoch
          probeRng = rng.fork(`hutchinson:${epoch}`)
        }
        const xb = gather(train.x, S, rows)
        const yb = gatherInt(train.labels, rows)
        const n = rows.length
        const pool = poolForWork(n, perRow)
        if (!pool) return applyGradients(optimizer, variables, classifierGradients(model, xb, yb, n, training, probeRng), training.weightDecay)
        // the shards read the signs this thread would have drawn, cut by rows
        const probes = training.jacobian > 0 ? drawProbeTable(probeRng, n, steps, S, DEFAULT_CHUNK_ROWS) : undefined
        const shard = { kind: 'classify' as const, training: objectiveSettings(training), x: xb, labels: yb, n, ...(probes ? { probes } : {}) }
        return shardedObjectiveGradients(model, shard, pool).then((g) => applyGradients(optimizer, variables, g, training.weightDecay))
      },
      nfeOf: (rows) => perRow * Math.ceil(rows / DEFAULT_CHUNK_ROWS),
      ...(validation.n > 0 ? { validate: () => evaluateClassifier(model, validation, training) } : {}),
      ...(training.earlyStopping ? { earlyStopping: training.earlyStopping } : {}),
      snapshot: () => model.getWeights().map((w) => Float32Array.from(w.values)),
      restore: (w) => model.setWeights(w),
      onBatch: (epoch, batch, batches, result) => hooks.onBatch?.({ epoch, batch, batches, result }),
      onEpoch: hooks.onEpoch,
      ...(cps
        ? { checkpointing: { resume: cps.resume?.loop, save: async (loop) => cps.save(await stageCheckpoint(0, loop, NO_PRIOR, model, optimizer)) } }
        : {})
    })
    return { ...r, trainCount: train.n, validationCount: validation.n }
  } finally {
    optimizer.dispose()
  }
}
