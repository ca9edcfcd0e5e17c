// Neural ODE classification through the runner on the built-in moons (T = 1, 10 RK4 steps, one ANODE
// coordinate, 12 epochs): held-out accuracy, the head read at depth T, and the kinetic regulariser's effect on
// the trained flow (dopri5 evaluations at rtol 1e-5, mean path length, accuracy).
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'
import type { RunContent } from '../../../../electron/engine/runs/run-folder'

let baseline = 0
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
})

const spec = (kinetic: number): unknown => ({
  version: 1,
  name: 'moons',
  seed: 3,
  distribution: { kind: 'preset', name: 'paper-44' },
  particles: { kind: 'sample', count: 800 },
  flow: {
    kind: 'neural-ode',
    task: 'classify',
    data: { kind: 'builtin', name: 'moons' },
    model: { width: 32, hiddenLayers: 2, augment: 1 },
    training: { epochs: 12, batchSize: 200, learningRate: 0.03, solver: 'rk4', depth: 1, stepSize: 0.1, validationFraction: 0.25, kinetic }
  },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 3 }
})

const run = (kinetic: number): Promise<RunContent> =>
  runTrainedExperiment(spec(kinetic), { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })

describe('moons classification', () => {
  let plain: RunContent
  let regularised: RunContent
  beforeAll(async () => {
    plain = await run(0)
    regularised = await run(0.02)
  }, 240_000)

  it('reaches at least 97% held-out accuracy with T = 1 and 10 RK4 steps; classes label the 800 particles', () => {
    const tr = plain.manifest.training!
    expect(tr.heldOut!.count).toBe(200)
    expect(tr.heldOut!.accuracy).toBeGreaterThanOrEqual(0.97)
    expect(plain.manifest.dimension).toBe(3)
    expect(plain.manifest.particleCount).toBe(800)
    expect(new Set(plain.labels)).toEqual(new Set([0, 1]))
    // the trained flow is a smooth ODE: half the step barely moves the outputs and keeps the accuracy
    const [finer, dopri] = tr.robustness
    expect(finer.maxDisplacement).toBeLessThan(0.05)
    expect(Math.abs(finer.accuracyChange!)).toBeLessThanOrEqual(0.01)
    expect(dopri.nfe).toBeGreaterThan(0)
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('lambda_K = 0.02: at least 30% fewer dopri5 evaluations (rtol 1e-5), shorter mean path, accuracy at most 1 point lower', () => {
    const a = plain.manifest.training!
    const b = regularised.manifest.training!
    const nfeA = a.robustness[1].nfe
    const nfeB = b.robustness[1].nfe
    console.log('kinetic', {
      nfeA,
      nfeB,
      reduction: 1 - nfeB / nfeA,
      pathA: a.heldOut!.meanPathLength,
      pathB: b.heldOut!.meanPathLength,
      accA: a.heldOut!.accuracy,
      accB: b.heldOut!.accuracy
    })
    expect(nfeB).toBeLessThanOrEqual(0.7 * nfeA)
    expect(b.heldOut!.meanPathLength!).toBeLessThan(a.heldOut!.meanPathLength!)
    expect(b.heldOut!.accuracy!).toBeGreaterThanOrEqual(a.heldOut!.accuracy! - 0.01)
    expect(b.final.kinetic!).toBeLessThan(a.final.kinetic!)
  })
})
