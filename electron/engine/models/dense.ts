// Dense layers with hand-written gradients tuned for the wasm backend, where the built-in fused
// matMul gradient (transposed matMuls) and tanh are an order of magnitude slower than plain matMul,
// explicit transposes and sigmoid. Forward values are the ordinary x W + b (then sigmoid).
import * as tf from '@tensorflow/tfjs-core'

type Dense = (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D

// dW = x^T dz with an explicit transpose (on wasm matMul(x, dz, transposeA) is far slower), of
// whichever of the two [n, *] operands is narrower: (dz^T x)^T for the [n, 64] -> [n, 3] output layer
const weightGrad = (x: tf.Tensor2D, dz: tf.Tensor2D): tf.Tensor2D =>
  x.shape[1] <= dz.shape[1] ? tf.matMul(tf.transpose(x), dz) : (tf.transpose(tf.matMul(tf.transpose(dz), x)) as tf.Tensor2D)
const inputGrad = (dz: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D => tf.matMul(dz, tf.transpose(w))
// db = 1^T dz as a [1, n] x [n, k] matMul: ~10x faster on wasm than tf.sum(dz, 0)
const biasGrad = (dz: tf.Tensor2D): tf.Tensor1D => tf.reshape(tf.matMul(tf.ones([1, dz.shape[0]]), dz), [dz.shape[1]])

/** x W + b */
export const denseLinear: Dense = tf.customGrad((...args: unknown[]) => {
  const [x, w, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc]
  const xx = x as tf.Tensor2D
  const ww = w as tf.Tensor2D
  save([xx, ww])
  return {
    value: tf.fused.matMul({ a: xx, b: ww, bias: b }),
    gradFunc: (dy, saved) => {
      const [sx, sw] = saved as [tf.Tensor2D, tf.Tensor2D]
      const dz = dy as tf.Tensor2D
      return [inputGrad(dz, sw), weightGrad(sx, dz), biasGrad(dz)]
    }
  }
}) as unknown as Dense

/** sigmoid(x W + b), the activation fused into the matMul */
export const denseSigmoid: Dense = tf.customGrad((...args: unknown[]) => {
  const [x, w, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc]
  const xx = x as tf.Tensor2D
  const ww = w as tf.Tensor2D
  const s = tf.fused.matMul({ a: xx, b: ww, bias: b, activation: 'sigmoid' })
  save([xx, ww, s])
  return {
    value: s,
    gradFunc: (dy, saved) => {
      const [sx, sw, ss] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D]
      // sigma' = s - s^2: same-shape ops only (no scalar broadcast)
      const dz = tf.mul(dy, tf.sub(ss, tf.square(ss))) as tf.Tensor2D
      return [inputGrad(dz, sw), weightGrad(sx, dz), biasGrad(dz)]
    }
  }
}) as unknown as Dense
