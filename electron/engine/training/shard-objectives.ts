// The objectives a pool worker computes on its shard of a batch: the neural ODE tasks' losses (classification
// with its regularisers, density by a CNF) whose gradients the engine's thread sums across shards. The same
// functions the engine's thread runs for a step it keeps, so a shard's numbers are one thread's numbers.
import type { TrainedModel, TrainedModelMeta } from '../models/trained-model'
import type { ChunkedGradients } from './objective'
import { classifierGradients, type ClassifierObjective } from './tasks/classify'
import { densityGradients, type DensityObjective } from './tasks/density'

/** one task's rows of a batch, as plain arrays */
export type ObjectiveRows =
  | {
      kind: 'classify'
      training: ClassifierObjective
      /** [n, S] states and their labels */
      x: Float32Array
      labels: Int32Array
      n: number
      /** the Hutchinson signs of these rows, [steps][n][S], when lambda_J > 0 */
      probes?: Float32Array
    }
  | { kind: 'density'; training: DensityObjective; x: Float32Array; n: number }

/** what one 'objective-shard' task carries: the model to rebuild, its current weights and the shard's rows */
export interface ObjectiveShard {
  meta: TrainedModelMeta
  /** every parameter, in TrainedModel.getWeights() order */
  weights: Float32Array[]
  rows: ObjectiveRows
}

/** the gradient of the shard's mean objective with respect to field 0 and the head */
export function objectiveGradients(model: TrainedModel, rows: ObjectiveRows): ChunkedGradients {
  if (rows.kind === 'classify') return classifierGradients(model, rows.x, rows.labels, rows.n, rows.training, rows.probes)
  return densityGradients(model, rows.x, rows.n, rows.training)
}
