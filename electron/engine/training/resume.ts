// What a per-epoch training checkpoint holds (weights, optimizer moments and step count, loop state,
// the curve so far, task arrays) and how tasks save and resume one. Minibatch order and noise need no
// RNG state: they are forks of the seed by (stage, epoch) label, so they replay exactly.
import * as tf from '@tensorflow/tfjs-core'
import type { EpochRecord } from '../../../shared/training'
import type { TrainedModel } from '../models/trained-model'
import { message, type Message } from '../../../shared/messages'

/** runEpochs' state after a completed epoch of one stage (layer of a composed DAE, transport stage). */
export interface LoopState<W = Float32Array[]> {
  /** epochs of this stage completed */
  epochsDone: number
  /** this stage's curve so far */
  curve: EpochRecord[]
  nfe: number
  /** early stopping: best watched loss (null: none yet), epochs since, weights at the best */
  best: number | null
  since: number
  bestWeights?: W
  /** the stage is finished (last epoch done, or stopped early with the best weights restored) */
  done: boolean
  stoppedEarly: boolean
}

/** tf.Optimizer state: step count, Adam's beta powers (kept exactly, not recomputed) and slot variables. */
export interface OptimizerState {
  iterations: number
  accBeta?: [number, number]
  slots: { shape: number[]; values: Float32Array }[]
}

export interface TrainingCheckpoint {
  /** stage (layer, transport stage) the loop state belongs to; 0 for single-stage tasks */
  stage: number
  loop: LoopState
  /** curve, NFE and early stop of the stages before `stage` */
  priorCurve: EpochRecord[]
  priorNfe: number
  priorStoppedEarly: boolean
  /** model.getWeights() values, in order */
  weights: Float32Array[]
  optimizer: OptimizerState
  /** task state that cannot be recomputed from the final weights (pushforwards of earlier stages) */
  arrays: Float32Array[]
}

/** How a task resumes and saves; absent when the run has no workspace. */
export interface TaskCheckpoints {
  resume?: TrainingCheckpoint
  save(cp: TrainingCheckpoint): Promise<void>
}

interface AdamInternals {
  accBeta1: tf.Variable
  accBeta2: tf.Variable
}

function adamInternals(o: tf.Optimizer): AdamInternals | undefined {
  const a = o as unknown as Partial<AdamInternals>
  return a.accBeta1 instanceof tf.Variable && a.accBeta2 instanceof tf.Variable ? (a as AdamInternals) : undefined
}

export async function optimizerState(o: tf.Optimizer): Promise<OptimizerState> {
  const named = await o.getWeights()
  const [iter, ...slots] = named
  const iterations = (await iter.tensor.data())[0]
  iter.tensor.dispose()
  const adam = adamInternals(o)
  return {
    iterations,
    ...(adam ? { accBeta: [adam.accBeta1.dataSync()[0], adam.accBeta2.dataSync()[0]] as [number, number] } : {}),
    slots: slots.map((s) => ({ shape: [...s.tensor.shape], values: Float32Array.from(s.tensor.dataSync() as Float32Array) }))
  }
}

/**
 * Loads a saved state into a fresh optimizer of the same kind. Adam's slots (first moments, then
 * second moments, one per updated variable) are index-matched to the variables by TF.js.
 */
export async function restoreOptimizer(o: tf.Optimizer, state: OptimizerState): Promise<void> {
  const iter = tf.scalar(state.iterations, 'int32')
  const tensors = state.slots.map((s) => tf.tensor(s.values, s.shape, 'float32'))
  try {
    await o.setWeights([{ name: 'iter', tensor: iter }, ...tensors.map((tensor, i) => ({ name: `slot${i}`, tensor }))])
  } finally {
    // the optimizer's variables hold their own references to the data
    tf.dispose([iter, ...tensors])
  }
  const adam = adamInternals(o)
  if (adam && state.accBeta) {
    const [b1, b2] = state.accBeta
    tf.tidy(() => {
      adam.accBeta1.assign(tf.scalar(b1))
      adam.accBeta2.assign(tf.scalar(b2))
    })
  }
}

/** Weights and optimizer state of a checkpoint applied to a freshly built model and optimizer. */
export async function applyCheckpoint(model: TrainedModel, optimizer: tf.Optimizer, cp: TrainingCheckpoint): Promise<void> {
  model.setWeights(cp.weights)
  await restoreOptimizer(optimizer, cp.optimizer)
}

/** The checkpoint a stage of a task writes after an epoch. */
export async function stageCheckpoint(
  stage: number,
  loop: LoopState,
  prior: { readonly curve: readonly EpochRecord[]; nfe: number; stoppedEarly: boolean },
  model: TrainedModel,
  optimizer: tf.Optimizer,
  arrays: Float32Array[] = []
): Promise<TrainingCheckpoint> {
  return {
    stage,
    loop,
    priorCurve: [...prior.curve],
    priorNfe: prior.nfe,
    priorStoppedEarly: prior.stoppedEarly,
    weights: model.getWeights().map((w) => Float32Array.from(w.values)),
    optimizer: await optimizerState(optimizer),
    arrays
  }
}

/**
 * Why `cp` cannot resume training of `model` (null when it can): weight sizes, the stage, and the
 * task arrays a stage needs (`arraySizes(stage)`: the length of each saved array) must all match.
 */
export function checkpointMismatch(cp: TrainingCheckpoint, model: TrainedModel, stages: number, arraySizes: (stage: number) => number[]): Message | null {
  const sizes = model.getWeights().map((w) => w.values.length)
  if (cp.weights.length !== sizes.length || cp.weights.some((w, i) => w.length !== sizes[i])) return message('engine.checkpointWeightsMismatch')
  if (cp.stage >= stages) return message('engine.checkpointStageMismatch', { stage: cp.stage + 1, stages })
  const want = arraySizes(cp.stage)
  if (cp.arrays.length !== want.length || cp.arrays.some((a, i) => a.length !== want[i])) return message('engine.checkpointDataMismatch')
  if (cp.loop.bestWeights && cp.loop.bestWeights.length === 0) return message('engine.checkpointBestEmpty')
  return null
}
