// MlpField: forward values against a hand-written float64 MLP on [x, t] (all activations), seeded
// glorot init, weight round trip, integration as a VelocityField, and disposal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { MlpField, type Activation, type NamedWeights } from '../../../../electron/engine/models/mlp-field'
import { integrate } from '../../../../electron/engine/solvers/integrate'

beforeAll(async () => {
  await initBackend('wasm')
})

const act: Record<Activation, (z: number) => number> = {
  tanh: Math.tanh,
  softplus: (z) => Math.log1p(Math.exp(z)),
  swish: (z) => z / (1 + Math.exp(-z))
}

/** The textbook network: h = act([x, t] W1 + b1), ..., v = h Wout + bOut, in float64. */
function reference(weights: NamedWeights[], activation: Activation, x: number[], t: number): number[] {
  const get = (name: string): NamedWeights => weights.find((w) => w.name === name) as NamedWeights
  const dense = (input: number[], w: NamedWeights, b: NamedWeights): number[] => {
    const [rows, cols] = w.shape
    return Array.from({ length: cols }, (_, j) => {
      let s = b.values[j]
      for (let i = 0; i < rows; i++) s += input[i] * w.values[i * cols + j]
      return s
    })
  }
  const wx = get('wx')
  const wt = get('wt')
  const H = wx.shape[1]
  let h = dense(x, wx, get('b1')).map((z, j) => act[activation](z + t * wt.values[j]))
  for (let l = 2; weights.some((w) => w.name === `w${l}`); l++) h = dense(h, get(`w${l}`), get(`b${l}`)).map(act[activation])
  expect(h).toHaveLength(H)
  return dense(h, get('wOut'), get('bOut'))
}

