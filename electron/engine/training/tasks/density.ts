// Density estimation with a continuous normalizing flow: maximum likelihood of the data under
// log p(x) = log N(z_T; 0, I) + integral tr(grad v) dt (backprop through the solver, or the adjoint
// method), plus lambda_K times the kinetic term and lambda_J times the exact Jacobian Frobenius term;
// held-out mean log-likelihood; samples by integrating backwards from N(0, I).
import * as tf from '@tensorflow/tfjs-core'
import type { TrainingSpec } from '../../../../shared/experiment'
import type { Rng } from '../../sampling/random'
import type { TrainedModel } from '../../models/trained-model'
import { adjointBackward, forwardCnf } from '../adjoint'
import { fieldDerivatives, logLikelihood, solveCnf } from '../cnf'
import { runEpochs } from '../epochs'
import { applyCheckpoint, stageCheckpoint } from '../resume'
import { applyGradients, chunkedGradients, type ChunkedGradients } from '../objective'
import { STAGES, stepCount, solveDifferentiable } from '../solve'
import { accumulateGradients, disposeMap } from '../grad-maps'
import { createOptimizer, DEFAULT_CHUNK_ROWS } from '../train-step'
import { gather, NO_PRIOR, normals, splitRows, type TaskHooks, type TaskResult } from './common'
import { objectiveSettings, poolForWork, shardedObjectiveGradients, type ObjectiveSettings } from '../sharded-objective'

/** bytes the tape keeps per row and field evaluation, per hidden unit: 29 to 37 measured (`npm run bench` adjoint-memory, and the unit test), with a margin */
const TAPE_BYTES_PER_UNIT = 48
/** what one backprop chunk's tape may hold: well inside the wasm heap, which aborts before 4 GiB */
const TAPE_BUDGET_BYTES = 512 * 2 ** 20

/**
 * Rows per backprop chunk of the CNF objective. Its tape holds (1 + 2D) field evaluations per stage and
 * step (the trace's central differences), about 30 times a plain flow's at D = 3, so the fixed 4,096-row
 * chunk of the other tasks would pass the heap at 10 RK4 steps; gradients are summed over chunks exactly.
 */
export function densityChunkRows(model: Pick<TrainedModel['meta'], 'field'>, training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize'>): number {
  const { dim, width, hiddenLayers } = model.field
  const evaluations = stepCount(training.depth, training.stepSize) * STAGES[training.solver] * (1 + 2 * dim)
  const perRow = evaluations * TAPE_BYTES_PER_UNIT * width * hiddenLayers
  return Math.max(32, Math.min(DEFAULT_CHUNK_ROWS, Math.floor(TAPE_BUDGET_BYTES / perRow)))
}

/** mean log-likelihood (nats) of rows x [n, D] with the training solver (no gradients; memory independent of depth) */
export function meanLogLikelihood(model: TrainedModel, x: Float32Array, n: number, training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize'>): number {
  const D = model.meta.field.dim
  const f = (z: tf.Tensor2D, t: number): tf.Tensor2D => model.fields[0].forward(z, t)
  let sum = 0
  for (let s = 0; s < n; s += DEFAULT_CHUNK_ROWS) {
    const rows = Math.min(DEFAULT_CHUNK_ROWS, n - s)
    const x0 = tf.tensor2d(x.subarray(s * D, (s + rows) * D), [rows, D])
    const out = forwardCnf(f, x0, training, false)
    sum += tf.tidy(() => tf.sum(logLikelihood(out)).dataSync()[0])
    tf.dispose([x0, out.zT, out.logDet, out.kinetic])
  }
  return sum / n
}

/** n samples: z ~ N(0, I) integrated backwards from depth T to 0 (dx/ds = -v(x, T - s)) */
export function sampleBackwards(model: TrainedModel, n: number, training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize'>, rng: Rng): Float32Array {
  const D = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  const T = training.depth
  return tf.tidy(() => {
    const z = tf.tensor2d(normals(n * D, rng), [n, D])
    const back = (x: tf.Tensor2D, s: number): tf.Tensor2D => tf.neg(model.fields[0].forward(x, T - s))
    return solveDifferentiable(back, z, T, steps, training.solver, false).xT.dataSync() as Float32Array
  })
}

/**
 * Negative mean log-likelihood (+ lambda_K kinetic + lambda_J Jacobian) and its gradient by the adjoint
 * method: (z_T, l_T) without a tape, a_T = dL/dz_T = z_T / n and the log-density state's constant
 * adjoint dL/dl_T = -1 / n, then z, a and the parameter gradient integrated back from T to 0.
 */
export function adjointDensityGradients(
  model: TrainedModel,
  x: Float32Array,
  n: number,
  training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize' | 'kinetic' | 'jacobian'>
): ChunkedGradients {
  const D = model.meta.field.dim
  const f = (z: tf.Tensor2D, t: number): tf.Tensor2D => model.fields[0].forward(z, t)
  const withJacobian = training.jacobian > 0
  const terms = {
    kinetic: training.kinetic / n,
    trace: -1 / n,
    ...(withJacobian
      ? { jacobian: { weight: training.jacobian / n, rows: (g: typeof f, z: tf.Tensor2D, t: number) => fieldDerivatives(g, z, t, true).frobenius! } }
      : {})
  }
  let acc: tf.NamedTensorMap | undefined
  let loss = 0
  let kinetic = 0
  let jacobian = 0
  try {
    for (let start = 0; start < n; start += DEFAULT_CHUNK_ROWS) {
      const m = Math.min(DEFAULT_CHUNK_ROWS, n - start)
      const x0 = tf.tensor2d(x.subarray(start * D, (start + m) * D), [m, D])
      const out = forwardCnf(f, x0, training, withJacobian)
      x0.dispose()
      const aT = tf.tidy(() => tf.div(out.zT, tf.scalar(n)) as tf.Tensor2D)
      loss += tf.tidy(() => tf.div(tf.neg(tf.sum(logLikelihood(out))), tf.scalar(n)).dataSync()[0])
      kinetic += (m / n) * out.kinetic.dataSync()[0]
      if (out.jacobian) jacobian += (m / n) * out.jacobian.dataSync()[0]
      tf.dispose([out.logDet, out.kinetic, ...(out.jacobian ? [out.jacobian] : [])])
      const chunk = adjointBackward(model.fields[0], out.zT, aT, training, terms)
      acc = accumulateGradients(acc, chunk)
    }
  } catch (e) {
    if (acc) disposeMap(acc)
    throw e
  }
  return { loss, kinetic, ...(withJacobian ? { jacobian } : {}), grads: acc as tf.NamedTensorMap }
}

