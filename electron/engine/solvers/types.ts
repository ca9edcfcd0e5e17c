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
  /**
   * Awaited after every accepted step with the depth reached. It may throw (a CancelledError) to stop
   * within one step, and it is where the runner yields to the event loop so a cancel message can arrive.
   */
  onStep?(t: number): void | Promise<void>
}

export interface IntegrationResult {
  /** one [n, D] tensor per requested depth (caller disposes); depths[0] must be 0 and gives x0 */
  positions: tf.Tensor2D[]
  nfe: number
  acceptedSteps: number
  rejectedSteps: number
}

export type Integrator = (field: VelocityField, x0: tf.Tensor2D, depths: number[], options: SolverOptions, hooks?: IntegrateHooks) => Promise<IntegrationResult>
