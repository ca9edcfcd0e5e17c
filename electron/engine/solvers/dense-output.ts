// Dense output of the fixed-step solvers: where each recorded depth falls on the step grid t_k = k h,
// and the position between two step ends: linear for Euler (its own order), cubic Hermite for Heun and
// RK4 from the positions and field values at both ends (O(h^4) locally, not below either solver's order).
import * as tf from '@tensorflow/tfjs-core'
import { suggestStepSize, wholeSteps } from '../../../shared/step-grid'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { FixedStepOptions } from './types'

export type DenseKind = 'linear' | 'hermite'

export const DENSE_OUTPUT: Record<FixedStepOptions['solver'], DenseKind> = { euler: 'linear', heun: 'hermite', rk4: 'hermite' }

/** a depth within this many steps of a step end is that step end (rounding of i T / (S - 1)) */
const ON_GRID = 1e-9

/** N = span / h steps, refused (naming integration.stepSize) unless span / h is a whole number up to rounding. */
export function stepCountOf(span: number, h: number): number {
  if (span === 0) return 0
  const n = wholeSteps(span, h)
  if (Number.isNaN(n)) {
    const m = message('steps.notWhole', { depth: span, stepSize: h, steps: Number((span / h).toFixed(3)), suggestion: suggestStepSize(span, h) })
    throw new EngineError('invalid-spec', m, [{ field: 'integration.stepSize', message: m }])
  }
  return n
}

/** A recorded depth on the grid: between step end `step` and the next, `theta` of the way (0: on `step`). */
export interface GridPlace {
  step: number
  theta: number
}

export function planDepths(depths: number[], t0: number, h: number, steps: number): GridPlace[] {
  return depths.map((d) => {
    const u = (d - t0) / h
    const k = Math.round(u)
    if (Math.abs(u - k) <= ON_GRID * Math.max(1, steps)) return { step: Math.min(k, steps), theta: 0 }
    const below = Math.min(Math.floor(u), steps - 1)
    return { step: below, theta: u - below }
  })
}

/** Hermite basis at theta: weights of x_k, h f_k, x_{k+1}, h f_{k+1} */
export function hermiteWeights(theta: number): [number, number, number, number] {
  const t2 = theta * theta
  const t3 = t2 * theta
  return [2 * t3 - 3 * t2 + 1, t3 - 2 * t2 + theta, -2 * t3 + 3 * t2, t3 - t2]
}

/** The position theta of the way through the step from (x, f) to (xNew, fNew); fNew only for Hermite. */
export function denseAt(kind: DenseKind, theta: number, h: number, x: tf.Tensor2D, xNew: tf.Tensor2D, f: tf.Tensor2D, fNew: tf.Tensor2D | null): tf.Tensor2D {
  return tf.tidy((): tf.Tensor2D => {
    if (kind === 'linear' || !fNew) return tf.add(tf.mul(x, 1 - theta), tf.mul(xNew, theta))
    const [a, b, c, d] = hermiteWeights(theta)
    return tf.addN([tf.mul(x, a), tf.mul(f, b * h), tf.mul(xNew, c), tf.mul(fNew, d * h)]) as tf.Tensor2D
  })
}
