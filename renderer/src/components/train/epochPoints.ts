// The points of a training's loss curve: from the epoch numbers each progress event carries while a
// flow trains (shared/job-progress.ts; electron/engine/jobs/trained/runner.ts sends them), folded into the
// live curve, and from run.json's training.curve once the run is open.
import type { TrainingProgress } from '@shared/job-progress'

export interface EpochPoint {
  /** composed DAE: the layer (1-based) */
  layer?: number
  /** layers or stages trained one after another, when known */
  totalLayers?: number
  /** 1-based epoch number (within the layer for a composed DAE) */
  epoch: number
  totalEpochs?: number
  loss: number
  validation?: number
  /** classification: held-out accuracy (0 to 1) at the end of the epoch */
  accuracy?: number
  kinetic?: number
  jacobian?: number
  /** cumulative forward field evaluations so far */
  nfe?: number
  secondsPerEpoch?: number
  /** the engine's estimate of the training time left after this epoch (live points only) */
  etaSeconds?: number
}

/** The epoch numbers a progress event carries, as a point of the live curve. */
export function pointOf(p: TrainingProgress): EpochPoint {
  return {
    ...(p.layer !== undefined ? { layer: p.layer, ...(p.layers !== undefined ? { totalLayers: p.layers } : {}) } : {}),
    epoch: p.epoch,
    totalEpochs: p.epochs,
    loss: p.loss,
    ...(p.validationLoss !== undefined ? { validation: p.validationLoss } : {}),
    ...(p.accuracy !== undefined ? { accuracy: p.accuracy } : {}),
    ...(p.kinetic !== undefined ? { kinetic: p.kinetic } : {}),
    ...(p.jacobian !== undefined ? { jacobian: p.jacobian } : {}),
    nfe: p.nfe,
    secondsPerEpoch: p.secondsPerEpoch,
    etaSeconds: p.etaSeconds
  }
}

/** The same epoch (and layer) as `p`: the engine repeats its last epoch's numbers between batches. */
export const sameEpoch = (a: EpochPoint, b: EpochPoint): boolean => a.epoch === b.epoch && a.layer === b.layer

/** The curve with `p` appended, or the last record replaced when `p` repeats its epoch. */
export function appendPoint(curve: readonly EpochPoint[], p: EpochPoint): EpochPoint[] {
  const last = curve[curve.length - 1]
  if (last && sameEpoch(last, p)) return [...curve.slice(0, -1), p]
  return [...curve, p]
}

/** run.json's training.curve (any shape; unreadable rows are skipped) as chart points. */
export function curveToPoints(curve: unknown): EpochPoint[] {
  if (!Array.isArray(curve)) return []
  const out: EpochPoint[] = []
  let nfe = 0
  for (const r of curve as Record<string, unknown>[]) {
    if (typeof r !== 'object' || r === null || typeof r.trainLoss !== 'number' || typeof r.epoch !== 'number') continue
    if (typeof r.nfe === 'number') nfe += r.nfe
    out.push({
      epoch: r.epoch + 1,
      ...(typeof r.layer === 'number' ? { layer: r.layer + 1 } : {}),
      loss: r.trainLoss,
      ...(typeof r.validationLoss === 'number' ? { validation: r.validationLoss } : {}),
      ...(typeof r.validationAccuracy === 'number' ? { accuracy: r.validationAccuracy } : {}),
      ...(typeof r.kinetic === 'number' ? { kinetic: r.kinetic } : {}),
      ...(typeof r.jacobian === 'number' ? { jacobian: r.jacobian } : {}),
      nfe,
      ...(typeof r.seconds === 'number' ? { secondsPerEpoch: r.seconds } : {})
    })
  }
  return out
}
