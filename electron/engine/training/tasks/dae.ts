// Trained shallow and composed DAEs: layer l is g_l(x~) = x~ + v_l(x~, 0) trained by MSE to the clean
// x on x~ = x + eps, eps ~ N(0, dt I), dt = t / L, on the pushforward of the previous layers (the
// paper's CDAE: mu_{l+1} = g_l # mu_l). L = 1 is the shallow DAE.
import * as tf from '@tensorflow/tfjs-core'
import type { TrainingSpec } from '../../../../shared/experiment'
import type { Rng } from '../../sampling/random'
import type { TrainedModel } from '../../models/trained-model'
import { runEpochs } from '../epochs'
import { restoreOptimizer, stageCheckpoint } from '../resume'
import { createOptimizer, type TrainConfig } from '../train-step'
import { trainStepAnywhere } from '../sharded-step'
import { gather, normals, splitRows, type TaskHooks, type TaskResult } from './common'

/** g_l applied to every row of `x` [n, D] (no gradients) */
export function applyLayer(model: TrainedModel, l: number, x: Float32Array, n: number): Float32Array {
  const D = model.meta.field.dim
  return tf.tidy(() => {
    const xt = tf.tensor2d(x, [n, D])
    return tf.add(xt, model.fields[l].forward(xt, 0)).dataSync() as Float32Array
  })
}

function mse(model: TrainedModel, l: number, noisy: Float32Array, clean: Float32Array, n: number): number {
  const D = model.meta.field.dim
  return tf.tidy(() => {
    const x = tf.tensor2d(noisy, [n, D])
    const y = tf.add(x, model.fields[l].forward(x, 0))
    return tf.mean(tf.squaredDifference(y, tf.tensor2d(clean, [n, D]))).dataSync()[0]
  })
}

/**
 * Trains every layer of `model` in turn on `data` ([n, D] samples of mu_0) with total noise `t`.
 * Returns the loss curve (rows tagged by layer); the model is trained in place.
 */
export async function trainDaeLayers(
  model: TrainedModel,
  data: Float32Array,
  n: number,
  t: number,
  training: TrainingSpec,
  rng: Rng,
  hooks: TaskHooks = {}
): Promise<TaskResult> {
  const D = model.meta.field.dim
  const L = model.fields.length
  const dt = t / L
  const split = splitRows(n, training.validationFraction, rng.fork('split'))
  const config: TrainConfig = { solver: 'euler', depth: 1, stepSize: 1, kinetic: training.kinetic, weightDecay: training.weightDecay, measureKinetic: true }
  const cps = hooks.checkpoints
  const resume = cps?.resume
  // a resumed run starts at the checkpoint's layer, on that layer's saved input (the pushforward)
  let current = resume ? resume.arrays[0] : data
  const result: TaskResult = {
    curve: resume ? [...resume.priorCurve] : [],
    stoppedEarly: resume?.priorStoppedEarly ?? false,
    nfe: resume?.priorNfe ?? 0,
    trainCount: split.train.length,
    validationCount: split.validation.length
  }
  if (resume) model.setWeights(resume.weights)
  for (let l = resume?.stage ?? 0; l < L; l++) {
    const noise = normals(n * D, rng.fork(`noise:${l}`))
    const layerInput = current
    const noisy = Float32Array.from(current, (v, i) => v + Math.sqrt(dt) * noise[i])
    const trainClean = gather(current, D, split.train)
    const trainNoisy = gather(noisy, D, split.train)
    const valClean = gather(current, D, split.validation)
    const valNoisy = gather(noisy, D, split.validation)
    const optimizer = createOptimizer({ kind: training.optimizer, learningRate: training.learningRate })
    try {
      const resumeHere = resume && resume.stage === l ? resume : undefined
      if (resumeHere) await restoreOptimizer(optimizer, resumeHere.optimizer)
      const prior = { curve: [...result.curve], nfe: result.nfe, stoppedEarly: result.stoppedEarly }
      const r = await runEpochs<Float32Array[]>({
        epochs: training.epochs,
        batchSize: training.batchSize,
        nTrain: split.train.length,
        rng: rng.fork(`minibatch:${l}`),
        layer: L > 1 ? l : undefined,
        step: (rows) =>
          trainStepAnywhere(model.fields[l], optimizer, { x0: gather(trainNoisy, D, rows), target: gather(trainClean, D, rows), n: rows.length }, config),
        nfeOf: () => 1,
        ...(split.validation.length > 0 ? { validate: () => mse(model, l, valNoisy, valClean, split.validation.length) } : {}),
        ...(training.earlyStopping ? { earlyStopping: training.earlyStopping } : {}),
        snapshot: () => model.fields[l].getWeights().map((w) => Float32Array.from(w.values)),
        restore: (w) => model.fields[l].setWeights(w),
        onBatch: (epoch, batch, batches, res) => hooks.onBatch?.({ epoch, batch, batches, layer: l, result: res }),
        onEpoch: hooks.onEpoch,
        ...(cps
          ? {
              checkpointing: { resume: resumeHere?.loop, save: async (loop) => cps.save(await stageCheckpoint(l, loop, prior, model, optimizer, [layerInput])) }
            }
          : {})
      })
      result.curve.push(...r.curve)
      result.nfe += r.nfe
      result.stoppedEarly ||= r.stoppedEarly
    } finally {
      optimizer.dispose()
    }
    // the next layer trains on this layer's pushforward of the clean samples
    if (l < L - 1) current = applyLayer(model, l, current, n)
  }
  return result
}