/** what a density step's objective reads of the training settings */
export type DensityObjective = ObjectiveSettings

/** batched field evaluations per row of one step (1 + 2D per stage: the trace's differences; the adjoint twice) */
export function densityEvaluations(dim: number, training: DensityObjective): number {
  const perStage = 1 + 2 * dim
  const forward = stepCount(training.depth, training.stepSize) * STAGES[training.solver] * perStage
  return training.gradient === 'adjoint' ? 2 * forward : forward
}

/** the full-batch gradient of the negative mean log-likelihood (+ regularisers) of rows x [n, D] */
export function densityGradients(model: TrainedModel, x: Float32Array, n: number, training: DensityObjective): ChunkedGradients {
  if (training.gradient === 'adjoint') return adjointDensityGradients(model, x, n, training)
  const D = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  const f = (z: tf.Tensor2D, t: number): tf.Tensor2D => model.fields[0].forward(z, t)
  return chunkedGradients(model.variablesOf(0), n, densityChunkRows(model.meta, training), (start, m) => {
    const out = solveCnf(f, tf.tensor2d(x.subarray(start * D, (start + m) * D), [m, D]), training.depth, steps, training.solver, training.jacobian > 0)
    const nll = tf.neg(tf.mean(logLikelihood(out))) as tf.Scalar
    let objective = nll
    if (training.kinetic > 0) objective = tf.add(objective, tf.mul(out.kinetic, tf.scalar(training.kinetic))) as tf.Scalar
    if (out.jacobian) objective = tf.add(objective, tf.mul(out.jacobian, tf.scalar(training.jacobian))) as tf.Scalar
    return { objective, data: nll, kinetic: out.kinetic, ...(out.jacobian ? { jacobian: out.jacobian } : {}) }
  })
}

export async function trainDensity(
  model: TrainedModel,
  data: Float32Array,
  n: number,
  training: TrainingSpec,
  rng: Rng,
  hooks: TaskHooks = {}
): Promise<TaskResult & { validation: Float32Array }> {
  const D = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  const split = splitRows(n, training.validationFraction, rng.fork('split'))
  const train = gather(data, D, split.train)
  const validation = gather(data, D, split.validation)
  const variables = model.variablesOf(0)
  const chunkRows = densityChunkRows(model.meta, training)
  const optimizer = createOptimizer({ kind: training.optimizer, learningRate: training.learningRate })
  const cps = hooks.checkpoints
  try {
    if (cps?.resume) await applyCheckpoint(model, optimizer, cps.resume)
    const r = await runEpochs<Float32Array[]>({
      epochs: training.epochs,
      batchSize: training.batchSize,
      nTrain: split.train.length,
      rng: rng.fork('minibatch'),
      step: (rows) => {
        const xb = gather(train, D, rows)
        const n = rows.length
        const pool = poolForWork(n, densityEvaluations(D, training))
        if (!pool) return applyGradients(optimizer, variables, densityGradients(model, xb, n, training), training.weightDecay)
        const shard = { kind: 'density' as const, training: objectiveSettings(training), x: xb, n }
        return shardedObjectiveGradients(model, shard, pool).then((g) => applyGradients(optimizer, variables, g, training.weightDecay))
      },
      // batched field evaluations: 1 + 2D per stage (the trace's differences); with the adjoint, as many
      // again backwards plus the running-cost nodes (1 for the kinetic term, 1 + 2D for the Jacobian one)
      nfeOf: (rows) => {
        const perStage = 1 + 2 * D
        if (training.gradient !== 'adjoint') return steps * STAGES[training.solver] * perStage * Math.ceil(rows / chunkRows)
        const running = (training.kinetic > 0 ? 1 : 0) + (training.jacobian > 0 ? perStage : 0)
        return steps * (2 * STAGES[training.solver] * perStage + running) * Math.ceil(rows / DEFAULT_CHUNK_ROWS)
      },
      ...(split.validation.length > 0 ? { validate: () => -meanLogLikelihood(model, validation, split.validation.length, training) } : {}),
      ...(training.earlyStopping ? { earlyStopping: training.earlyStopping } : {}),
      snapshot: () => model.getWeights().map((w) => Float32Array.from(w.values)),
      restore: (w) => model.setWeights(w),
      onBatch: (epoch, batch, batches, result) => hooks.onBatch?.({ epoch, batch, batches, result }),
      onEpoch: hooks.onEpoch,
      ...(cps
        ? { checkpointing: { resume: cps.resume?.loop, save: async (loop) => cps.save(await stageCheckpoint(0, loop, NO_PRIOR, model, optimizer)) } }
        : {})
    })
    return { ...r, trainCount: split.train.length, validationCount: split.validation.length, validation }
  } finally {
    optimizer.dispose()
  }
}
