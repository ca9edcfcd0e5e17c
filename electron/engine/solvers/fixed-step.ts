// Fixed-step explicit Runge-Kutta solvers: Euler (order 1), Heun (2), classical RK4 (4). The step size
// asked for is the step size used: exactly T/h steps of size h (h is the layer's thickness in the paper),
// and recorded depths that fall between two steps come from the solver's dense output (dense-output.ts),
// so the number of recorded depths never changes the trajectory or its cost.
import * as tf from '@tensorflow/tfjs-core'
import type { VelocityField } from '../flows/types'
import { denseAt, DENSE_OUTPUT, planDepths, stepCountOf } from './dense-output'
import { checkState, disposeAll, validateDepths } from './guard'
import type { FixedStepOptions, IntegrateHooks, IntegrationResult } from './types'

/** One step from (t, x) given k1 = f(t, x), which the caller evaluates (or reuses as the last step's end slope). */
type Stepper = (f: VelocityField, x: tf.Tensor2D, k1: tf.Tensor2D, t: number, h: number) => tf.Tensor2D

const axpy = (x: tf.Tensor2D, k: tf.Tensor2D, a: number): tf.Tensor2D => tf.add(x, tf.mul(k, a))

/** nfe: field evaluations per step, k1 included */
export const STEPPERS: Record<FixedStepOptions['solver'], { nfe: number; step: Stepper }> = {
  euler: { nfe: 1, step: (_f, x, k1, _t, h) => axpy(x, k1, h) },
  heun: {
    nfe: 2,
    step: (f, x, k1, t, h) => {
      const k2 = f.velocity(axpy(x, k1, h), t + h)
      return axpy(x, tf.add(k1, k2), h / 2)
    }
  },
  rk4: {
    nfe: 4,
    step: (f, x, k1, t, h) => {
      const k2 = f.velocity(axpy(x, k1, h / 2), t + h / 2)
      const k3 = f.velocity(axpy(x, k2, h / 2), t + h / 2)
      const k4 = f.velocity(axpy(x, k3, h), t + h)
      return axpy(x, tf.addN([k1, tf.mul(tf.add(k2, k3), 2) as tf.Tensor2D, k4]), h / 6)
    }
  }
}

/**
 * Blow-up check cadence: every CHECK_EVERY steps and at every step that records a depth (one
 * [2]-element download each), so a blow-up is reported at most CHECK_EVERY steps after it happened.
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
  const h = options.stepSize
  if (!(h > 0)) throw new RangeError(`step size must be positive, got ${h}`)
  const t0 = depths[0]
  const T = depths[depths.length - 1]
  const N = stepCountOf(T - t0, h)
  const plan = planDepths(depths, t0, h, N)
  // the step ends are k h from the start, and the last one is exactly T
  const tAt = (k: number): number => (k === N ? T : t0 + k * h)
  const dense = DENSE_OUTPUT[options.solver]
  const positions: tf.Tensor2D[] = []
  let x = x0
  /** f(t_k, x_k) when the previous step already evaluated it for its dense output */
  let k1: tf.Tensor2D | null = null
  let nfe = 0
  let next = 0
  /** record every depth that sits on the step end k (x is x_k) */
  const recordNodes = (k: number): void => {
    while (next < plan.length && plan[next].step === k && plan[next].theta === 0) {
      positions.push(tf.clone(x))
      next++
    }
  }
  try {
    checkState(x0, t0)
    let sinceCheck = 0
    for (let k = 0; k < N; k++) {
      recordNodes(k)
      const t = tAt(k)
      const tNew = tAt(k + 1)
      const xk = x
      if (!k1) {
        k1 = tf.tidy(() => field.velocity(xk, t))
        nfe++
      }
      const slope: tf.Tensor2D = k1
      const xNew: tf.Tensor2D = tf.tidy(() => step(field, xk, slope, t, h))
      nfe += perStep - 1
      let k1Next: tf.Tensor2D | null = null
      try {
        const inside: number[] = []
        while (next < plan.length && plan[next].step === k && plan[next].theta > 0) inside.push(plan[next++].theta)
        if (inside.length > 0 && dense === 'hermite') {
          // the end slope f(t_{k+1}, x_{k+1}) is the next step's k1: evaluated once, reused there
          k1Next = tf.tidy((): tf.Tensor2D => field.velocity(xNew, tNew))
          nfe++
        }
        for (const theta of inside) positions.push(denseAt(dense, theta, h, xk, xNew, slope, k1Next))
      } catch (e) {
        xNew.dispose()
        k1Next?.dispose()
        throw e
      }
      slope.dispose()
      k1 = k1Next
      if (xk !== x0) xk.dispose()
      x = xNew
      const records = next < plan.length && plan[next].step === k + 1 && plan[next].theta === 0
      if (++sinceCheck >= CHECK_EVERY || records || k + 1 === N) {
        checkState(x, tNew)
        sinceCheck = 0
      }
      await hooks?.onStep?.(tNew)
    }
    recordNodes(N)
  } catch (e) {
    disposeAll(positions)
    k1?.dispose()
    if (x !== x0) x.dispose()
    throw e
  }
  k1?.dispose()
  if (x !== x0) x.dispose()
  return { positions, nfe, acceptedSteps: N, rejectedSteps: 0 }
}
