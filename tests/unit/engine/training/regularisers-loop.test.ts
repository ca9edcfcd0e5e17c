// The Jacobian Frobenius term (Hutchinson with Rademacher probes, J eps by central differences) against
// |A|_F^2 T for a linear field, and the epoch loop's early stopping (best weights kept).
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { runEpochs } from '../../../../electron/engine/training/epochs'
import { solveDifferentiable } from '../../../../electron/engine/training/solve'
import { rademacherProbe } from '../../../../electron/engine/training/tasks/classify'

beforeAll(async () => {
  await initBackend('wasm')
})

describe('Jacobian Frobenius term', () => {
  it('for v(x) = x A it estimates T |A|_F^2 (within 2% on 4000 rows) (a different number from the kinetic term)', () => {
    const baseline = tf.memory().numTensors
    const A = [
      [0.5, -1.2, 0.3],
      [0.8, 0.1, -0.4],
      [0, 0.7, 1.1]
    ]
    const frob = A.flat().reduce((s, v) => s + v * v, 0)
    const r = createRng(2)
    const n = 4000
    const { jac, kin } = tf.tidy(() => {
      const a = tf.tensor2d(A)
      const x0 = tf.tensor2d(
        Float32Array.from({ length: n * 3 }, () => r.normal()),
        [n, 3]
      )
      const out = solveDifferentiable((x) => tf.matMul(x, a), x0, 0.5, 5, 'euler', true, rademacherProbe(createRng(3)))
      return { jac: out.jacobian!.dataSync()[0], kin: out.kinetic!.dataSync()[0] }
    })
    expect(Math.abs(jac - 0.5 * frob) / (0.5 * frob)).toBeLessThan(0.02)
    expect(Math.abs(jac - kin)).toBeGreaterThan(0.01)
    expect(tf.memory().numTensors).toBe(baseline)
  })
})

describe('early stopping', () => {
  it('stops after `patience` epochs without improvement and restores the best weights', async () => {
    const validation = [1, 0.5, 0.55, 0.52, 0.3]
    let epoch = -1
    const restored: number[] = []
    const r = await runEpochs<number>({
      epochs: 5,
      batchSize: 2,
      nTrain: 4,
      rng: createRng(1),
      step: () => ({ loss: 1, kinetic: Number.NaN }),
      nfeOf: () => 3,
      validate: () => validation[++epoch],
      earlyStopping: { patience: 2, minDelta: 0.01 },
      snapshot: () => epoch,
      restore: (w) => restored.push(w)
    })
    expect(r.curve.map((c) => c.validationLoss)).toEqual([1, 0.5, 0.55, 0.52])
    expect(r.stoppedEarly).toBe(true)
    expect(restored).toEqual([1])
    expect(r.nfe).toBe(4 * 2 * 3)
    expect(r.curve[0].kinetic).toBeNull()
  })
})
