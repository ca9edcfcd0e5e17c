// Continuous normalizing flow pieces: the state (z, l) with dz/dt = v(z, t), dl/dt = tr(grad_z v),
// integrated by the same fixed-step Runge-Kutta scheme (differentiable), so that
// log p(x) = log N(z_T; 0, I) + l_T. The trace is exact: D central differences per stage (D <= 3 here,
// so the Hutchinson estimator is never needed), plain forward passes that carry parameter gradients.
// The same D differences give every column of grad_z v, so the Jacobian Frobenius term is exact too.
import * as tf from '@tensorflow/tfjs-core'
import type { FieldFn, TrainSolver } from './solve'

/** relative step of the central differences of the trace */
export const TRACE_DELTA = 1e-2

export interface FieldDerivatives {
  v: tf.Tensor2D
  /** tr(grad_z v) per row [n] */
  trace: tf.Tensor1D
  /** |grad_z v|_F^2 per row [n], when asked */
  frobenius?: tf.Tensor1D
}

/** v(z, t), tr(grad_z v) and optionally |grad_z v|_F^2 from D central differences; call inside tidy */
export function fieldDerivatives(f: FieldFn, z: tf.Tensor2D, t: number, withFrobenius = false): FieldDerivatives {
  const [n, D] = z.shape
  const v = f(z, t)
  const diag: tf.Tensor1D[] = []
  const squares: tf.Tensor1D[] = []
  for (let i = 0; i < D; i++) {
    const e = tf.oneHot(tf.fill([n], i, 'int32'), D)
    const d = tf.mul(e, tf.scalar(TRACE_DELTA)) as tf.Tensor2D
    // column i of the Jacobian, J e_i
    const column = tf.div(tf.sub(f(tf.add(z, d), t), f(tf.sub(z, d), t)), tf.scalar(2 * TRACE_DELTA)) as tf.Tensor2D
    diag.push(tf.sum(tf.mul(column, e), 1) as tf.Tensor1D)
    if (withFrobenius) squares.push(tf.sum(tf.square(column), 1) as tf.Tensor1D)
  }
  return { v, trace: tf.addN(diag), ...(withFrobenius ? { frobenius: tf.addN(squares) } : {}) }
}

export interface CnfOutput {
  zT: tf.Tensor2D
  /** integral of the trace along each path [n] */
  logDet: tf.Tensor1D
  /** sum over steps of h * mean |v|^2 */
  kinetic: tf.Scalar
  /** sum over steps of h * mean |grad_z v|_F^2 (exact), when asked */
  jacobian?: tf.Scalar
}

/**
 * Integrates (z, l) from 0 to depth with `steps` equal steps (backprop-able). The kinetic and Jacobian
 * terms use each step's left point, as the other tasks' left-point quadrature does.
 */
export function solveCnf(f: FieldFn, x0: tf.Tensor2D, depth: number, steps: number, solver: TrainSolver, withJacobian = false): CnfOutput {
  const h = depth / steps
  let z = x0
  let l: tf.Tensor1D = tf.zeros([x0.shape[0]])
  const energies: tf.Scalar[] = []
  const frobenius: tf.Scalar[] = []
  const fieldAndTrace = (x: tf.Tensor2D, t: number): [tf.Tensor2D, tf.Tensor1D] => {
    const d = fieldDerivatives(f, x, t)
    return [d.v, d.trace]
  }
  const ax = (a: tf.Tensor2D, k: tf.Tensor2D, c: number): tf.Tensor2D => tf.add(a, tf.mul(k, tf.scalar(c)))
  for (let s = 0; s < steps; s++) {
    const t = s * h
    const first = fieldDerivatives(f, z, t, withJacobian)
    const [k1, q1] = [first.v, first.trace]
    energies.push(tf.mean(tf.sum(tf.square(k1), 1)) as tf.Scalar)
    if (first.frobenius) frobenius.push(tf.mean(first.frobenius) as tf.Scalar)
    if (solver === 'euler') {
      z = ax(z, k1, h)
      l = tf.add(l, tf.mul(q1, tf.scalar(h)))
    } else if (solver === 'heun') {
      const [k2, q2] = fieldAndTrace(ax(z, k1, h), t + h)
      z = ax(z, tf.add(k1, k2), h / 2)
      l = tf.add(l, tf.mul(tf.add(q1, q2), tf.scalar(h / 2)))
    } else {
      const [k2, q2] = fieldAndTrace(ax(z, k1, h / 2), t + h / 2)
      const [k3, q3] = fieldAndTrace(ax(z, k2, h / 2), t + h / 2)
      const [k4, q4] = fieldAndTrace(ax(z, k3, h), t + h)
      z = ax(z, tf.addN([k1, tf.mul(tf.add(k2, k3), tf.scalar(2)) as tf.Tensor2D, k4]), h / 6)
      l = tf.add(l, tf.mul(tf.addN([q1, tf.mul(tf.add(q2, q3), tf.scalar(2)), q4]), tf.scalar(h / 6)))
    }
  }
  return {
    zT: z,
    logDet: l,
    kinetic: tf.mul(tf.addN(energies), tf.scalar(h)) as tf.Scalar,
    ...(withJacobian ? { jacobian: tf.mul(tf.addN(frobenius), tf.scalar(h)) as tf.Scalar } : {})
  }
}

/** log p(x) [n] = log N(z_T; 0, I) + l_T; call inside tidy */
export function logLikelihood(out: CnfOutput): tf.Tensor1D {
  const D = out.zT.shape[1]
  const base = tf.sub(tf.mul(tf.sum(tf.square(out.zT), 1), tf.scalar(-0.5)), tf.scalar(0.5 * D * Math.log(2 * Math.PI)))
  return tf.add(base, out.logDet) as tf.Tensor1D
}
