// The adjoint method with the RNODE kinetic running cost (lambda_K > 0) against backprop through the
// solver on small fields: the same kinetic value and parameter gradients agreeing to 1e-3 relative,
// for the MSE objective and the classifier; the kinetic share of the gradient is checked to be large.
// A short classifier training with the adjoint ends within 3% of the backprop run's loss.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { relDiff } from './grad-compare'
import { MlpField } from '../../../../electron/engine/models/mlp-field'
import { TrainedModel } from '../../../../electron/engine/models/trained-model'
import { adjointGradients } from '../../../../electron/engine/training/adjoint'
import { chunkedGradients } from '../../../../electron/engine/training/objective'
import { solveDifferentiable } from '../../../../electron/engine/training/solve'
import { adjointClassifierGradients, trainClassifier } from '../../../../electron/engine/training/tasks/classify'
import { TrainingSpecSchema } from '../../../../shared/experiment'
import { lossAndGradients } from '../../../../electron/engine/training/train-step'

beforeAll(async () => {
  await initBackend('wasm')
})

describe('adjoint method with the kinetic term', () => {
  it('MSE + lambda_K kinetic: gradients agree with backprop through RK4 to 1e-3 relative', () => {
    const baseline = tf.memory().numTensors
    const m = new MlpField({ dim: 2, width: 8, hiddenLayers: 2, activation: 'tanh' }, createRng(3))
    const r = createRng(4)
    m.setWeights(m.getWeights().map((w) => Float32Array.from(w.values, (v) => v + 0.2 * r.normal())))
    const n = 32
    const b = { x0: Float32Array.from({ length: 2 * n }, () => r.normal()), target: Float32Array.from({ length: 2 * n }, () => r.normal()), n }
    const config = { solver: 'rk4', depth: 1, stepSize: 0.05 } as const
    const plain = lossAndGradients(m, b, { ...config, measureKinetic: false })
    const bp = lossAndGradients(m, b, { ...config, kinetic: 0.5 })
    const adj = adjointGradients(m, b, { ...config, kinetic: 0.5 })
    expect(adj.loss).toBeCloseTo(bp.loss, 5)
    expect(adj.kinetic).toBeCloseTo(bp.kinetic, 4)
    const rel = relDiff(m.variables, adj.grads, bp.grads)
    console.log('MSE + kinetic: relative gradient difference', rel)
    expect(rel).toBeLessThan(1e-3)
    // the kinetic term moves the gradient far more than the tolerance, so dropping it would fail
    expect(relDiff(m.variables, plain.grads, bp.grads)).toBeGreaterThan(0.05)
    tf.dispose([...Object.values(plain.grads), ...Object.values(bp.grads), ...Object.values(adj.grads)])
    m.dispose()
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('cross-entropy + lambda_K kinetic: gradients agree with backprop through RK4 to 1e-3 relative', () => {
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
    const lambda = 0.5
    const vars = model.variablesOf(0)
    const backprop = (kin: number): ReturnType<typeof chunkedGradients> =>
      chunkedGradients(vars, n, 4096, () => {
        const out = solveDifferentiable((z, t) => model.fields[0].forward(z, t), tf.tensor2d(x, [n, 2]), 1, 10, 'rk4', true)
        const ce = tf.neg(tf.mean(tf.sum(tf.mul(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), tf.logSoftmax(model.logits(out.xT))), 1))) as tf.Scalar
        return { objective: tf.add(ce, tf.mul(out.kinetic!, tf.scalar(kin))) as tf.Scalar, data: ce, kinetic: out.kinetic }
      })
    const plain = backprop(0)
    const bp = backprop(lambda)
    const adj = adjointClassifierGradients(model, x, labels, n, { solver: 'rk4', depth: 1, stepSize: 0.1, kinetic: lambda })
    expect(adj.loss).toBeCloseTo(bp.loss, 5)
    expect(adj.kinetic).toBeCloseTo(bp.kinetic, 4)
    const rel = relDiff(vars, adj.grads, bp.grads)
    console.log('CE + kinetic: relative gradient difference', rel)
    expect(rel).toBeLessThan(1e-3)
    expect(relDiff(vars, plain.grads, bp.grads)).toBeGreaterThan(0.05)
    tf.dispose([...Object.values(plain.grads), ...Object.values(bp.grads), ...Object.values(adj.grads)])
    model.dispose()
    expect(tf.memory().numTensors).toBe(baseline)
  })
})

describe('classifier training with the adjoint and the kinetic term', () => {
  it("reaches the backprop run's loss within 3% and reports the kinetic term", async () => {
    const baseline = tf.memory().numTensors
    const r = createRng(11)
    const n = 120
    const centres = [
      [-2, 0],
      [2, 0],
      [0, 2]
    ]
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3)
    const x = Float32Array.from({ length: 2 * n }, (_, j) => centres[labels[j >> 1]][j & 1] + 0.7 * r.normal())
    const run = async (gradient: 'adjoint' | 'backprop'): Promise<{ loss: number; kinetic: number | null; first: number }> => {
      const model = new TrainedModel(
        {
          kind: 'neural-ode',
          task: 'classify',
          dataDim: 2,
          augment: 0,
          field: { dim: 2, width: 8, hiddenLayers: 1, activation: 'tanh' },
          fields: 1,
          solver: 'rk4',
          depth: 1,
          stepSize: 0.25,
          classes: ['a', 'b', 'c']
        },
        createRng(7)
      )
      const training = TrainingSpecSchema.parse({
        epochs: 6,
        batchSize: 40,
        learningRate: 0.05,
        solver: 'rk4',
        depth: 1,
        stepSize: 0.25,
        kinetic: 0.1,
        gradient,
        validationFraction: 0
      })
      try {
        const res = await trainClassifier(model, { x, labels, n }, { x: new Float32Array(0), labels: new Int32Array(0), n: 0 }, training, createRng(9))
        const last = res.curve[res.curve.length - 1]
        return { loss: last.trainLoss, kinetic: last.kinetic, first: res.curve[0].trainLoss }
      } finally {
        model.dispose()
      }
    }
    const bp = await run('backprop')
    const adj = await run('adjoint')
    console.log('training: backprop', bp, 'adjoint', adj)
    // the run learns something, so the comparison is not between two untouched initialisations
    expect(bp.loss).toBeLessThan(0.8 * bp.first)
    expect(Math.abs(adj.loss - bp.loss) / bp.loss).toBeLessThan(0.03)
    expect(adj.kinetic).not.toBeNull()
    expect(Math.abs(adj.kinetic! - bp.kinetic!) / bp.kinetic!).toBeLessThan(0.03)
    expect(tf.memory().numTensors).toBe(baseline)
  })
})
