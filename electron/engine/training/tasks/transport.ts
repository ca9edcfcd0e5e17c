// The learned continuous DAE: one time-conditioned field v(x, t) trained by denoising score matching
// along the CDAE schedule. Stage k has particles X_k ~ mu_{t_k}; with x~ = X_k + eps, eps ~ N(0, dt I),
// the loss |x~ + dt v(x~, t_k) - X_k|^2 / dt has its optimum at v = (E[x | x~] - x~) / dt, the score of
// mu_{t_k} * N(0, dt) (Tweedie); then X_{k+1} = X_k + dt v(X_k, t_k), one CDAE layer. Earlier stages
// stay in the pool so later training does not forget them.
import * as tf from '@tensorflow/tfjs-core'
import type { TrainingSpec } from '../../../../shared/experiment'
import type { Rng } from '../../sampling/random'
import type { TrainedModel } from '../../models/trained-model'
import { runEpochs } from '../epochs'
import { applyCheckpoint, stageCheckpoint } from '../resume'
import { applyGradients, chunkedGradients } from '../objective'
import { stepCount } from '../solve'
import { createOptimizer, DEFAULT_CHUNK_ROWS } from '../train-step'
import { gather, normals, splitRows, type TaskHooks, type TaskResult } from './common'

interface Pool {
  noisy: Float32Array[]
  clean: Float32Array[]
}

/** mean over the given rows of |x~ + dt v(x~, t_k) - x|^2 / dt, rows grouped by stage; call inside tidy */
function stageLoss(model: TrainedModel, pool: Pool, rows: Int32Array, perStage: number, dt: number): tf.Scalar {
  const S = model.meta.field.dim
  const byStage = new Map<number, number[]>()
  for (const r of rows) {
    const k = Math.floor(r / perStage)
    let list = byStage.get(k)
    if (!list) byStage.set(k, (list = []))
    list.push(r - k * perStage)
  }
  const terms: tf.Scalar[] = []
  for (const [k, idx] of byStage) {
    const x = tf.tensor2d(gather(pool.noisy[k], S, idx), [idx.length, S])
    const target = tf.tensor2d(gather(pool.clean[k], S, idx), [idx.length, S])
    const pred = tf.add(x, tf.mul(model.fields[0].forward(x, k * dt), tf.scalar(dt)))
    terms.push(tf.sum(tf.squaredDifference(pred, target)) as tf.Scalar)
  }
  return tf.div(tf.addN(terms), tf.scalar(rows.length * S * dt)) as tf.Scalar
}

export async function trainTransport(
  model: TrainedModel,
  data: Float32Array,
  n: number,
  training: TrainingSpec,
  rng: Rng,
  hooks: TaskHooks = {}
): Promise<TaskResult> {
  const S = model.meta.field.dim
  const K = stepCount(training.depth, training.stepSize)
  const dt = training.stepSize
  const split = splitRows(n, training.validationFraction, rng.fork('split'))
  const nTrain = split.train.length
  const nVal = split.validation.length
  const train: Pool = { noisy: [], clean: [] }
  const val: Pool = { noisy: [], clean: [] }
  const variables = model.variablesOf(0)
  const optimizer = createOptimizer({ kind: training.optimizer, learningRate: training.learningRate })
  const cps = hooks.checkpoints
  const resume = cps?.resume
  const result: TaskResult = {
    curve: resume ? [...resume.priorCurve] : [],
    stoppedEarly: resume?.priorStoppedEarly ?? false,
    nfe: resume?.priorNfe ?? 0,
    trainCount: nTrain,
    validationCount: nVal
  }
  // X_0, X_1, ...: the pushforwards are saved in checkpoints (they depend on weights of earlier stages)
  const currents = resume ? [data, ...resume.arrays] : [data]
  const addStage = (k: number): void => {
    const noise = normals(n * S, rng.fork(`noise:${k}`))
    const current = currents[k]
    const noisy = Float32Array.from(current, (v, i) => v + Math.sqrt(dt) * noise[i])
    train.clean.push(gather(current, S, split.train))
    train.noisy.push(gather(noisy, S, split.train))
    val.clean.push(gather(current, S, split.validation))
    val.noisy.push(gather(noisy, S, split.validation))
  }
  try {
    const start = resume?.stage ?? 0
    if (resume) await applyCheckpoint(model, optimizer, resume)
    for (let k = 0; k < start; k++) addStage(k)
    for (let k = start; k < K; k++) {
      addStage(k)
      const stages = k + 1
      const valRows = Int32Array.from({ length: stages * nVal }, (_, i) => i)
      const prior = { curve: [...result.curve], nfe: result.nfe, stoppedEarly: result.stoppedEarly }
      const r = await runEpochs<Float32Array[]>({
        epochs: training.epochs,
        batchSize: training.batchSize,
        // each epoch visits nTrain rows drawn from the whole pool (all stages so far)
        nTrain: stages * nTrain,
        rng: rng.fork(`minibatch:${k}`),
        layer: k,
        step: (rows) => {
          const g = chunkedGradients(variables, rows.length, DEFAULT_CHUNK_ROWS, (start, m) => {
            const data = stageLoss(model, train, rows.subarray(start, start + m), nTrain, dt)
            return { objective: data, data }
          })
          return applyGradients(optimizer, variables, g, training.weightDecay)
        },
        nfeOf: () => stages,
        ...(nVal > 0 ? { validate: () => tf.tidy(() => stageLoss(model, val, valRows, nVal, dt).dataSync()[0]) } : {}),
        onBatch: (epoch, batch, batches, res) => hooks.onBatch?.({ epoch, batch, batches, layer: k, result: res }),
        onEpoch: hooks.onEpoch,
        ...(cps
          ? {
              checkpointing: {
                resume: resume && resume.stage === k ? resume.loop : undefined,
                save: async (loop) => cps.save(await stageCheckpoint(k, loop, prior, model, optimizer, currents.slice(1, k + 1)))
              }
            }
          : {})
      })
      result.curve.push(...r.curve)
      result.nfe += r.nfe
      // the pushforward by this stage's learned CDAE layer: X_{k+1} = X_k + dt v(X_k, t_k)
      const current = currents[k]
      currents[k + 1] = tf.tidy(() => {
        const x = tf.tensor2d(current, [n, S])
        return tf.add(x, tf.mul(model.fields[0].forward(x, k * dt), tf.scalar(dt))).dataSync() as Float32Array
      })
    }
  } finally {
    optimizer.dispose()
  }
  return result
}
