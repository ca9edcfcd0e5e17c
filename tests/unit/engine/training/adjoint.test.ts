// The adjoint method against backprop through the solver on a small field: the same loss, and
// parameter gradients agreeing to 1e-3 relative (RK4 and Heun; Euler's continuous adjoint differs from its discrete backprop by O(h)); nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { relDiff } from './grad-compare'
import { MlpField } from '../../../../electron/engine/models/mlp-field'
import { TrainedModel } from '../../../../electron/engine/models/trained-model'
import { adjointGradients } from '../../../../electron/engine/training/adjoint'
import { chunkedGradients } from '../../../../electron/engine/training/objective'
import { solveDifferentiable } from '../../../../electron/engine/training/solve'
import { adjointClassifierGradients } from '../../../../electron/engine/training/tasks/classify'
import { lossAndGradients, type Batch } from '../../../../electron/engine/training/train-step'

beforeAll(async () => {
  await initBackend('wasm')
})

function batch(n: number, seed: number): Batch {
  const r = createRng(seed)
  return { x0: Float32Array.from({ length: 2 * n }, () => r.normal()), target: Float32Array.from({ length: 2 * n }, () => r.normal()), n }
}

describe('adjoint method', () => {
  for (const [solver, stepSize] of [
    ['rk4', 0.05],
    ['heun', 0.05]
  ] as const) {
    it(`${solver}: gradients agree with backprop through the solver to 1e-3 relative`, () => {
      const baseline = tf.memory().numTensors
      const m = new MlpField({ dim: 2, width: 8, hiddenLayers: 2, activation: 'tanh' }, createRng(3))
      const r = createRng(4)
      m.setWeights(m.getWeights().map((w) => Float32Array.from(w.values, (v) => v + 0.2 * r.normal())))
      const b = batch(32, 1)
      const config = { solver, depth: 1, stepSize } as const
      const bp = lossAndGradients(m, b, { ...config, measureKinetic: false })
      const adj = adjointGradients(m, b, config)
      expect(adj.loss).toBeCloseTo(bp.loss, 5)
      const rel = relDiff(m.variables, adj.grads, bp.grads)
      console.log(solver, 'relative gradient difference', rel)
      expect(rel).toBeLessThan(1e-3)
      expect(m.variables.some((v) => bp.grads[v.name].dataSync().some((g) => g !== 0))).toBe(true)
      tf.dispose([...Object.values(bp.grads), ...Object.values(adj.grads)])
      m.dispose()
      expect(tf.memory().numTensors).toBe(baseline)
    })
  }
})

describe('adjoint method for the classifier (field and softmax head)', () => {
  it('cross-entropy gradients agree with backprop through RK4 to 1e-3 relative', () => {
    const baseline = tf.memory().numTensors
    const model = new TrainedModel(
      {
        kind: 'neural-ode',
        task: 'classify',
        dataDim: 2,
        augment: 0,
        field: { dim: 2, width: 8, hiddenLayers: 2, activation: 'tanh' },
        fields: 1,
        solver: 'rk4',
        depth: 1,
        stepSize: 0.1,
        classes: ['a', 'b', 'c']
      },
      createRng(2)
    )
    const r = createRng(5)
    const n = 40
    const x = Float32Array.from({ length: 2 * n }, () => r.normal())
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3)
    const cfg = { solver: 'rk4', depth: 1, stepSize: 0.1 } as const
    const vars = model.variablesOf(0)
    const bp = chunkedGradients(vars, n, 4096, () => {
      const { xT } = solveDifferentiable((z, t) => model.fields[0].forward(z, t), tf.tensor2d(x, [n, 2]), 1, 10, 'rk4', false)
      const ce = tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), tf.logSoftmax(model.logits(xT))), 1))) as tf.Scalar
      return { objective: ce, data: ce }
    })
    const adj = adjointClassifierGradients(model, x, labels, n, cfg)
    expect(adj.loss).toBeCloseTo(bp.loss, 5)
    expect(relDiff(vars, adj.grads, bp.grads)).toBeLessThan(1e-3)
    tf.dispose([...Object.values(bp.grads), ...Object.values(adj.grads)])
    model.dispose()
    expect(tf.memory().numTensors).toBe(baseline)
  })
})
