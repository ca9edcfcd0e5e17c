// Fixed-step explicit Runge-Kutta solvers: Euler (order 1), Heun (2), classical RK4 (4). Each segment
// between recorded depths is split into equal steps so the recorded depths are hit exactly.
import * as tf from '@tensorflow/tfjs-core'
import type { VelocityField } from '../flows/types'
import { checkState, disposeAll, validateDepths } from './guard'
import type { FixedStepOptions, IntegrateHooks, IntegrationResult } from './types'

type Stepper = (f: VelocityField, x: tf.Tensor2D, t: number, h: number) => tf.Tensor2D

const axpy = (x: tf.Tensor2D, k: tf.Tensor2D, a: number): tf.Tensor2D => tf.add(x, tf.mul(k, a))

export const STEPPERS: Record<FixedStepOptions['solver'], { nfe: number; step: Stepper }> = {
  euler: { nfe: 1, step: (f, x, t, h) => axpy(x, f.velocity(x, t), h) },
  heun: {
    nfe: 2,
    step: (f, x, t, h) => {
      const k1 = f.velocity(x, t)
      const k2 = f.velocity(axpy(x, k1, h), t + h)
      return axpy(x, tf.add(k1, k2), h / 2)
    }
  },
  rk4: {
    nfe: 4,
    step: (f, x, t, h) => {
      const k1 = f.velocity(x, t)
      const k2 = f.velocity(axpy(x, k1, h / 2), t + h / 2)
      const k3 = f.velocity(axpy(x, k2, h / 2), t + h / 2)
      const k4 = f.velocity(axpy(x, k3, h), t + h)
      return axpy(x, tf.addN([k1, tf.mul(tf.add(k2, k3), 2) as tf.Tensor2D, k4]), h / 6)
    }
  }
}

/**
 * Blow-up check cadence: every CHECK_EVERY steps and at every recorded depth (one [2]-element
 * download each), so a blow-up is reported at most CHECK_EVERY steps after it happened.
 */
export const CHECK_EVERY = 8

export async function integrateFixed(
  field: VelocityField,
  x0: tf.Tensor2D,
  depths: number[],
  options: FixedStepOptions,
  hooks?: IntegrateHooks
): Promise<IntegrationResult> {
  validateDepths(depths)
  const { nfe: perStep, step } = STEPPERS[options.solver]
  if (!(options.stepSize > 0)) throw new RangeError(`step size must be positive, got ${options.stepSize}`)
  const positions: tf.Tensor2D[] = []
  let x = x0
  let nfe = 0
  let accepted = 0
  try {
    checkState(x0, depths[0])
    positions.push(tf.clone(x0))
    let sinceCheck = 0
    for (let i = 0; i + 1 < depths.length; i++) {
      const a = depths[i]
      const b = depths[i + 1]
      const len = b - a
      const steps = len > 0 ? Math.max(1, Math.ceil(len / options.stepSize - 1e-9)) : 0
      const h = len / steps
      for (let s = 0; s < steps; s++) {
        const t = a + s * h
        const tNew = s + 1 === steps ? b : a + (s + 1) * h
        const prev = x
        x = tf.tidy(() => step(field, prev, t, h))
        if (prev !== x0) prev.dispose()
        nfe += perStep
        accepted++
        if (++sinceCheck >= CHECK_EVERY && s + 1 < steps) {
          checkState(x, tNew)
          sinceCheck = 0
        }
        if (s + 1 === steps) {
          checkState(x, b)
          sinceCheck = 0
        }
        await hooks?.onStep?.(tNew)
      }
      positions.push(tf.clone(x))
    }
  } catch (e) {
    disposeAll(positions)
    if (x !== x0) x.dispose()
    throw e
  }
  if (x !== x0) x.dispose()
  return { positions, nfe, acceptedSteps: accepted, rejectedSteps: 0 }
}
