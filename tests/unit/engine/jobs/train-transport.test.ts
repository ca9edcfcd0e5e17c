// The learned continuous DAE (neural-ode, task transport) on N(0, 1): denoising score matching along
// the CDAE schedule (5 stages of 0.05) moves the variance from 1 towards the continuous DAE's closed
// form 1 - 2t = 0.5 at t = 0.25 (Sonoda & Murata 2019, eq. 37); the discrete 5-layer CDAE gives 0.5435.
import { beforeAll, describe, expect, it } from 'vitest'
import { storedEnglish } from '../../../../shared/messages'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'

beforeAll(async () => {
  await initBackend('wasm')
})

describe('learned continuous DAE', () => {
  it('transports N(0,1) to variance within 0.08 of 1 - 2t = 0.5 at t = 0.25, and reports the closed form', async () => {
    const baseline = tf.memory().numTensors
    const spec = {
      version: 1,
      name: 'learned cdae',
      seed: 3,
      distribution: { kind: 'preset', name: 'normal-1d' },
      particles: { kind: 'sample', count: 4000 },
      flow: {
        kind: 'neural-ode',
        task: 'transport',
        model: { width: 16, hiddenLayers: 2, init: 'small-output' },
        training: { epochs: 3, batchSize: 512, learningRate: 0.005, samples: 8192, depth: 0.25, stepSize: 0.05, solver: 'euler' }
      },
      integration: { solver: 'rk4', depth: 0.25, stepSize: 0.01, samples: 6 }
    }
    const r = await runTrainedExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })
    const cf = r.manifest.training!.closedForm!
    expect(cf.description).toMatchObject({ key: 'engine.exactContinuous' })
    expect(storedEnglish(cf.description)).toContain('continuous DAE')
    expect(cf.varianceClosedForm![0]).toBeCloseTo(0.5, 6)
    console.log('learned CDAE variance', cf.varianceLearned![0], 'mean abs error', cf.meanAbsError)
    expect(Math.abs(cf.varianceLearned![0] - 0.5)).toBeLessThan(0.08)
    expect(cf.meanAbsError).toBeLessThan(0.08)
    // the curve holds one block of epochs per stage
    expect(r.manifest.training!.curve.map((c) => c.layer)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4])
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)
})
