// Empirical DAE: the continuous DAE of a particle cloud, with the score estimated by Nadaraya-Watson
// on a reference sample of the current cloud: v(x) = (NW_h(x) - x) / h, the reference being the
// first R rows of every batch (the runner prepends the reference particles to each chunk).
import * as tf from '@tensorflow/tfjs-core'
import { EngineError } from '../errors'
import type { VelocityField } from './types'
import { message } from '../../../shared/messages'

/** cap on the entries of one kernel block (rows x R), so memory stays bounded for any N */
const KERNEL_BLOCK = 1 << 22

/** sum_i y_i k_i(x) / sum_j k_j(x) with k_i(x) = exp(-|x - y_i|^2 / 2h), for x [n, D], y [R, D]. */
export function nadarayaWatson(x: tf.Tensor2D, y: tf.Tensor2D, h: number): tf.Tensor2D {
  // -|x - y|^2 / 2h = (x/h).y - |y|^2/2h - |x|^2/2h; the last term is constant per row and cancels in the
  // normalisation, the middle one rides as the fused bias of one matMul, and softmax subtracts the row
  // max (log-sum-exp) so nothing overflows
  const bias = tf.mul(tf.sum(tf.square(y), 1), -0.5 / h)
  // y^T explicitly: tfjs-backend-wasm 4.22 adds the fused bias wrongly when transposeB is set
  const yT = tf.transpose(y)
  const block = (xb: tf.Tensor2D): tf.Tensor2D => {
    const logits = tf.fused.matMul({ a: tf.mul(xb, 1 / h), b: yT, bias }) as tf.Tensor2D
    return tf.matMul(tf.softmax(logits) as tf.Tensor2D, y)
  }
  const n = x.shape[0]
  const rows = Math.max(1, Math.floor(KERNEL_BLOCK / y.shape[0]))
  if (n <= rows) return block(x)
  const parts: tf.Tensor2D[] = []
  for (let r = 0; r < n; r += rows) {
    const m = Math.min(rows, n - r)
    parts.push(tf.tidy(() => block(tf.slice(x, [r, 0], [m, x.shape[1]]))))
  }
  const out = tf.concat(parts, 0)
  parts.forEach((p) => p.dispose())
  return out
}

export function empiricalDaeField(dim: number, bandwidth: number, referenceSize: number): VelocityField {
  return {
    dim,
    referenceRows: referenceSize,
    recipe: { kind: 'empirical-dae', dim, bandwidth, referenceSize },
    velocity: (x: tf.Tensor2D, _t: number) => {
      if (x.shape[0] < referenceSize)
        throw new EngineError('internal', message('engine.empiricalReferenceRows', { reference: referenceSize, rows: x.shape[0] }))
      const y = tf.slice(x, [0, 0], [referenceSize, dim])
      return tf.div(tf.sub(nadarayaWatson(x, y, bandwidth), x), bandwidth)
    },
    dispose: () => {}
  }
}
