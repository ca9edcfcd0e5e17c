// Pieces the trained-flow tasks share: the train/validation split, row gathering, the per-task hooks
// (progress and cancel between batches) and the seeded standard-normal noise.
import type { EpochRecord } from '../../../../shared/training'
import type { Rng } from '../../sampling/random'
import type { StepResult } from '../train-step'
import { shuffledIndices } from '../minibatch'
import type { TaskCheckpoints } from '../resume'

export interface TaskHooks {
  /** awaited after every batch: progress, ctx.checkpoint() (throws CancelledError to stop) */
  onBatch?(info: { epoch: number; batch: number; batches: number; layer?: number; result: StepResult }): void | Promise<void>
  onEpoch?(record: EpochRecord): void | Promise<void>
  /** a checkpoint after every epoch, and the one to resume from */
  checkpoints?: TaskCheckpoints
}

/** the "stages before" of a single-stage task's checkpoint */
export const NO_PRIOR = { curve: [], nfe: 0, stoppedEarly: false } as const

export interface TaskResult {
  curve: EpochRecord[]
  stoppedEarly: boolean
  /** batched forward field evaluations spent in training */
  nfe: number
  trainCount: number
  validationCount: number
}

/** Shuffled split: the first (1 - fraction) of a seeded permutation trains, the rest is held out. */
export function splitRows(n: number, fraction: number, rng: Rng): { train: Int32Array; validation: Int32Array } {
  const order = shuffledIndices(n, rng)
  const nVal = fraction > 0 ? Math.min(n - 1, Math.max(1, Math.round(n * fraction))) : 0
  return { train: order.slice(0, n - nVal), validation: order.slice(n - nVal) }
}

export function gather(data: Float32Array, dim: number, idx: ArrayLike<number>): Float32Array {
  const out = new Float32Array(idx.length * dim)
  for (let r = 0; r < idx.length; r++) out.set(data.subarray(idx[r] * dim, idx[r] * dim + dim), r * dim)
  return out
}

export function gatherInt(data: Int32Array, idx: ArrayLike<number>): Int32Array {
  const out = new Int32Array(idx.length)
  for (let r = 0; r < idx.length; r++) out[r] = data[idx[r]]
  return out
}

/** [n, D] rows padded with `augment` zero coordinates (ANODE) */
export function augmentRows(data: Float32Array, n: number, dim: number, augment: number): Float32Array {
  if (augment === 0) return data
  const S = dim + augment
  const out = new Float32Array(n * S)
  for (let i = 0; i < n; i++) out.set(data.subarray(i * dim, (i + 1) * dim), i * S)
  return out
}

export function normals(n: number, rng: Rng): Float32Array {
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) out[i] = rng.normal()
  return out
}
