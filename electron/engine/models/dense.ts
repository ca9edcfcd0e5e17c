// Dense layers with hand-written gradients tuned for the wasm backend. There a matMul packs its
// right-hand [k, m] operand before multiplying (about as slow per MB as a transpose), so a weight
// gradient x^T dz, which contracts over the n rows, packs an [n, *] tensor unless one side is narrow;
// the kernels' transposed-operand path is slow too, except when one side has a handful of columns.
// Forward values are the ordinary x W + b (then sigmoid).
import * as tf from '@tensorflow/tfjs-core'

type Dense = (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D
type DensePair = (x: tf.Tensor2D, w1: tf.Tensor2D, b1: tf.Tensor1D, w2: tf.Tensor2D, b2: tf.Tensor1D) => tf.Tensor2D

/** at most this many columns on one side: the transposed matMul (no packing) is the faster weight gradient */
const NARROW = 4

/**
 * a W (+ b) (then sigmoid) as one kernel. tf.fused.matMul would split it into matMul, add and sigmoid
 * under a gradient tape (three passes over [n, H] instead of one); inside a customGrad forward that
 * split is not needed, since the gradient is ours.
 */
export function fusedDense(a: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D | null, activation: 'linear' | 'sigmoid'): tf.Tensor2D {
  const [n, k] = a.shape
  const m = w.shape[1]
  const inputs: tf.NamedTensorMap = { a: tf.reshape(a, [1, n, k]), b: tf.reshape(w, [1, k, m]) }
  if (bias) inputs.bias = bias
  const out = tf.engine().runKernel('_FusedMatMul', inputs, { transposeA: false, transposeB: false, activation }) as tf.Tensor
  return tf.reshape(out, [n, m])
}

/**
 * dW = x^T dz, and whether dz was packed as a plain matMul's right operand (then 1^T dz reuses that
 * packing). A narrow side takes the transposed matMul, which packs nothing; otherwise x is transposed
 * explicitly and dz packed (the transposed matMul of two wide operands is ~10x slower).
 */
function weightGrad(x: tf.Tensor2D, dz: tf.Tensor2D): { dw: tf.Tensor2D; packed: boolean } {
  if (x.shape[1] <= NARROW || dz.shape[1] <= NARROW) return { dw: tf.matMul(x, dz, true, false), packed: false }
  return { dw: tf.matMul(tf.transpose(x), dz), packed: true }
}

/** db = 1^T dz as a matMul (~10x faster on wasm than tf.sum(dz, 0)), packing dz only when that is cheap or done */
function biasGrad(dz: tf.Tensor2D, packed: boolean): tf.Tensor1D {
  const [n, m] = dz.shape
  const sum = packed || m <= NARROW ? tf.matMul(tf.ones([1, n]), dz) : tf.matMul(tf.ones([n, 1]), dz, true, false)
  return tf.reshape(sum, [m])
}

const inputGrad = (dz: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D => tf.matMul(dz, tf.transpose(w))

/** dy * sigma'(z) from s = sigma(z): sigma' = s - s^2, same-shape ops only (scalar broadcasts are slower) */
const throughSigmoid = (dy: tf.Tensor, s: tf.Tensor2D): tf.Tensor2D => tf.mul(dy, tf.sub(s, tf.square(s))) as tf.Tensor2D

function denseGrads(x: tf.Tensor2D, w: tf.Tensor2D, dz: tf.Tensor2D): tf.Tensor[] {
  const { dw, packed } = weightGrad(x, dz)
  return [inputGrad(dz, w), dw, biasGrad(dz, packed)]
}

/** x W + b */
export const denseLinear: Dense = tf.customGrad((...args: unknown[]) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc]
  save([x, w])
  return {
    value: fusedDense(x, w, b, 'linear'),
    gradFunc: (dy, saved) => denseGrads(saved[0] as tf.Tensor2D, saved[1] as tf.Tensor2D, dy as tf.Tensor2D)
  }
}) as unknown as Dense

/** sigmoid(x W + b), the activation fused into the matMul */
export const denseSigmoid: Dense = tf.customGrad((...args: unknown[]) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc]
  const s = fusedDense(x, w, b, 'sigmoid')
  save([x, w, s])
  return {
    value: s,
    gradFunc: (dy, saved) => {
      const [sx, sw, ss] = saved as tf.Tensor2D[]
      return denseGrads(sx, sw, throughSigmoid(dy, ss))
    }
  }
}) as unknown as Dense

/** input columns up to which denseSigmoidPair recomputes s1^T rather than transposing s1 */
export const PAIR_MAX_INPUT = 8

/**
 * s2 = sigmoid(sigmoid(x W1 + b1) W2 + b2) for a narrow input x [n, D]. The second layer's weight
 * gradient needs s1^T [H, n]: rather than transposing s1, it is recomputed as sigmoid([W1; b1]^T [x, 1]^T),
 * whose packed right operand is the small [D + 1, n] (the same values up to float rounding).
 */
export const denseSigmoidPair: DensePair = tf.customGrad((...args: unknown[]) => {
  const [x, w1, b1, w2, b2, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc]
  const s1 = fusedDense(x, w1, b1, 'sigmoid')
  const s2 = fusedDense(s1, w2, b2, 'sigmoid')
  save([x, w1, b1, w2, s1, s2])
  return {
    value: s2,
    gradFunc: (dy, saved) => {
      const [sx, sw1, sb1, sw2, ss1, ss2] = saved as tf.Tensor2D[]
      const [n, H] = ss1.shape
      const dz2 = throughSigmoid(dy, ss2)
      const w1aug = tf.transpose(tf.concat([sw1, tf.reshape(sb1, [1, H])], 0)) as tf.Tensor2D
      const xaug = tf.concat([tf.transpose(sx), tf.ones([1, n])], 0) as tf.Tensor2D
      const s1T = fusedDense(w1aug, xaug, null, 'sigmoid')
      // dz2 packed once, for its weight and bias gradients
      const dw2 = tf.matMul(s1T, dz2)
      const db2 = biasGrad(dz2, true)
      const first = denseGrads(sx, sw1, throughSigmoid(inputGrad(dz2, sw2), ss1))
      return [...first, dw2, db2]
    }
  }
}) as unknown as DensePair
