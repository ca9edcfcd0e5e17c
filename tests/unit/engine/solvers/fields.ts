// Test velocity fields with known solutions, written directly against the VelocityField interface.
import { tf } from '../../../../electron/engine/backend'
import type { VelocityField } from '../../../../electron/engine/flows/types'

/** v = x^3: x(t) = x0 / sqrt(1 - 2 x0^2 t), which blows up at t = 1 / (2 x0^2) */
export function cubicField(counter?: { calls: number }): VelocityField {
  return {
    dim: 1,
    referenceRows: 0,
    velocity: (x) => {
      if (counter) counter.calls++
      return tf.pow(x, 3) as tf.Tensor2D
    },
    dispose: () => {}
  }
}

/** v = -x / (1 - 2t): the continuous DAE of N(0, 1), counting its calls */
export function normalDaeField(counter: { calls: number }): VelocityField {
  return {
    dim: 1,
    referenceRows: 0,
    velocity: (x, t) => {
      counter.calls++
      return tf.mul(x, -1 / (1 - 2 * t)) as tf.Tensor2D
    },
    dispose: () => {}
  }
}

/** returns NaN from depth `from` on */
export function nanField(from: number): VelocityField {
  return {
    dim: 1,
    referenceRows: 0,
    velocity: (x, t) => (t >= from ? tf.mul(x, NaN) : tf.mul(x, -1)) as tf.Tensor2D,
    dispose: () => {}
  }
}

/** least-squares slope of log(err) against log(h) */
export function logLogSlope(hs: number[], errs: number[]): number {
  const xs = hs.map(Math.log)
  const ys = errs.map(Math.log)
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let num = 0
  let den = 0
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my)
    den += (x - mx) ** 2
  })
  return num / den
}
