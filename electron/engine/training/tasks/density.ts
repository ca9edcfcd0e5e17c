// Density estimation with a continuous normalizing flow: maximum likelihood of the data under
// log p(x) = log N(z_T; 0, I) + integral tr(grad v) dt (backprop through the solver), plus lambda_K
// times the kinetic term; held-out mean log-likelihood; samples by integrating backwards from N(0, I).
import * as tf from '@tensorflow/tfjs-core'
import type { TrainingSpec } from '../../../../shared/experiment'
import type { Rng } from '../../data/random'
import type { TrainedModel } from '../../models/trained-model'
import { logLikelihood, solveCnf } from '../cnf'
import { runEpochs } from '../epochs'
import { applyCheckpoint, stageCheckpoint } from '../resume'
import { applyGradients, chunkedGradients } from '../objective'
import { STAGES, stepCount, solveDifferentiable } from '../solve'
import { createOptimizer, DEFAULT_CHUNK_ROWS } from '../train-step'
import { gather, NO_PRIOR, normals, splitRows, type TaskHooks, type TaskResult } from './common'

/** mean log-likelihood (nats) of rows x [n, D] with the training solver (no gradients) */
export function meanLogLikelihood(model: TrainedModel, x: Float32Array, n: number, training: Pick<TrainingSpec, 'solver' | 'depth' | 'stepSize'>): number {
  const D = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  let sum = 0
  for (let s = 0; s < n; s += DEFAULT_CHUNK_ROWS) {
    const rows = Math.min(DEFAULT_CHUNK_ROWS, n - s)
    sum += tf.tidy(() => {
      const out = solveCnf((z, t) => model.fields[0].forward(z, t), tf.tensor2d(x.subarray(s * D, (s + rows) * D), [rows, D]), training.depth, steps, training.solver)
      return tf.sum(logLikelihood(out)).dataSync()[0]
    })
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

export async function trainDensity(model: TrainedModel, data: Float32Array, n: number, training: TrainingSpec, rng: Rng, hooks: TaskHooks = {}): Promise<TaskResult & { validation: Float32Array }> {
  const D = model.meta.field.dim
  const steps = stepCount(training.depth, training.stepSize)
  const split = splitRows(n, training.validationFraction, rng.fork('split'))
  const train = gather(data, D, split.train)
  const validation = gather(data, D, split.validation)
  const variables = model.variablesOf(0)
  const f = (z: tf.Tensor2D, t: number): tf.Tensor2D => model.fields[0].forward(z, t)
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
        const g = chunkedGradients(variables, rows.length, DEFAULT_CHUNK_ROWS, (start, m) => {
          const out = solveCnf(f, tf.tensor2d(xb.subarray(start * D, (start + m) * D), [m, D]), training.depth, steps, training.solver)
          const nll = tf.neg(tf.mean(logLikelihood(out))) as tf.Scalar
          const objective = training.kinetic > 0 ? (tf.add(nll, tf.mul(out.kinetic, tf.scalar(training.kinetic))) as tf.Scalar) : nll
          return { objective, data: nll, kinetic: out.kinetic }
        })
        return applyGradients(optimizer, variables, g, training.weightDecay)
      },
      nfeOf: (rows) => steps * STAGES[training.solver] * (1 + 2 * D) * Math.ceil(rows / DEFAULT_CHUNK_ROWS),
      ...(split.validation.length > 0 ? { validate: () => -meanLogLikelihood(model, validation, split.validation.length, training) } : {}),
      ...(training.earlyStopping ? { earlyStopping: training.earlyStopping } : {}),
      snapshot: () => model.getWeights().map((w) => Float32Array.from(w.values)),
      restore: (w) => model.setWeights(w),
      onBatch: (epoch, batch, batches, result) => hooks.onBatch?.({ epoch, batch, batches, result }),
      onEpoch: hooks.onEpoch,
      ...(cps ? { checkpointing: { resume: cps.resume?.loop, save: async (loop) => cps.save(await stageCheckpoint(0, loop, NO_PRIOR, model, optimizer)) } } : {})
    })
    return { ...r, trainCount: split.train.length, validationCount: split.validation.length, validation }
  } finally {
    optimizer.dispose()
  }
}
