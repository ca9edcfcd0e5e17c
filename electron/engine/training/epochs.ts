// The epoch loop every trained-flow task shares: seeded minibatches of row indices, one step per
// batch, a hook between batches (progress, cancel), validation per epoch and early stopping that
// keeps the best weights; optionally a checkpoint after every epoch and a resume from one.
import type { EpochRecord } from '../../../shared/training'
import type { Rng } from '../sampling/random'
import { shuffledIndices } from './minibatch'
import type { LoopState } from './resume'
import type { StepResult } from './train-step'

export interface EarlyStopping {
  patience: number
  minDelta: number
}

export interface EpochLoopOptions<W> {
  epochs: number
  batchSize: number
  /** training rows 0..nTrain-1 */
  nTrain: number
  /** batch order: rng.fork(`epoch:${e}`) per epoch */
  rng: Rng
  /** one optimisation step on these training rows (`epoch`: for per-epoch random streams); may run on the worker pool */
  step(rows: Int32Array, epoch: number): StepResult | Promise<StepResult>
  /** batched forward field evaluations one step on `rows` rows costs */
  nfeOf(rows: number): number
  /** data loss on the held-out split (no gradients); classification also gives the held-out accuracy */
  validate?(): number | { loss: number; accuracy: number }
  earlyStopping?: EarlyStopping
  /** for early stopping: copy of the current weights, and restoring one */
  snapshot?(): W
  restore?(w: W): void
  /** awaited after every batch; may throw (CancelledError) to stop within one batch */
  onBatch?(epoch: number, batch: number, batches: number, result: StepResult): void | Promise<void>
  /** awaited after every epoch with its record */
  onEpoch?(record: EpochRecord): void | Promise<void>
  /** composed DAE: the layer being trained, recorded in each row */
  layer?: number
  /** resume from a saved loop state (the caller restored weights and optimizer), and save one after every epoch */
  checkpointing?: { resume?: LoopState<W>; save(state: LoopState<W>): Promise<void> }
}

export interface EpochLoopResult {
  curve: EpochRecord[]
  stoppedEarly: boolean
  nfe: number
}

export async function runEpochs<W>(o: EpochLoopOptions<W>): Promise<EpochLoopResult> {
  const resume = o.checkpointing?.resume
  const curve: EpochRecord[] = resume ? [...resume.curve] : []
  let nfe = resume?.nfe ?? 0
  let best = resume?.best ?? Infinity
  let bestWeights = resume?.bestWeights
  let since = resume?.since ?? 0
  let stoppedEarly = resume?.stoppedEarly ?? false
  if (resume?.done) return { curve, stoppedEarly, nfe }
  const batches = Math.ceil(o.nTrain / o.batchSize)
  for (let epoch = resume?.epochsDone ?? 0; epoch < o.epochs; epoch++) {
    const started = performance.now()
    const order = shuffledIndices(o.nTrain, o.rng.fork(`epoch:${epoch}`))
    let loss = 0
    let kinetic = 0
    let jacobian: number | null = null
    let epochNfe = 0
    for (let b = 0; b < batches; b++) {
      const rows = order.subarray(b * o.batchSize, Math.min(o.nTrain, (b + 1) * o.batchSize))
      const r = await o.step(rows, epoch)
      loss += (r.loss * rows.length) / o.nTrain
      kinetic += (r.kinetic * rows.length) / o.nTrain
      if (r.jacobian !== undefined) jacobian = (jacobian ?? 0) + (r.jacobian * rows.length) / o.nTrain
      epochNfe += o.nfeOf(rows.length)
      await o.onBatch?.(epoch, b, batches, r)
    }
    nfe += epochNfe
    const held = o.validate ? o.validate() : null
    const validationLoss = typeof held === 'number' || held === null ? held : held.loss
    const record: EpochRecord = {
      epoch,
      ...(o.layer !== undefined ? { layer: o.layer } : {}),
      trainLoss: loss,
      validationLoss,
      ...(held !== null && typeof held !== 'number' ? { validationAccuracy: held.accuracy } : {}),
      kinetic: Number.isFinite(kinetic) ? kinetic : null,
      ...(jacobian !== null ? { jacobian } : {}),
      nfe: epochNfe,
      seconds: (performance.now() - started) / 1000
    }
    curve.push(record)
    await o.onEpoch?.(record)
    if (o.earlyStopping) {
      const watched = validationLoss ?? loss
      if (watched < best - o.earlyStopping.minDelta) {
        best = watched
        since = 0
        bestWeights = o.snapshot?.()
      } else if (++since >= o.earlyStopping.patience) {
        stoppedEarly = true
        // restored before the checkpoint, so a resumed finished stage has its final weights
        if (bestWeights !== undefined) o.restore?.(bestWeights)
      }
    }
    const done = stoppedEarly || epoch === o.epochs - 1
    await o.checkpointing?.save({
      epochsDone: epoch + 1,
      curve: [...curve],
      nfe,
      best: Number.isFinite(best) ? best : null,
      since,
      ...(bestWeights !== undefined ? { bestWeights } : {}),
      done,
      stoppedEarly
    })
    if (stoppedEarly) break
  }
  return { curve, stoppedEarly, nfe }
}
