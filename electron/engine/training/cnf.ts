// Continuous normalizing flow pieces: the state (z, l) with dz/dt = v(z, t), dl/dt = tr(grad_z v),
// integrated by the same fixed-step Runge-Kutta scheme (differentiable), so that
// log p(x) = log N(z_T; 0, I) + l_T. The trace is exact: D central differences per stage (D <= 3 here,
// so the Hutchinson estimator is never needed), plain forward passes that carry parameter gradients.
import * as tf from '@tensorflow/tfjs-core'
import type { FieldFn, TrainSolver } from './solve'

/** relative step of the central differences of the trace */
export const TRACE_DELTA = 1e-2

/** v(z, t) and tr(grad_z v)(z, t) [n]; call inside tidy */
function fieldAndTrace(f: FieldFn, z: tf.Tensor2D, t: number): [tf.Tensor2D, tf.Tensor1D] {
  const [n, D] = z.shape
  const v = f(z, t)
  const parts: tf.Tensor1D[] = []
  for (let i = 0; i < D; i++) {
    const e = tf.oneHot(tf.fill([n], i, 'int32'), D)
    const d = tf.mul(e, tf.scalar(TRACE_DELTA)) as tf.Tensor2D
    const diff = tf.sub(f(tf.add(z, d), t), f(tf.sub(z, d), t))
    parts.push(tf.div(tf.sum(tf.mul(diff, e), 1), tf.scalar(2 * TRACE_DELTA)) as tf.Tensor1D)
  }
  return [v, tf.addN(parts)]
}

export interface CnfOutput {
  zT: tf.Tensor2D
  /** integral of the trace along each path [n] */
  logDet: tf.Tensor1D
  /** sum over steps of h * mean |v|^2 */
  kinetic: tf.Scalar
}

/** Integrates (z, l) from 0 to depth with `steps` equal steps (backprop-able). */
export function solveCnf(f: FieldFn, x0: tf.Tensor2D, depth: number, steps: number, solver: TrainSolver): CnfOutput {
  const h = depth / steps
  let z = x0
  let l: tf.Tensor1D = tf.zeros([x0.shape[0]])
  const energies: tf.Scalar[] = []
  const ax = (a: tf.Tensor2D, k: tf.Tensor2D, c: number): tf.Tensor2D => tf.add(a, tf.mul(k, tf.scalar(c)))
  for (let s = 0; s < steps; s++) {
    const t = s * h
    const [k1, q1] = fieldAndTrace(f, z, t)
    energies.push(tf.mean(tf.sum(tf.square(k1), 1)) as tf.Scalar)
    if (solver === 'euler') {
      z = ax(z, k1, h)
      l = tf.add(l, tf.mul(q1, tf.scalar(h)))
    } else if (solver === 'heun') {
      const [k2, q2] = fieldAndTrace(f, ax(z, k1, h), t + h)
      z = ax(z, tf.add(k1, k2), h / 2)
      l = tf.add(l, tf.mul(tf.add(q1, q2), tf.scalar(h / 2)))
    } else {
      const [k2, q2] = fieldAndTrace(f, ax(z, k1, h / 2), t + h / 2)
      const [k3, q3] = fieldAndTrace(f, ax(z, k2, h / 2), t + h / 2)
      const [k4, q4] = fieldAndTrace(f, ax(z, k3, h), t + h)
      z = ax(z, tf.addN([k1, tf.mul(tf.add(k2, k3), tf.scalar(2)) as tf.Tensor2D, k4]), h / 6)
      l = tf.add(l, tf.mul(tf.addN([q1, tf.mul(tf.add(q2, q3), tf.scalar(2)), q4]), tf.scalar(h / 6)))
    }
  }
  return { zT: z, logDet: l, kinetic: tf.mul(tf.addN(energies), tf.scalar(h)) as tf.Scalar }
}

/** log p(x) [n] = log N(z_T; 0, I) + l_T; call inside tidy */
export function logLikelihood(out: CnfOutput): tf.Tensor1D {
  const D = out.zT.shape[1]
  const base = tf.sub(tf.mul(tf.sum(tf.square(out.zT), 1), tf.scalar(-0.5)), tf.scalar(0.5 * D * Math.log(2 * Math.PI)))
  return tf.add(base, out.logDet) as tf.Tensor1D
}
