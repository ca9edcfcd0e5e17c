// Gradients by the adjoint method (Chen et al. 2018): the state z, the adjoint a = dL/dz and the
// parameter gradient g are integrated backwards from T to 0 with the same fixed-step scheme,
// dz/dt = f, da/dt = -a^T df/dz - a_l dtr/dz, dg/dt = -a^T df/dtheta - a_l dtr/dtheta. No tape spans
// more than one field evaluation, so memory does not grow with depth (O(1) in the number of steps).
// The density task's log-density state l (dl/dt = tr grad v) never feeds back, so its adjoint a_l is
// the constant dL/dl_T. Running costs (kinetic, Jacobian Frobenius) are added to a and g at the same
// left-point nodes the forward quadrature uses, so the adjoint differentiates the reported objective.
import * as tf from '@tensorflow/tfjs-core'
import './gradients'
import type { MlpField } from '../models/mlp-field'
import { fieldDerivatives } from './cnf'
import { forwardWithKinetic, type AdjointConfig } from './adjoint-forward'
import { stepCount, type FieldFn, type TrainSolver } from './solve'
import type { Batch } from './train-step'

export { forwardCnf, forwardState, forwardWithKinetic, type AdjointConfig } from './adjoint-forward'

/** What the objective adds to L(z_T), each term as its weight per row (lambda / batch rows). */
export interface AdjointTerms {
  /** weight of the kinetic integrand sum_rows |v(z, t)|^2 */
  kinetic?: number
  /** weight of the Jacobian integrand, whose per-row value at step `step` (left point t) `rows` gives */
  jacobian?: { weight: number; rows: (f: FieldFn, z: tf.Tensor2D, t: number, step: number) => tf.Tensor1D }
  /** dL/dl_T of the log-density state dl/dt = tr(grad_z v), the same for every row */
  trace?: number
}

interface Aug {
  z: tf.Tensor2D
  a: tf.Tensor2D
  g: tf.Tensor[]
}

/** time derivative of the augmented backward state at (z, a, t): [f, -a^T df/dz - ..., -a^T df/dtheta - ...] */
function dynamics(model: MlpField, s: Aug, t: number, trace: number, kept: tf.Tensor[]): Aug {
  const zv = tf.variable(s.z, true)
  const f: FieldFn = (x, tt) => model.forward(x, tt)
  try {
    let out: tf.Tensor2D | undefined
    const { value, grads } = tf.variableGrads(() => {
      const d = trace !== 0 ? fieldDerivatives(f, zv, t) : { v: f(zv, t), trace: undefined }
      // kept past the gradient scope (and every tidy): the caller frees it through `kept`
      out = tf.keep(d.v)
      kept.push(out)
      const va = tf.sum(tf.mul(s.a, d.v)) as tf.Scalar
      return d.trace ? (tf.add(va, tf.mul(tf.sum(d.trace), tf.scalar(trace))) as tf.Scalar) : va
    }, [...model.variables, zv])
    value.dispose()
    const g = model.variables.map((v) => {
      const gv = grads[v.name] as tf.Tensor | undefined
      return gv ? tf.neg(gv) : tf.zerosLike(v)
    })
    const a = tf.neg(grads[zv.name]) as tf.Tensor2D
    tf.dispose(Object.values(grads))
    return { z: out!, a, g }
  } finally {
    zv.dispose()
  }
}

const axpy = (x: Aug, k: Aug, c: number): Aug => ({
  z: tf.add(x.z, tf.mul(k.z, tf.scalar(c))),
  a: tf.add(x.a, tf.mul(k.a, tf.scalar(c))),
  g: x.g.map((v, i) => tf.add(v, tf.mul(k.g[i], tf.scalar(c))))
})

/** One backward step of size -h from time t (Euler, Heun or RK4 on the augmented system). */
function backStep(model: MlpField, s: Aug, t: number, h: number, solver: TrainSolver, trace: number): Aug {
  // tidy keeps the tensors of the returned object; its typing wants an index signature Aug lacks
  const kept: tf.Tensor[] = []
  const k = (x: Aug, tt: number): Aug => dynamics(model, x, tt, trace, kept)
  try {
    return tf.tidy((): tf.TensorContainer => {
      const k1 = k(s, t)
      if (solver === 'euler') return axpy(s, k1, -h) as unknown as tf.TensorContainer
      if (solver === 'heun') return axpy(axpy(s, k1, -h / 2), k(axpy(s, k1, -h), t - h), -h / 2) as unknown as tf.TensorContainer
      const k2 = k(axpy(s, k1, -h / 2), t - h / 2)
      const k3 = k(axpy(s, k2, -h / 2), t - h / 2)
      const k4 = k(axpy(s, k3, -h), t - h)
      return axpy(axpy(axpy(axpy(s, k1, -h / 6), k2, -h / 3), k3, -h / 3), k4, -h / 6) as unknown as tf.TensorContainer
    }) as unknown as Aug
  } finally {
    tf.dispose(kept)
  }
}

