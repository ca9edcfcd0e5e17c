// Differentiable fixed-step solvers for training: plain TF.js ops so tf.variableGrads backpropagates
// through every step (the "network is an Euler broken line" view). Also accumulates the RNODE kinetic
// and Jacobian Frobenius (Hutchinson) terms.
import * as tf from '@tensorflow/tfjs-core'

export type TrainSolver = 'euler' | 'heun' | 'rk4'
export type FieldFn = (x: tf.Tensor2D, t: number) => tf.Tensor2D

export const STAGES: Record<TrainSolver, number> = { euler: 1, heun: 2, rk4: 4 }

/** Number of steps of size h covering [0, T]; T/h must be (within float tolerance) an integer. */
export function stepCount(depth: number, stepSize: number): number {
  if (!(depth > 0) || !(stepSize > 0)) throw new RangeError(`depth and step size must be positive (got ${depth}, ${stepSize})`)
  const n = Math.round(depth / stepSize)
  if (n < 1 || Math.abs(n * stepSize - depth) > 1e-9 * Math.max(1, depth)) {
    throw new RangeError(`depth ${depth} is not a whole number of steps of size ${stepSize}`)
  }
  return n
}

export interface SolveOutput {
  /** x_T [n, D] */
  xT: tf.Tensor2D
  /** sum over steps of h * mean_i |v(x_i, t)|^2 at each step's left point (scalar); present when asked */
  kinetic?: tf.Scalar
  /** sum over steps of h * mean_i |J eps_i|^2 (Hutchinson estimate of the integral of |grad v|_F^2); present when asked */
  jacobian?: tf.Scalar
}

/** The Jacobian term's probes: Rademacher directions, one row per particle and step, from a seeded source. */
export interface JacobianProbe {
  /** a [n, D] tensor of +-1 entries for step `step` (created inside the caller's scope) */
  directions(step: number, n: number, dim: number): tf.Tensor2D
}

/** relative step of the central difference J eps ~ (v(x + d eps) - v(x - d eps)) / 2d */
export const JACOBIAN_DELTA = 1e-2

const axpy = (x: tf.Tensor2D, k: tf.Tensor2D, a: number): tf.Tensor2D => tf.add(x, tf.mul(k, tf.scalar(a)))

/**
 * Integrates dx/dt = f(x, t) from 0 to `depth` with `steps` equal steps. The kinetic term uses the
 * first stage of each step (left-point quadrature of the integral of |v|^2 dt), which is what the
 * Euler broken line sees and costs nothing extra for the higher-order solvers.
 */
export function solveDifferentiable(
  f: FieldFn,
  x0: tf.Tensor2D,
  depth: number,
  steps: number,
  solver: TrainSolver,
  withKinetic: boolean,
  probe?: JacobianProbe
): SolveOutput {
  const h = depth / steps
  let x = x0
  const energies: tf.Scalar[] = []
  const frobenius: tf.Scalar[] = []
  const [n, dim] = x0.shape
  for (let i = 0; i < steps; i++) {
    const t = i * h
    const k1 = f(x, t)
    if (withKinetic) energies.push(tf.mean(tf.sum(tf.square(k1), 1)) as tf.Scalar)
    if (probe) {
      // E |J eps|^2 = |J|_F^2 for Rademacher eps; J eps by a central difference, so plain forward
      // passes carry the parameter gradient (no second-order autodiff through the custom dense grads)
      const e = tf.mul(probe.directions(i, n, dim), tf.scalar(JACOBIAN_DELTA)) as tf.Tensor2D
      const je = tf.div(tf.sub(f(tf.add(x, e), t), f(tf.sub(x, e), t)), tf.scalar(2 * JACOBIAN_DELTA))
      frobenius.push(tf.mean(tf.sum(tf.square(je), 1)) as tf.Scalar)
    }
    if (solver === 'euler') {
      x = axpy(x, k1, h)
    } else if (solver === 'heun') {
      const k2 = f(axpy(x, k1, h), t + h)
      x = axpy(x, tf.add(k1, k2), h / 2)
    } else {
      const k2 = f(axpy(x, k1, h / 2), t + h / 2)
      const k3 = f(axpy(x, k2, h / 2), t + h / 2)
      const k4 = f(axpy(x, k3, h), t + h)
      x = axpy(x, tf.addN([k1, tf.mul(tf.add(k2, k3), tf.scalar(2)) as tf.Tensor2D, k4]), h / 6)
    }
  }
  return {
    xT: x,
    ...(withKinetic ? { kinetic: tf.mul(tf.addN(energies), tf.scalar(h)) as tf.Scalar } : {}),
    ...(probe ? { jacobian: tf.mul(tf.addN(frobenius), tf.scalar(h)) as tf.Scalar } : {})
  }
}
