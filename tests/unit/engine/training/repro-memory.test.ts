// Reproducibility (same seed -> identical loss curve and weights on one backend), seeded minibatches,
// and the tensor count back at its baseline after training, after dispose and after failing steps.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { EngineError } from '../../../../electron/engine/errors'
import { createRng } from '../../../../electron/engine/sampling/random'
import { MlpField } from '../../../../electron/engine/models/mlp-field'
import { runEpochs } from '../../../../electron/engine/training/epochs'
import { gatherRows, shuffledIndices } from '../../../../electron/engine/training/minibatch'
import { createOptimizer, trainStep, type Batch } from '../../../../electron/engine/training/train-step'
import { trainMseEpochs, type MseEpochOptions } from './mse-epochs'

beforeAll(async () => {
  await initBackend('wasm')
})

function dataset(n: number, seed: number): Batch {
  const r = createRng(seed)
  const x0 = Float32Array.from({ length: n * 2 }, () => r.normal())
  // a rotation by 90 degrees: a target a flow can reach
  const target = new Float32Array(n * 2)
  for (let i = 0; i < n; i++) {
    target[2 * i] = -x0[2 * i + 1]
    target[2 * i + 1] = x0[2 * i]
  }
  return { x0, target, n }
}

const options: MseEpochOptions = {
  solver: 'rk4',
  depth: 1,
  stepSize: 0.5,
  kinetic: 0.01,
  weightDecay: 1e-4,
  chunkRows: 48,
  optimizer: { kind: 'adam', learningRate: 0.01 },
  epochs: 3,
  batchSize: 64
}

async function run(seed: number): Promise<{ losses: number[]; kinetic: number[]; weights: Float32Array[] }> {
  const rng = createRng(seed)
  const m = new MlpField({ dim: 2, width: 12, hiddenLayers: 2, activation: 'tanh' }, rng)
  const reports = await trainMseEpochs(m, dataset(128, 3), options, rng)
  const weights = m.getWeights().map((w) => w.values)
  m.dispose()
  return { losses: reports.map((r) => r.trainLoss), kinetic: reports.map((r) => r.kinetic ?? NaN), weights }
}

describe('reproducibility', () => {
  it('the same seed gives the identical loss curve and weights; another seed does not', async () => {
    const a = await run(7)
    const b = await run(7)
    const c = await run(8)
    expect(a.losses).toEqual(b.losses)
    expect(a.kinetic).toEqual(b.kinetic)
    a.weights.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(b.weights[i])))
    expect(a.losses).not.toEqual(c.losses)
    // it is actually training: the loss falls
    expect(a.losses[2]).toBeLessThan(a.losses[0])
    expect(a.kinetic.every((k) => k > 0)).toBe(true)
  })

  it('minibatches are a seeded permutation covering every row once', async () => {
    const p = shuffledIndices(100, createRng(1))
    expect(Array.from(p).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(Array.from(p)).toEqual(Array.from(shuffledIndices(100, createRng(1))))
    expect(Array.from(p)).not.toEqual(Array.from(shuffledIndices(100, createRng(2))))
    // the epoch loop cuts a shuffled order into batches; gathered rows stay paired with their targets
    const data = dataset(10, 1)
    const sizes: number[] = []
    await runEpochs({
      epochs: 1,
      batchSize: 4,
      nTrain: data.n,
      rng: createRng(3),
      nfeOf: () => 0,
      step: (rows) => {
        sizes.push(rows.length)
        const x0 = gatherRows(data.x0, 2, rows)
        const target = gatherRows(data.target, 2, rows)
        for (let i = 0; i < rows.length; i++) expect(target[2 * i + 1]).toBe(x0[2 * i])
        return { loss: 0, kinetic: 0 }
      }
    })
    expect(sizes).toEqual([4, 4, 2])
  })
})