describe('MlpField', () => {
  let baseline = 0
  beforeAll(() => {
    baseline = tf.memory().numTensors
  })
  afterAll(() => {
    expect(tf.memory().numTensors).toBe(baseline)
  })

  for (const activation of ['tanh', 'softplus', 'swish'] as Activation[]) {
    it(`forward matches a float64 reference MLP on [x, t] (${activation}, 3 hidden layers, nonzero biases)`, () => {
      const model = new MlpField({ dim: 3, width: 7, hiddenLayers: 3, activation }, createRng(4))
      const r = createRng(9)
      // nonzero biases and t-weights so every term of the folded tanh form is exercised
      model.setWeights(model.getWeights().map((w) => Float32Array.from(w.values, (v) => v + 0.3 * r.normal())))
      const weights = model.getWeights()
      const xs = [
        [0.5, -1.2, 2],
        [0, 0, 0],
        [-3, 1, 0.25]
      ]
      for (const t of [0, 0.37, 1.5]) {
        const got = tf.tidy(() => model.forward(tf.tensor2d(xs), t).arraySync())
        xs.forEach((x, i) => {
          const want = reference(weights, activation, x, t)
          for (let d = 0; d < 3; d++) expect(got[i][d]).toBeCloseTo(want[d], 4)
        })
      }
      model.dispose()
    })
  }

  it('snapshot() integrates exactly like the live model and is unaffected by later weight changes', async () => {
    for (const activation of ['tanh', 'swish'] as Activation[]) {
      const model = new MlpField({ dim: 2, width: 6, hiddenLayers: 2, activation }, createRng(6))
      const r = createRng(10)
      model.setWeights(model.getWeights().map((w) => Float32Array.from(w.values, (v) => v + 0.3 * r.normal())))
      const snap = model.snapshot()
      const x0 = tf.tensor2d([
        [0.3, -0.7],
        [1.5, 0.2],
        [-2, 1]
      ])
      const live = await integrate(model, x0, [0, 1], { solver: 'rk4', stepSize: 0.1 })
      model.setWeights(model.getWeights().map((w) => new Float32Array(w.values.length)))
      const frozen = await integrate(snap, x0, [0, 1], { solver: 'rk4', stepSize: 0.1 })
      const a = live.positions[1].dataSync()
      const b = frozen.positions[1].dataSync()
      for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 4)
      // and the live (now zero) model really changed
      expect(Math.abs(a[0] - 0.3)).toBeGreaterThan(1e-3)
      tf.dispose([x0, ...live.positions, ...frozen.positions])
      snap.dispose()
      model.dispose()
    }
  })

  it('initialises glorot-uniform from the seed with zero biases, reproducibly', () => {
    const a = new MlpField({ dim: 2, width: 32, hiddenLayers: 2, activation: 'tanh' }, createRng(1))
    const b = new MlpField({ dim: 2, width: 32, hiddenLayers: 2, activation: 'tanh' }, createRng(1))
    const c = new MlpField({ dim: 2, width: 32, hiddenLayers: 2, activation: 'tanh' }, createRng(2))
    const wa = a.getWeights()
    expect(wa.map((w) => w.name)).toEqual(['wx', 'wt', 'b1', 'w2', 'b2', 'wOut', 'bOut'])
    expect(a.parameterCount).toBe(2 * 32 + 32 + 32 + 32 * 32 + 32 + 32 * 2 + 2)
    wa.forEach((w, i) => expect(Array.from(w.values)).toEqual(Array.from(b.getWeights()[i].values)))
    expect(Array.from(wa[3].values)).not.toEqual(Array.from(c.getWeights()[3].values))
    for (const name of ['b1', 'b2', 'bOut']) expect(wa.find((w) => w.name === name)?.values.every((v) => v === 0)).toBe(true)
    const limit = Math.sqrt(6 / (32 + 32))
    const w2 = wa[3].values
    expect(Math.max(...w2.map(Math.abs))).toBeLessThanOrEqual(limit)
    // uniform on [-limit, limit]: variance limit^2 / 3 (1024 draws: 10% tolerance is > 4 sigma)
    const variance = w2.reduce((s, v) => s + v * v, 0) / w2.length
    expect(variance / ((limit * limit) / 3)).toBeGreaterThan(0.9)
    expect(variance / ((limit * limit) / 3)).toBeLessThan(1.1)
    a.dispose()
    b.dispose()
    c.dispose()
  })

  it('integrates as a VelocityField: a field with zero output weights keeps points fixed, and setWeights round-trips', async () => {
    const model = new MlpField({ dim: 2, width: 4, hiddenLayers: 1, activation: 'tanh' }, createRng(3))
    const w = model.getWeights()
    // v(x, t) = bOut constant: x_T = x0 + T * bOut exactly
    model.setWeights(w.map((p) => (p.name === 'wOut' ? new Float32Array(p.values.length) : p.name === 'bOut' ? Float32Array.from([0.5, -1]) : p.values)))
    const x0 = tf.tensor2d([
      [1, 2],
      [3, 4]
    ])
    const r = await integrate(model, x0, [0, 2], { solver: 'rk4', stepSize: 0.25 })
    const xT = r.positions[1].arraySync()
    expect(xT[0][0]).toBeCloseTo(2, 5)
    expect(xT[1][1]).toBeCloseTo(2, 5)
    tf.dispose([x0, ...r.positions])
    expect(() => model.setWeights([new Float32Array(1)])).toThrow(RangeError)
    model.dispose()
    const probe = tf.zeros([1, 2]) as tf.Tensor2D
    expect(() => model.forward(probe, 0)).toThrow(/dispose/)
    probe.dispose()
  })

  it('rejects bad sizes', () => {
    expect(() => new MlpField({ dim: 2, width: 4, hiddenLayers: 0, activation: 'tanh' }, createRng(0))).toThrow(RangeError)
    expect(() => new MlpField({ dim: 0, width: 4, hiddenLayers: 1, activation: 'tanh' }, createRng(0))).toThrow(RangeError)
  })
})
