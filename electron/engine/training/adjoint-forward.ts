// The adjoint method's forward pass: the state at depth T by the training scheme with no tape, one step
// at a time in its own tidy, so only the current state is alive between steps (memory independent of
// depth); the regularisers' left-point quadratures are summed on the way for the report.
import * as tf from '@tensorflow/tfjs-core'
import type { MlpField } from '../models/mlp-field'
import { solveCnf } from './cnf'
import { solveDifferentiable, stepCount, type FieldFn, type JacobianProbe, type TrainSolver } from './solve'

export interface AdjointConfig {
  solver: TrainSolver
  depth: number
  stepSize: number
  /** lambda_K: weight of the kinetic term (default 0; adjointGradients only) */
  kinetic?: number
}

/**
 * `step(state, i)` for i = 0 .. steps - 1 (steps >= 1), each in its own tidy; the states in between are
 * freed, so a step must return new tensors (clone what it keeps). The caller still owns `init`.
 */
function stepwise<S extends Record<string, tf.Tensor>>(steps: number, init: S, step: (s: S, i: number) => S): S {
  let s = init
  for (let i = 0; i < steps; i++) {
    const prev = s
    s = tf.tidy(() => step(prev, i))
    if (prev !== init) tf.dispose(Object.values(prev))
  }
  return s
}

/** the field seen from step i: local time 0 is depth i h, so a one-step solve reproduces step i */
const shifted =
  (f: FieldFn, offset: number): FieldFn =>
  (x, t) =>
    f(x, t + offset)

export interface ForwardOutput {
  zT: tf.Tensor2D
  /** sum_steps h * mean |v|^2 at the left points (NaN when not asked) */
  kinetic: tf.Scalar
  /** the Jacobian term's quadrature, when a probe is given */
  jacobian?: tf.Scalar
}

/** x_T (and the kinetic and Hutchinson Jacobian terms) without a tape; the caller disposes the outputs. */
export function forwardWithKinetic(model: MlpField, x0: tf.Tensor2D, config: AdjointConfig, withKinetic: boolean, probe?: JacobianProbe): ForwardOutput {
  const steps = stepCount(config.depth, config.stepSize)
  const h = config.depth / steps
  const f: FieldFn = (x, t) => model.forward(x, t)
  const init = { z: x0, k: tf.scalar(0), j: tf.scalar(0) }
  const out = stepwise(steps, init, (s, i) => {
    const stepProbe = probe && { directions: (_: number, n: number, dim: number) => probe.directions(i, n, dim) }
    const r = solveDifferentiable(shifted(f, i * h), s.z, h, 1, config.solver, withKinetic, stepProbe)
    return {
      z: r.xT,
      k: (r.kinetic ? tf.add(s.k, r.kinetic) : tf.clone(s.k)) as tf.Scalar,
      j: (r.jacobian ? tf.add(s.j, r.jacobian) : tf.clone(s.j)) as tf.Scalar
    }
  })
  tf.dispose([init.k, init.j])
  const kinetic = withKinetic ? out.k : (tf.dispose(out.k), tf.scalar(Number.NaN))
  if (probe) return { zT: out.z as tf.Tensor2D, kinetic, jacobian: out.j }
  out.j.dispose()
  return { zT: out.z as tf.Tensor2D, kinetic }
}

/** x_T by the fixed-step scheme, no tape (the adjoint method recomputes what it needs backwards). */
export function forwardState(model: MlpField, x0: tf.Tensor2D, config: AdjointConfig): tf.Tensor2D {
  const { zT, kinetic } = forwardWithKinetic(model, x0, config, false)
  kinetic.dispose()
  return zT
}

export interface CnfForwardOutput {
  zT: tf.Tensor2D
  /** integral of tr(grad v) along each path [n] */
  logDet: tf.Tensor1D
  kinetic: tf.Scalar
  jacobian?: tf.Scalar
}

/** The CNF state (z_T, l_T) and its regularisers without a tape; the caller disposes the outputs. */
export function forwardCnf(f: FieldFn, x0: tf.Tensor2D, config: AdjointConfig, withJacobian: boolean): CnfForwardOutput {
  const steps = stepCount(config.depth, config.stepSize)
  const h = config.depth / steps
  const init = { z: x0, l: tf.zeros([x0.shape[0]]), k: tf.scalar(0), j: tf.scalar(0) }
  const out = stepwise(steps, init, (s, i) => {
    const r = solveCnf(shifted(f, i * h), s.z as tf.Tensor2D, h, 1, config.solver, withJacobian)
    return { z: r.zT, l: tf.add(s.l, r.logDet), k: tf.add(s.k, r.kinetic) as tf.Scalar, j: (r.jacobian ? tf.add(s.j, r.jacobian) : tf.clone(s.j)) as tf.Scalar }
  })
  tf.dispose([init.l, init.k, init.j])
  const result = { zT: out.z as tf.Tensor2D, logDet: out.l as tf.Tensor1D, kinetic: out.k as tf.Scalar }
  if (withJacobian) return { ...result, jacobian: out.j as tf.Scalar }
  out.j.dispose()
  return result
}
