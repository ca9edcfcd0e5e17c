// How far a training job is and how long it may still take, from the epoch records seen so far: the
// epochs done out of all (layers or stages times epochs each), and the time left the engine estimated
// with the last epoch (early stopping can only make it shorter).
import type { EpochPoint } from './epochPoints'

export interface TrainingPace {
  /** the last epoch finished, 1-based within its layer or stage */
  epoch: number
  epochs?: number
  layer?: number
  layers?: number
  /** epochs finished over the whole training (this job's records) */
  done: number
  /** epochs of the whole training, when the messages say */
  total?: number
  /** seconds left (undefined for points that carry no estimate) */
  secondsLeft?: number
}

export function trainingPace(points: readonly EpochPoint[]): TrainingPace | null {
  const last = points[points.length - 1]
  if (!last) return null
  const epochs = last.totalEpochs
  const layers = last.layer !== undefined ? last.totalLayers : 1
  // done over the whole training: a resumed job's records start after the checkpoint, so count by position
  const done = epochs !== undefined ? ((last.layer ?? 1) - 1) * epochs + last.epoch : points.length
  const total = epochs !== undefined && layers !== undefined ? epochs * layers : undefined
  return {
    epoch: last.epoch,
    ...(epochs !== undefined ? { epochs } : {}),
    ...(last.layer !== undefined ? { layer: last.layer } : {}),
    ...(last.totalLayers !== undefined ? { layers: last.totalLayers } : {}),
    done,
    ...(total !== undefined ? { total } : {}),
    ...(last.etaSeconds !== undefined ? { secondsLeft: Math.max(0, last.etaSeconds) } : {})
  }
}

/** Whole minutes and seconds of a duration, rounded up to 5 s above a minute (an estimate, not a clock). */
export function minutesSeconds(seconds: number): { minutes: number; seconds: number } {
  const s = seconds < 60 ? Math.ceil(seconds) : Math.ceil(seconds / 5) * 5
  return { minutes: Math.floor(s / 60), seconds: s % 60 }
}
