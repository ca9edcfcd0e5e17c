// Gradients by the adjoint method (Chen et al. 2018) for the "x_T close to a target" task: the state
// z, the adjoint a = dL/dz and the parameter gradient g are integrated backwards from T to 0 with the
// same fixed-step scheme, dz/dt = f, da/dt = -a^T df/dz, dg/dt = -a^T df/dtheta. No tape spans more
// than one field evaluation, so memory does not grow with depth (O(1) in the number of steps).
// The RNODE kinetic term enters as a running cost: its integrand's gradient is added to a and g at the
// same left-point nodes the forward quadrature uses, so the adjoint differentiates the reported objective.
import * as tf from '@tensorflow/tfjs-core'
import './gradients'
import type { MlpField } from '../models/mlp-field'
import { stepCount, type TrainSolver } from './solve'
import type { Batch } from './train-step'

interface Aug {
  z: tf.Tensor2D
  a: tf.Tensor2D
  g: tf.Tensor[]
}

/** time derivative of the augmented backward state at (z, a, t): [f, -a^T df/dz, -a^T df/dtheta] */
function dynamics(model: MlpField, s: Aug, t: number, kept: tf.Tensor[]): Aug {
  const zv = tf.variable(s.z, true)
  try {
    let f: tf.Tensor2D | undefined
    const { value, grads } = tf.variableGrads(() => {
      const out = model.forward(zv, t)
      // kept past the gradient scope (and every tidy): the caller frees it through `kept`
      f = tf.keep(out)
      kept.push(f)
      return tf.sum(tf.mul(s.a, out)) as tf.Scalar
    }, [...model.variables, zv])
    value.dispose()
    const g = model.variables.map((v) => {
      const gv = grads[v.name] as tf.Tensor | undefined
      return gv ? tf.neg(gv) : tf.zerosLike(v)
    })
    const a = tf.neg(grads[zv.name]) as tf.Tensor2D
    tf.dispose(Object.values(grads))
    return { z: f!, a, g }
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
function backStep(model: MlpField, s: Aug, t: number, h: number, solver: TrainSolver): Aug {
  // tidy keeps the tensors of the returned object; its typing wants an index signature Aug lacks
  const kept: tf.Tensor[] = []
  try {
    return tf.tidy((): tf.TensorContainer => backStepInScope(model, s, t, h, solver, kept) as unknown as tf.TensorContainer) as unknown as Aug
  } finally {
    tf.dispose(kept)
  }
}

function backStepInScope(model: MlpField, s: Aug, t: number, h: number, solver: TrainSolver, kept: tf.Tensor[]): Aug {
  {
    const k1 = dynamics(model, s, t, kept)
    if (solver === 'euler') return axpy(s, k1, -h)
    if (solver === 'heun') {
      const k2 = dynamics(model, axpy(s, k1, -h), t - h, kept)
      return axpy(axpy(s, k1, -h / 2), k2, -h / 2)
    }
    const k2 = dynamics(model, axpy(s, k1, -h / 2), t - h / 2, kept)
    const k3 = dynamics(model, axpy(s, k2, -h / 2), t - h / 2, kept)
    const k4 = dynamics(model, axpy(s, k3, -h), t - h, kept)
    let out = axpy(s, k1, -h / 6)
    out = axpy(out, k2, -h / 3)
    out = axpy(out, k3, -h / 3)
    return axpy(out, k4, -h / 6)
  }
}

export interface AdjointResult {
  loss: number
  /** kinetic term sum_steps h * mean |v|^2 (unweighted); NaN when lambda_K is 0 */
  kinetic: number
  /** gradient of the mean squared error (+ lambda_K kinetic) per variable name; caller disposes */
  grads: tf.NamedTensorMap
}

/** x_T by the fixed-step scheme, no tape (the adjoint method recomputes what it needs backwards). */
export function forwardState(model: MlpField, x0: tf.Tensor2D, config: AdjointConfig): tf.Tensor2D {
  const { zT, kinetic } = forwardWithKinetic(model, x0, config, false)
  kinetic.dispose()
  return zT
}

/**
 * x_T and, when asked, the kinetic term sum_steps h * mean_i |v(z_i, t_i)|^2 at each step's left point
 * (the quadrature of solveDifferentiable); kinetic is NaN when not asked. Caller disposes both.
 */
export function forwardWithKinetic(model: MlpField, x0: tf.Tensor2D, config: AdjointConfig, withKinetic: boolean): { zT: tf.Tensor2D; kinetic: tf.Scalar } {
  const steps = stepCount(config.depth, config.stepSize)
  const h = config.depth / steps
  return tf.tidy(() => {
    let z = x0
    const energies: tf.Scalar[] = []
    const f = (x: tf.Tensor2D, tt: number): tf.Tensor2D => model.forward(x, tt)
    for (let i = 0; i < steps; i++) {
      const t = i * h
      const k1 = f(z, t)
      if (withKinetic) energies.push(tf.mean(tf.sum(tf.square(k1), 1)) as tf.Scalar)
      if (config.solver === 'euler') z = tf.add(z, tf.mul(k1, tf.scalar(h)))
      else if (config.solver === 'heun') {
        const k2 = f(tf.add(z, tf.mul(k1, tf.scalar(h))), t + h)
        z = tf.add(z, tf.mul(tf.add(k1, k2), tf.scalar(h / 2)))
      } else {
        const k2 = f(tf.add(z, tf.mul(k1, tf.scalar(h / 2))), t + h / 2)
        const k3 = f(tf.add(z, tf.mul(k2, tf.scalar(h / 2))), t + h / 2)
        const k4 = f(tf.add(z, tf.mul(k3, tf.scalar(h))), t + h)
        z = tf.add(z, tf.mul(tf.addN([k1, tf.mul(tf.add(k2, k3), tf.scalar(2)), k4]), tf.scalar(h / 6)))
      }
    }
    const kinetic = withKinetic ? (tf.mul(tf.addN(energies), tf.scalar(h)) as tf.Scalar) : tf.scalar(Number.NaN)
    return { zT: z === x0 ? tf.clone(z) : z, kinetic }
  })
}

export interface AdjointConfig {
  solver: TrainSolver
  depth: number
  stepSize: number
  /** lambda_K: weight of the kinetic term (default 0; adjointGradients only) */
  kinetic?: number
}

/**
 * The running cost's share at a node: a += w h d/dz sum_rows |v(z, t)|^2 and g += the same d/dtheta,
 * the gradient of the left-point quadrature term w h sum_rows |v(z_i, t_i)|^2.
 */
function runningCostJump(model: MlpField, s: Aug, t: number, wh: number): Aug {
  const zv = tf.variable(s.z, true)
  try {
    return tf.tidy((): tf.TensorContainer => {
      const { value, grads } = tf.variableGrads(() => tf.mul(tf.sum(tf.square(model.forward(zv, t))), tf.scalar(wh)) as tf.Scalar, [...model.variables, zv])
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
 * Parameter gradient of L(z_T) + runningCost * sum_steps h * sum_rows |v(z_i, t_i)|^2 given z_T and
 * a_T = dL/dz_T: the augmented state integrated from T back to 0 (runningCost = lambda_K / rows for
 * the kinetic term of a batch mean). Takes ownership of zT and aT; the caller disposes the gradients.
 */
export function adjointBackward(model: MlpField, zT: tf.Tensor2D, aT: tf.Tensor2D, config: AdjointConfig, runningCost = 0): tf.NamedTensorMap {
  const steps = stepCount(config.depth, config.stepSize)
  const h = config.depth / steps
  let s: Aug = { z: zT, a: aT, g: model.variables.map((v) => tf.zerosLike(v)) }
  const replace = (next: Aug): void => {
    tf.dispose([s.z, s.a, ...s.g])
    s = next
  }
  try {
    for (let i = steps; i > 0; i--) {
      replace(backStep(model, s, i * h, h, config.solver))
      if (runningCost > 0) replace(runningCostJump(model, s, (i - 1) * h, runningCost * h))
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
  return { loss: value, kinetic, grads: adjointBackward(model, zT, aT, config, lambda / batch.n) }
}
