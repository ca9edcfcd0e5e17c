// A plain training loop over epochs of seeded minibatches: owns its optimizer, reports the mean data
// loss and kinetic term per epoch, and awaits an optional hook between batches (progress, cancel).
import type { Rng } from '../data/random'
import type { MlpField } from '../models/mlp-field'
import { epochBatches } from './minibatch'
import { createOptimizer, trainStep, type Batch, type OptimizerConfig, type StepResult, type TrainConfig } from './train-step'

export interface TrainOptions extends TrainConfig {
  optimizer: OptimizerConfig
  epochs: number
  batchSize: number
  /** awaited after every batch; may throw (a CancelledError) to stop within one batch */
  onBatch?(epoch: number, batch: number, result: StepResult): void | Promise<void>
}

export interface EpochReport extends StepResult {
  epoch: number
}

/** Trains `model` in place; batch order comes from rng.fork('minibatch') forked per epoch. */
export async function trainEpochs(model: MlpField, data: Batch, options: TrainOptions, rng: Rng): Promise<EpochReport[]> {
  const optimizer = createOptimizer(options.optimizer)
  const stream = rng.fork('minibatch')
  const reports: EpochReport[] = []
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      let loss = 0
      let kinetic = 0
      let b = 0
      for (const batch of epochBatches(data, model.dim, options.batchSize, stream.fork(`epoch:${epoch}`))) {
        const r = trainStep(model, optimizer, batch, options)
        loss += (r.loss * batch.n) / data.n
        kinetic += (r.kinetic * batch.n) / data.n
        await options.onBatch?.(epoch, b++, r)
      }
      reports.push({ epoch, loss, kinetic })
    }
  } finally {
    optimizer.dispose()
  }
  return reports
}