/**
 * The running costs' share at the left node of step `step` (time t): a += h d/dz C and g += h d/dtheta C,
 * C = sum_rows (wK |v|^2 + wJ jacobian rows), the gradient of the forward left-point quadrature term.
 */
function runningCostJump(model: MlpField, s: Aug, t: number, step: number, h: number, terms: AdjointTerms): Aug {
  const zv = tf.variable(s.z, true)
  const f: FieldFn = (x, tt) => model.forward(x, tt)
  try {
    return tf.tidy((): tf.TensorContainer => {
      const { value, grads } = tf.variableGrads(() => {
        const parts: tf.Scalar[] = []
        if (terms.kinetic) parts.push(tf.mul(tf.sum(tf.square(f(zv, t))), tf.scalar(terms.kinetic * h)) as tf.Scalar)
        if (terms.jacobian) parts.push(tf.mul(tf.sum(terms.jacobian.rows(f, zv, t, step)), tf.scalar(terms.jacobian.weight * h)) as tf.Scalar)
        return tf.addN(parts) as tf.Scalar
      }, [...model.variables, zv])
      const g = model.variables.map((v, i) => (grads[v.name] ? tf.add(s.g[i], grads[v.name]) : tf.clone(s.g[i])))
      const out = { z: tf.clone(s.z), a: tf.add(s.a, grads[zv.name]), g }
      tf.dispose([value, ...Object.values(grads)])
      return out as unknown as tf.TensorContainer
    }) as unknown as Aug
  } finally {
    zv.dispose()
  }
}

/**
 * Parameter gradient of L(z_T, l_T) + the running costs given z_T and a_T = dL/dz_T: the augmented
 * state integrated from T back to 0. Takes ownership of zT and aT; the caller disposes the gradients.
 */
export function adjointBackward(model: MlpField, zT: tf.Tensor2D, aT: tf.Tensor2D, config: AdjointConfig, terms: AdjointTerms = {}): tf.NamedTensorMap {
  const steps = stepCount(config.depth, config.stepSize)
  const h = config.depth / steps
  const running = Boolean(terms.kinetic) || Boolean(terms.jacobian && terms.jacobian.weight)
  let s: Aug = { z: zT, a: aT, g: model.variables.map((v) => tf.zerosLike(v)) }
  const replace = (next: Aug): void => {
    tf.dispose([s.z, s.a, ...s.g])
    s = next
  }
  try {
    for (let i = steps; i > 0; i--) {
      replace(backStep(model, s, i * h, h, config.solver, terms.trace ?? 0))
      if (running) replace(runningCostJump(model, s, (i - 1) * h, i - 1, h, terms))
    }
  } catch (e) {
    tf.dispose([s.z, s.a, ...s.g])
    throw e
  }
  const grads: tf.NamedTensorMap = {}
  model.variables.forEach((v, i) => (grads[v.name] = s.g[i]))
  tf.dispose([s.z, s.a])
  return grads
}

export interface AdjointResult {
  loss: number
  /** kinetic term sum_steps h * mean |v|^2 (unweighted); NaN when lambda_K is 0 */
  kinetic: number
  /** gradient of the mean squared error (+ lambda_K * kinetic) per variable name; caller disposes */
  grads: tf.NamedTensorMap
}

/** MSE(x_T, target) (+ lambda_K times the kinetic term) and its parameter gradient by the adjoint method. */
export function adjointGradients(model: MlpField, batch: Batch, config: AdjointConfig): AdjointResult {
  const D = model.dim
  const lambda = config.kinetic ?? 0
  const x0 = tf.tensor2d(batch.x0, [batch.n, D])
  const { zT, kinetic: k } = forwardWithKinetic(model, x0, config, lambda > 0)
  x0.dispose()
  const kinetic = k.dataSync()[0]
  k.dispose()
  const { loss, aT } = tf.tidy(() => {
    const diff = tf.sub(zT, tf.tensor2d(batch.target, [batch.n, D]))
    return { loss: tf.mean(tf.square(diff)) as tf.Scalar, aT: tf.mul(diff, tf.scalar(2 / (batch.n * D))) as tf.Tensor2D }
  })
  const value = loss.dataSync()[0]
  loss.dispose()
  return { loss: value, kinetic, grads: adjointBackward(model, zT, aT, config, { kinetic: lambda / batch.n }) }
}
