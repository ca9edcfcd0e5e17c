// The solver interface: integrate a batch through a velocity field, recording positions at given depths.
import type * as tf from '@tensorflow/tfjs-core'
import type { VelocityField } from '../flows/types'

export interface FixedStepOptions {
  solver: 'euler' | 'heun' | 'rk4'
  stepSize: number
}
export interface AdaptiveOptions {
  solver: 'dopri5'
  rtol: number
  atol: number
  minStep: number
  maxSteps: number
  initialStep?: number
}
export type SolverOptions = FixedStepOptions | AdaptiveOptions

export interface IntegrateHooks {
  /** called after every accepted step; throw (e.g. a Cancelled error) to stop within one step */
  onStep?(t: number): void
}

export interface IntegrationResult {
  /** one [n, D] tensor per requested depth (caller disposes); depths[0] must be 0 and gives x0 */
  positions: tf.Tensor2D[]
  nfe: number
  acceptedSteps: number
  rejectedSteps: number
}

export type Integrator = (
  field: VelocityField,
  x0: tf.Tensor2D,
  depths: number[],
  options: SolverOptions,
  hooks?: IntegrateHooks
) => IntegrationResult
