// Continuous normalizing flow on the 2-D Gaussian N(0, diag(2, 1)) (paper eq. 44): exact-trace maximum
// likelihood; the held-out mean log-likelihood is compared with the true density's on the same points,
// and samples integrated backwards from N(0, I) must have the data's covariance.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'

beforeAll(async () => {
  await initBackend('wasm')
})

describe('CNF density', () => {
  it('held-out log-likelihood within 0.05 nats of the truth; backward samples have covariance diag(2, 1)', async () => {
    const baseline = tf.memory().numTensors
    const spec = {
      version: 1,
      name: 'cnf',
      seed: 1,
      distribution: { kind: 'preset', name: 'paper-44' },
      particles: { kind: 'sample', count: 2000 },
      flow: {
        kind: 'neural-ode',
        task: 'density',
        model: { width: 16, hiddenLayers: 1, init: 'small-output' },
        training: { epochs: 4, batchSize: 512, learningRate: 0.01, samples: 4096, solver: 'rk4', depth: 1, stepSize: 0.25 }
      },
      integration: { solver: 'rk4', depth: 1, stepSize: 0.25, samples: 3 }
    }
    const r = await runTrainedExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })
    const tr = r.manifest.training!
    const { logLikelihood, logLikelihoodTrue, count } = tr.heldOut!
    console.log('CNF', { logLikelihood, logLikelihoodTrue, count, generated: tr.generated })
    expect(count).toBe(819)
    // the true average over these 819 points is near -H = -(log(2 pi e) + log(2)/2) = -3.1847 (sd ~0.035)
    expect(Math.abs(logLikelihoodTrue! + 3.1847)).toBeLessThan(0.15)
    expect(Math.abs(logLikelihood! - logLikelihoodTrue!)).toBeLessThanOrEqual(0.05)
    const c = tr.generated!.covariance
    expect(c[0][0]).toBeCloseTo(2, 0)
    expect(Math.abs(c[0][0] - 2)).toBeLessThan(0.25)
    expect(Math.abs(c[1][1] - 1)).toBeLessThan(0.15)
    expect(Math.abs(c[0][1])).toBeLessThan(0.15)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 180_000)

  it('trained by the adjoint method with both regularisers, it meets the same 0.05-nat bar and reports them', async () => {
    const baseline = tf.memory().numTensors
    const spec = {
      version: 1,
      name: 'cnf adjoint',
      seed: 1,
      distribution: { kind: 'preset', name: 'paper-44' },
      particles: { kind: 'sample', count: 2000 },
      flow: {
        kind: 'neural-ode',
        task: 'density',
        model: { width: 16, hiddenLayers: 1, init: 'small-output' },
        training: {
          epochs: 4,
          batchSize: 512,
          learningRate: 0.01,
          samples: 4096,
          solver: 'rk4',
          depth: 1,
          stepSize: 0.25,
          gradient: 'adjoint',
          kinetic: 0.01,
          jacobian: 0.01
        }
      },
      integration: { solver: 'rk4', depth: 1, stepSize: 0.25, samples: 3 }
    }
    const r = await runTrainedExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })
    const tr = r.manifest.training!
    const { logLikelihood, logLikelihoodTrue } = tr.heldOut!
    console.log('CNF (adjoint)', { logLikelihood, logLikelihoodTrue, final: tr.final })
    expect(Math.abs(logLikelihood! - logLikelihoodTrue!)).toBeLessThanOrEqual(0.05)
    expect(tr.final.kinetic).toBeGreaterThan(0)
    expect(tr.final.jacobian).toBeGreaterThan(0)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 180_000)
})