describe('memory', () => {
  it('numTensors returns to baseline after training steps, optimizer and model dispose (Adam and SGD)', async () => {
    const baseline = tf.memory().numTensors
    for (const kind of ['adam', 'sgd'] as const) {
      const rng = createRng(1)
      const m = new MlpField({ dim: 2, width: 8, hiddenLayers: 2, activation: 'swish' }, rng)
      const opt = createOptimizer({ kind, learningRate: 0.01 })
      const batch = dataset(30, 2)
      trainStep(m, opt, batch, { solver: 'heun', depth: 1, stepSize: 0.5, chunkRows: 8 })
      const afterFirst = tf.memory().numTensors
      trainStep(m, opt, batch, { solver: 'heun', depth: 1, stepSize: 0.5, chunkRows: 8 })
      // optimizer state is created once; steps themselves leave nothing behind
      expect(tf.memory().numTensors).toBe(afterFirst)
      opt.dispose()
      m.dispose()
    }
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('a step whose loss is not finite throws blow-up, leaves weights untouched and leaks nothing', () => {
    const m = new MlpField({ dim: 2, width: 8, hiddenLayers: 1, activation: 'tanh' }, createRng(1))
    const opt = createOptimizer({ kind: 'adam', learningRate: 0.01 })
    const batch = dataset(20, 2)
    trainStep(m, opt, batch, { solver: 'euler', depth: 1, stepSize: 0.5 })
    const before = m.getWeights().map((w) => Array.from(w.values))
    const baseline = tf.memory().numTensors
    const bad = { ...batch, target: batch.target.map((v, i) => (i === 3 ? Number.NaN : v)) }
    expect(() => trainStep(m, opt, bad, { solver: 'euler', depth: 1, stepSize: 0.5, chunkRows: 7 })).toThrow(EngineError)
    expect(tf.memory().numTensors).toBe(baseline)
    m.getWeights().forEach((w, i) => expect(Array.from(w.values)).toEqual(before[i]))
    opt.dispose()
    m.dispose()
  })

  it('a forward pass that throws in a later chunk leaks nothing (accumulated gradients are freed)', () => {
    class FailingField extends MlpField {
      calls = 0
      // training evaluates the field through field() (folded weights once per chunk, then one call per stage)
      override field(): (x: tf.Tensor2D, t: number) => tf.Tensor2D {
        const f = super.field()
        return (x, t) => {
          if (++this.calls > 3) throw new Error('boom')
          return f(x, t)
        }
      }
    }
    const m = new FailingField({ dim: 2, width: 8, hiddenLayers: 2, activation: 'tanh' }, createRng(1))
    const opt = createOptimizer({ kind: 'sgd', learningRate: 0.01 })
    const baseline = tf.memory().numTensors
    // 2 steps per chunk: chunk 1 succeeds, chunk 2 fails in its second forward call
    expect(() => trainStep(m, opt, dataset(20, 2), { solver: 'euler', depth: 1, stepSize: 0.5, chunkRows: 10 })).toThrow('boom')
    expect(tf.memory().numTensors).toBe(baseline)
    opt.dispose()
    m.dispose()
  })

  it('a hook that throws (cancel) stops training within one batch and frees the optimizer state', async () => {
    const m = new MlpField({ dim: 2, width: 8, hiddenLayers: 1, activation: 'tanh' }, createRng(1))
    const baseline = tf.memory().numTensors
    const seen: Array<[number, number]> = []
    const cancel = new Error('cancelled')
    await expect(
      trainMseEpochs(
        m,
        dataset(40, 2),
        {
          ...options,
          epochs: 5,
          batchSize: 10,
          onBatch: (e, b) => {
            seen.push([e, b])
            if (seen.length === 6) throw cancel
          }
        },
        createRng(2)
      )
    ).rejects.toBe(cancel)
    expect(seen).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 0],
      [1, 1]
    ])
    expect(tf.memory().numTensors).toBe(baseline)
    m.dispose()
  })

  it('rejects a depth that is not a whole number of steps, and mis-sized batches', () => {
    const m = new MlpField({ dim: 2, width: 4, hiddenLayers: 1, activation: 'tanh' }, createRng(1))
    const opt = createOptimizer({ kind: 'sgd', learningRate: 0.1 })
    const baseline = tf.memory().numTensors
    expect(() => trainStep(m, opt, dataset(4, 1), { solver: 'euler', depth: 1, stepSize: 0.3 })).toThrow(RangeError)
    expect(() => trainStep(m, opt, { ...dataset(4, 1), n: 5 }, { solver: 'euler', depth: 1, stepSize: 0.5 })).toThrow(RangeError)
    expect(tf.memory().numTensors).toBe(baseline)
    opt.dispose()
    m.dispose()
  })
})
