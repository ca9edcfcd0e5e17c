// The hand-written layer gradients (dense.ts) and MlpField's folded tanh network against tf's own tape
// on the textbook network written with plain ops (tf.tanh / softplus / x sigmoid(x), matMul, add):
// every parameter (first layer x and t rows and bias, hidden, output) and the input gradient, for a
// narrow input (denseSigmoidPair, transposed-matMul weight gradients) and a wide one (transpose + pack).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import '../../../../electron/engine/training/gradients'
import { createRng } from '../../../../electron/engine/sampling/random'
import { MlpField, type Activation } from '../../../../electron/engine/models/mlp-field'
import { denseLinear, denseSigmoid, denseSigmoidPair, PAIR_MAX_INPUT } from '../../../../electron/engine/models/dense'

let baseline = 0
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
})
afterAll(() => {
  expect(tf.memory().numTensors).toBe(baseline)
})

const relErr = (a: tf.Tensor, b: tf.Tensor): number => {
  const x = a.dataSync()
  const y = b.dataSync()
  expect(x.length).toBe(y.length)
  let diff = 0
  let norm = 0
  for (let i = 0; i < x.length; i++) {
    diff += (x[i] - y[i]) ** 2
    norm += y[i] ** 2
  }
  expect(norm).toBeGreaterThan(0)
  return Math.sqrt(diff / norm)
}

const plainAct: Record<Activation, (z: tf.Tensor2D) => tf.Tensor2D> = {
  tanh: (z) => tf.tanh(z),
  softplus: (z) => tf.softplus(z),
  swish: (z) => tf.mul(z, tf.sigmoid(z))
}

/** the textbook network on MlpField's variables (wx, wt, b1, (w_i, b_i)..., wOut, bOut), plain ops only */
function plainNetwork(m: MlpField, x: tf.Tensor2D, t: number): tf.Tensor2D {
  const v = m.variables
  const act = plainAct[m.config.activation]
  let h = act(tf.add(tf.matMul(x, v[0] as tf.Tensor2D), tf.add(v[2], tf.mul(v[1], tf.scalar(t)))))
  for (let i = 1; i < m.config.hiddenLayers; i++) h = act(tf.add(tf.matMul(h, v[1 + 2 * i] as tf.Tensor2D), v[2 + 2 * i]))
  return tf.add(tf.matMul(h, v[v.length - 2] as tf.Tensor2D), v[v.length - 1])
}

/** gradients of sum(r * field(x)) w.r.t. every variable and x */
function gradsOf(m: MlpField, field: (x: tf.Tensor2D) => tf.Tensor2D, x0: tf.Tensor2D, r: tf.Tensor2D): tf.Tensor[] {
  return tf.tidy(() => {
    const x = tf.variable(x0, true)
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(field(x), r)), [...m.variables, x])
    const out = [...m.variables.map((w) => grads[w.name]), grads[x.name]]
    x.dispose()
    return out
  })
}

describe('hand-written dense gradients equal the tape of the plain network', () => {
  const cases: Array<[Activation, number, number]> = []
  for (const activation of ['tanh', 'softplus', 'swish'] as Activation[]) {
    cases.push([activation, 3, 3]) // narrow input and output: pair op, transposed-matMul weight gradients
    cases.push([activation, 10, 2]) // wide: explicit transpose + packed operand, one hidden layer after the first
  }
  for (const [activation, dim, layers] of cases) {
    it(`${activation}, D = ${dim}, ${layers} hidden layers: every parameter and the input to 1e-4`, () => {
      expect(dim <= PAIR_MAX_INPUT).toBe(dim === 3)
      const m = new MlpField({ dim, width: 16, hiddenLayers: layers, activation }, createRng(dim + layers))
      // nonzero biases and t-weights so their gradients are nontrivial
      const rr = createRng(7)
      m.setWeights(m.getWeights().map((w) => Float32Array.from(w.values, (v) => v + 0.3 * rr.normal())))
      const n = 37
      const x0 = tf.tensor2d(
        Float32Array.from({ length: n * dim }, () => rr.normal()),
        [n, dim]
      )
      const r = tf.tensor2d(
        Float32Array.from({ length: n * dim }, () => rr.normal()),
        [n, dim]
      )
      const t = 0.35
      const ours = gradsOf(m, (x) => m.field()(x, t), x0, r)
      const tape = gradsOf(m, (x) => plainNetwork(m, x, t), x0, r)
      const names = [...m.variables.map((w) => m.shortName(w.name)), 'x']
      names.forEach((name, i) => expect(relErr(ours[i], tape[i]), name).toBeLessThanOrEqual(1e-4))
      tf.dispose([...ours, ...tape, x0, r])
      m.dispose()
    })
  }

  // the layer ops alone, each weight-gradient branch: narrow input, narrow output, both wide
  const shapes: Array<[number, number]> = [
    [3, 20],
    [20, 3],
    [12, 9]
  ]
  for (const [k, m] of shapes) {
    it(`denseLinear / denseSigmoid [n, ${k}] -> [n, ${m}] and denseSigmoidPair equal the tape to 1e-4`, () => {
      const rr = createRng(k * 31 + m)
      const rand = (shape: number[]): tf.Tensor =>
        tf.tensor(
          Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rr.normal()),
          shape
        )
      const n = 29
      const [x, w, b, w2, b2, r, r2] = [rand([n, k]), rand([k, m]), rand([m]), rand([m, 7]), rand([7]), rand([n, m]), rand([n, 7])] as tf.Tensor2D[]
      const grads = (f: (...a: tf.Tensor[]) => tf.Tensor, inputs: tf.Tensor[], weight: tf.Tensor): tf.Tensor[] =>
        tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(f(...a), weight)))(inputs)
      const pairs: Array<[tf.Tensor[], tf.Tensor[]]> = [
        [
          grads((a, c, d) => denseLinear(a as tf.Tensor2D, c as tf.Tensor2D, d as tf.Tensor1D), [x, w, b], r),
          grads((a, c, d) => tf.add(tf.matMul(a, c), d), [x, w, b], r)
        ],
        [
          grads((a, c, d) => denseSigmoid(a as tf.Tensor2D, c as tf.Tensor2D, d as tf.Tensor1D), [x, w, b], r),
          grads((a, c, d) => tf.sigmoid(tf.add(tf.matMul(a, c), d)), [x, w, b], r)
        ],
        [
          grads(
            (a, c, d, e, f) => denseSigmoidPair(a as tf.Tensor2D, c as tf.Tensor2D, d as tf.Tensor1D, e as tf.Tensor2D, f as tf.Tensor1D),
            [x, w, b, w2, b2],
            r2
          ),
          grads((a, c, d, e, f) => tf.sigmoid(tf.add(tf.matMul(tf.sigmoid(tf.add(tf.matMul(a, c), d)), e), f)), [x, w, b, w2, b2], r2)
        ]
      ]
      for (const [ours, tape] of pairs) ours.forEach((g, i) => expect(relErr(g, tape[i])).toBeLessThanOrEqual(1e-4))
      tf.dispose([x, w, b, w2, b2, r, r2, ...pairs.flat(2)])
    })
  }
})
