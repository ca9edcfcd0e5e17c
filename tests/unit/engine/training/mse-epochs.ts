// Test helper: MSE-to-target training of one field through the product's epoch loop (runEpochs) with
// its own optimizer, batches gathered from seeded row orders; returns the loop's per-epoch records.
import type { EpochRecord } from '../../../../shared/training'
import type { Rng } from '../../../../electron/engine/sampling/random'
import type { MlpField } from '../../../../electron/engine/models/mlp-field'
import { runEpochs } from '../../../../electron/engine/training/epochs'
import { gatherRows } from '../../../../electron/engine/training/minibatch'
import {
  createOptimizer,
  trainStep,
  type Batch,
  type OptimizerConfig,
  type StepResult,
  type TrainConfig
} from '../../../../electron/engine/training/train-step'

export interface MseEpochOptions extends TrainConfig {
  optimizer: OptimizerConfig
  epochs: number
  batchSize: number
  onBatch?(epoch: number, batch: number, result: StepResult): void | Promise<void>
}

export async function trainMseEpochs(model: MlpField, data: Batch, options: MseEpochOptions, rng: Rng): Promise<EpochRecord[]> {
  const optimizer = createOptimizer(options.optimizer)
  const batchOf = (rows: Int32Array): Batch => ({ x0: gatherRows(data.x0, model.dim, rows), target: gatherRows(data.target, model.dim, rows), n: rows.length })
  try {
    const { curve } = await runEpochs({
      epochs: options.epochs,
      batchSize: options.batchSize,
      nTrain: data.n,
      rng: rng.fork('minibatch'),
      step: (rows) => trainStep(model, optimizer, batchOf(rows), options),
      nfeOf: () => 0,
      onBatch: options.onBatch && ((epoch, batch, _batches, result) => options.onBatch?.(epoch, batch, result))
    })
    return curve
  } finally {
    optimizer.dispose()
  }
}
