// What a flow is to the rest of the engine: either a velocity field integrated by a solver, or a map
// that gives positions at a depth directly (shallow DAE, composed DAE as an Euler broken line).
import type * as tf from '@tensorflow/tfjs-core'
import type { MixtureDef } from '../../../shared/presets'
import type { MlpFieldConfig } from '../models/mlp-field'

/**
 * Plain data a worker thread rebuilds a velocity field from (pool/field-recipe.ts): fields that carry
 * one can be integrated across the engine's worker pool, particle shards in parallel.
 */
export type FieldRecipe =
  | { kind: 'continuous-dae'; mixture: MixtureDef }
  | { kind: 'empirical-dae'; dim: number; bandwidth: number; referenceSize: number }
  | { kind: 'mlp'; config: MlpFieldConfig; weights: Float32Array[] }
import type { Message } from '../../../shared/messages'

export interface VelocityField {
  readonly dim: number
  /**
   * v_t(x) for a batch x [n, D]; called inside tf.tidy by the solver, so it may create temporaries.
   * Fields that depend on the cloud itself (empirical DAE) read their reference from the first
   * `referenceRows` rows of x: the runner puts the reference particles there in every chunk.
   */
  velocity(x: tf.Tensor2D, t: number): tf.Tensor2D
  /** rows at the top of every batch that are reference particles, not output (0 for most fields) */
  readonly referenceRows: number
  /** how a worker rebuilds this field; absent: it integrates on the engine's own thread only */
  readonly recipe?: FieldRecipe
  dispose(): void
}

export interface DepthMap {
  readonly dim: number
  /** positions at depth t for starting points x0 [n, D]; called inside tf.tidy */
  positionsAt(x0: tf.Tensor2D, t: number): tf.Tensor2D
  /** map (or layer) evaluations positionsAt has actually performed so far: the run's NFE */
  readonly evaluations: number
  dispose(): void
}

interface FlowCommon {
  /** plain-language notes recorded in the run (approximations, caveats) */
  notes: Message[]
  /**
   * Exact covariance of the pushforward mu_t when it is Gaussian (single-Gaussian data under the
   * continuous, shallow or composed DAE); undefined otherwise, and entropy is then estimated by kNN.
   */
  gaussianCovarianceAt?(t: number): number[][]
}

export type Flow = (FlowCommon & { type: 'field'; field: VelocityField }) | (FlowCommon & { type: 'map'; map: DepthMap })
