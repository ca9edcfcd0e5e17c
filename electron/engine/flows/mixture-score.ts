// Batched score grad log p(x) of a Gaussian mixture sum_k w_k N(m_k, C_k) for x [n, D], written as a
// few 2-D matMuls with fused biases and same-shape elementwise ops: on the wasm backend broadcasting,
// tile, concat and slice are 10-100x slower than those. Constants (precisions, log-dets) are computed
// per call in float64 JS, since the depth t is one scalar per call.
import * as tf from '@tensorflow/tfjs-core'
import type { Matrix } from '../../../shared/matrix'
import { spdInverse } from '../sampling/linalg'
import { message } from '../../../shared/messages'

/** Everything is laid out per component block: column k*D + j is coordinate j of component k. */
export interface MixtureConstants {
  readonly k: number
  readonly dim: number
  /** [D, K*D]: -P_k side by side, P_k = C_k^-1 (symmetric, so x P_k = (P_k x)^T) */
  readonly negPrecisions: Float32Array
  /** [K*D]: P_k m_k, so that x (-P) + bias = -P_k (x - m_k) = u_k */
  readonly precisionMeans: Float32Array
  /** [D, K*D]: the identity repeated K times, with bias -m_k: x R - m = x - m_k per block */
  readonly repeat: Float32Array
  readonly negMeans: Float32Array
  /** [K*D, K] (K > 2) or [K*D, 1] (K = 2): sums each block of (x - m_k) * u_k into 0.5 x the quadratic form */
  readonly logitWeights: Float32Array
  /** [K] or [1]: log w_k - 0.5 log det C_k (K = 2: component 1 minus component 0) */
  readonly logitBias: Float32Array
  /** [K, K*D]: spreads gamma_k over block k (K > 2) */
  readonly spread: Float32Array
  /** [K*D, D]: sums the blocks */
  readonly gather: Float32Array
}

export function mixtureConstants(weights: number[], means: number[][], covariances: Matrix[], smoothed = false): MixtureConstants {
  const k = weights.length
  const dim = means[0].length
  const kd = k * dim
  const negPrecisions = new Float32Array(dim * kd)
  const precisionMeans = new Float32Array(kd)
  const repeat = new Float32Array(dim * kd)
  const negMeans = new Float32Array(kd)
  const logits0: number[] = []
  const spread = new Float32Array(k * kd)
  const gather = new Float32Array(kd * dim)
  covariances.forEach((c, kk) => {
    const { inverse, logDet } = spdInverse(c, message(smoothed ? 'engine.smoothedCovarianceOfComponent' : 'engine.covarianceOfComponent', { k: kk }))
    for (let i = 0; i < dim; i++) {
      let b = 0
      for (let j = 0; j < dim; j++) {
        negPrecisions[i * kd + kk * dim + j] = -inverse[i][j]
        b += inverse[i][j] * means[kk][j]
      }
      precisionMeans[kk * dim + i] = b
      repeat[i * kd + kk * dim + i] = 1
      negMeans[kk * dim + i] = -means[kk][i]
      spread[kk * kd + kk * dim + i] = 1
      gather[(kk * dim + i) * dim + i] = 1
    }
    logits0.push(Math.log(weights[kk]) - 0.5 * logDet)
  })
  // (x - m_k) . u_k = -(x - m_k)^T P_k (x - m_k), so the log-density logit is +0.5 of the block sum
  let logitWeights: Float32Array
  let logitBias: Float32Array
  if (k === 2) {
    // two components: gamma_1 = sigmoid(logit_1 - logit_0), no softmax needed
    logitWeights = new Float32Array(kd)
    for (let i = 0; i < dim; i++) {
      logitWeights[i] = -0.5
      logitWeights[dim + i] = 0.5
    }
    logitBias = Float32Array.of(logits0[1] - logits0[0])
  } else {
    logitWeights = new Float32Array(kd * k)
    for (let kk = 0; kk < k; kk++) for (let i = 0; i < dim; i++) logitWeights[(kk * dim + i) * k + kk] = 0.5
    logitBias = Float32Array.from(logits0)
  }
  return { k, dim, negPrecisions, precisionMeans, repeat, negMeans, logitWeights, logitBias, spread, gather }
}

/** grad log p(x) for x [n, D]; call inside tf.tidy (creates temporaries). */
export function mixtureScore(x: tf.Tensor2D, c: MixtureConstants): tf.Tensor2D {
  const { k, dim } = c
  const kd = k * dim
  // u_k = -P_k (x - m_k) for every k: [n, K*D]
  const u = tf.fused.matMul({ a: x, b: tf.tensor2d(c.negPrecisions, [dim, kd]), bias: tf.tensor1d(c.precisionMeans) }) as tf.Tensor2D
  if (k === 1) return u
  const diff = tf.fused.matMul({ a: x, b: tf.tensor2d(c.repeat, [dim, kd]), bias: tf.tensor1d(c.negMeans) })
  const quad = tf.mul(diff, u)
  let gammaSpread: tf.Tensor2D
  if (k === 2) {
    // sigmoid saturates cleanly for large |logit difference|: no overflow in float32
    const z = tf.fused.matMul({ a: quad, b: tf.tensor2d(c.logitWeights, [kd, 1]), bias: tf.tensor1d(c.logitBias) })
    const g1 = tf.sigmoid(z)
    // [1 - g1 repeated D times, g1 repeated D times]
    const w = new Float32Array(kd).map((_, i) => (i < dim ? -1 : 1))
    const b = new Float32Array(kd).map((_, i) => (i < dim ? 1 : 0))
    gammaSpread = tf.fused.matMul({ a: g1, b: tf.tensor2d(w, [1, kd]), bias: tf.tensor1d(b) }) as tf.Tensor2D
  } else {
    const logits = tf.fused.matMul({ a: quad, b: tf.tensor2d(c.logitWeights, [kd, k]), bias: tf.tensor1d(c.logitBias) })
    // softmax subtracts the row max first (log-sum-exp), so float32 never overflows here
    const gamma = tf.softmax(logits) as tf.Tensor2D
    gammaSpread = tf.matMul(gamma, tf.tensor2d(c.spread, [k, kd]))
  }
  return tf.matMul(tf.mul(gammaSpread, u) as tf.Tensor2D, tf.tensor2d(c.gather, [kd, dim]))
}
