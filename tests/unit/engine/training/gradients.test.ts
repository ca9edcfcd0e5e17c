// Backprop through the differentiable solvers: gradients against central finite differences of the
// loss (float64 sums of float32 forward passes), and chunked accumulation against the full batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { MlpField, type Activation } from '../../../../electron/engine/models/mlp-field'
import { lossAndGradients, type Batch, type TrainConfig } from '../../../../electron/engine/training/train-step'
import type { TrainSolver } from '../../../../electron/engine/training/solve'

let baseline = 0
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
})
afterAll(() => {
  expect(tf.memory().numTensors).toBe(baseline)
})

function randomBatch(n: number, dim: number, seed: number): Batch {
  const r = createRng(seed)
  return { x0: Float32Array.from({ length: n * dim }, () => r.normal()), target: Float32Array.from({ length: n * dim }, () => r.normal()), n }
}

function model(activation: Activation, seed = 5): MlpField {
  const m = new MlpField({ dim: 2, width: 8, hiddenLayers: 2, activation }, createRng(seed))
  // nonzero biases and t-weights so their gradients are nontrivial
  const r = createRng(seed + 100)
  m.setWeights(m.getWeights().map((w) => Float32Array.from(w.values, (v) => v + 0.2 * r.normal())))
  return m
}

/** objective = data + lambda * kinetic, as lossAndGradients defines it */
function objective(m: MlpField, batch: Batch, config: TrainConfig): number {
  const { loss, kinetic, grads } = lossAndGradients(m, batch, config)
  tf.dispose(Object.values(grads))
  return loss + (config.kinetic ?? 0) * kinetic
}

describe('backprop through the solver', () => {
  const cases: Array<[TrainSolver, Activation]> = [
    ['euler', 'tanh'],
    ['heun', 'swish'],
    ['rk4', 'tanh'],
    ['rk4', 'softplus']
  ]
  for (const [solver, activation] of cases) {
    it(`${solver}/${activation}: gradient agrees with central differences (rel 1e-2), kinetic term included`, () => {
      const m = model(activation)
      const batch = randomBatch(16, 2, 1)
      const config: TrainConfig = { solver, depth: 1, stepSize: 0.25, kinetic: 0.3 }
      const { grads } = lossAndGradients(m, batch, config)
      const weights = m.getWeights()
      // a few coordinates of every kind of parameter: first layer x and t rows, biases, hidden, output
      const probes: Array<[number, number]> = [
        [0, 3],
        [1, 5],
        [2, 1],
        [3, 17],
        [4, 2],
        [5, 9],
        [6, 1]
      ]
      const eps = 1e-2
      for (const [vi, k] of probes) {
        const variable = m.variables[vi]
        const analytic = grads[variable.name].dataSync()[k]
        const shifted = (delta: number): number => {
          const ws = weights.map((w) => Float32Array.from(w.values))
          ws[vi][k] += delta
          m.setWeights(ws)
          return objective(m, batch, config)
        }
        const fd = (shifted(eps) - shifted(-eps)) / (2 * eps)
        expect(Math.abs(analytic - fd)).toBeLessThanOrEqual(1e-2 * Math.max(Math.abs(fd), 1e-1))
      }
      m.setWeights(weights)
      tf.dispose(Object.values(grads))
      m.dispose()
    })
  }
})

describe('gradient accumulation over chunks', () => {
  it('equals the full-batch gradient (rel 1e-4) and the same loss, for uneven chunks', () => {
    const m = model('tanh', 8)
    const batch = randomBatch(50, 2, 2)
    const base: TrainConfig = { solver: 'rk4', depth: 1, stepSize: 0.2, kinetic: 0.1, weightDecay: 0.01 }
    const full = lossAndGradients(m, batch, { ...base, chunkRows: 1000 })
    const chunked = lossAndGradients(m, batch, { ...base, chunkRows: 7 })
    expect(chunked.loss).toBeCloseTo(full.loss, 5)
    expect(chunked.kinetic).toBeCloseTo(full.kinetic, 5)
    for (const v of m.variables) {
      const a = full.grads[v.name].dataSync()
      const b = chunked.grads[v.name].dataSync()
      let diff = 0
      let norm = 0
      for (let i = 0; i < a.length; i++) {
        diff += (a[i] - b[i]) ** 2
        norm += a[i] ** 2
      }
      expect(Math.sqrt(diff)).toBeLessThanOrEqual(1e-4 * Math.sqrt(norm))
    }
    tf.dispose([...Object.values(full.grads), ...Object.values(chunked.grads)])
    m.dispose()
  })

  it('weight decay adds exactly weightDecay * w to the gradient', () => {
    const m = model('tanh', 9)
    const batch = randomBatch(10, 2, 3)
    const plain = lossAndGradients(m, batch, { solver: 'euler', depth: 1, stepSize: 0.5 })
    const decayed = lossAndGradients(m, batch, { solver: 'euler', depth: 1, stepSize: 0.5, weightDecay: 0.5 })
    const w = m.variables[3]
    const g0 = plain.grads[w.name].dataSync()
    const g1 = decayed.grads[w.name].dataSync()
    const wv = w.dataSync()
    for (let i = 0; i < 5; i++) expect(g1[i]).toBeCloseTo(g0[i] + 0.5 * wv[i], 5)
    tf.dispose([...Object.values(plain.grads), ...Object.values(decayed.grads)])
    // one Euler step from t = 0 never reaches the time weights: they get the decay term alone
    const single = lossAndGradients(m, batch, { solver: 'euler', depth: 1, stepSize: 1, weightDecay: 0.5 })
    const wt = m.variables[1]
    expect(Array.from(single.grads[wt.name].dataSync())).toEqual(Array.from(wt.dataSync(), (v) => Math.fround(0.5 * v)))
    tf.dispose(Object.values(single.grads))
    m.dispose()
  })

  it('the kinetic term of a constant field v = c is T |c|^2', () => {
    const m = new MlpField({ dim: 2, width: 4, hiddenLayers: 1, activation: 'tanh' }, createRng(0))
    m.setWeights(
      m.getWeights().map((p) => (p.name === 'wOut' ? new Float32Array(p.values.length) : p.name === 'bOut' ? Float32Array.from([0.6, -0.8]) : p.values))
    )
    const batch = randomBatch(9, 2, 4)
    const r = lossAndGradients(m, batch, { solver: 'heun', depth: 2, stepSize: 0.25, kinetic: 1 })
    expect(r.kinetic).toBeCloseTo(2 * 1, 5)
    tf.dispose(Object.values(r.grads))
    m.dispose()
  })
})
