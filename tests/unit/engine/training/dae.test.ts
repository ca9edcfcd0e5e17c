// The shallow DAE test: x ~ N(0, 1), x~ = x + eps with eps ~ N(0, t), t = 0.5, MSE to the
// clean x. The network is the flow's one Euler step of size 1 from depth 0, g(x~) = x~ + v(x~, 0), so
// the MLP itself learns the residual; the optimum is E[x | x~] = x~ / (1 + t) for standard Gaussian data with noise variance t.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { MlpField } from '../../../../electron/engine/models/mlp-field'
import { trainMseEpochs } from './mse-epochs'

beforeAll(async () => {
  await initBackend('wasm')
})

describe('shallow DAE', () => {
  it('learns x / (1 + t) on N(0, 1) with t = 0.5: mean absolute error <= 0.05 on a grid over [-2, 2]', async () => {
    const t = 0.5
    const n = 16384
    const rng = createRng(11)
    const data = rng.fork('data')
    const clean = new Float32Array(n)
    const noisy = new Float32Array(n)
    for (let i = 0; i < n; i++) {
      clean[i] = data.normal()
      noisy[i] = clean[i] + Math.sqrt(t) * data.normal()
    }
    const baseline = tf.memory().numTensors
    const model = new MlpField({ dim: 1, width: 16, hiddenLayers: 1, activation: 'tanh' }, rng)
    const reports = await trainMseEpochs(
      model,
      { x0: noisy, target: clean, n },
      { solver: 'euler', depth: 1, stepSize: 1, optimizer: { kind: 'adam', learningRate: 0.005 }, epochs: 10, batchSize: 512 },
      rng
    )
    // the Bayes risk of this problem is Var(x | x~) = t / (1 + t) = 1/3; the loss must get close to it
    expect(reports.at(-1)?.trainLoss).toBeLessThan(1 / 3 + 0.02)
    const grid = Array.from({ length: 41 }, (_, i) => -2 + i * 0.1)
    const g = tf.tidy(() => {
      const x = tf.tensor2d(grid, [grid.length, 1])
      return tf.add(x, model.forward(x, 0)).dataSync()
    })
    const mae = grid.reduce((s, x, i) => s + Math.abs(g[i] - x / (1 + t)), 0) / grid.length
    expect(mae).toBeLessThanOrEqual(0.05)
    model.dispose()
    expect(tf.memory().numTensors).toBe(baseline)
  })
})
