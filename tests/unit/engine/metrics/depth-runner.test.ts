// The per-depth analysis as the runner records it, on mixtures: separability of the component labels
// (population value 0.5 at the input for paper-45: between-class variance 1, within-class variance 2),
// no merging under the exact flow, and a cloud-dependent field (empirical DAE) evaluated with its
// reference rows; tensors return to baseline.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { metricsCsv } from '../../../../electron/engine/runs/metrics-csv'
import { RunManifestSchema } from '../../../../shared/run'
import { storedEnglish } from '../../../../shared/messages/stored'

const ctx = () => createJobContext(new AbortController().signal)
let baseline = 0
beforeAll(async () => {
  await initBackend()
  baseline = tf.memory().numTensors
})

function spec45(flow: Record<string, unknown>, count = 4000): Record<string, unknown> {
  return {
    version: 1,
    name: 'paper-45 analysis',
    seed: 5,
    distribution: { kind: 'preset', name: 'paper-45' },
    particles: { kind: 'sample', count },
    flow,
    integration: { solver: 'rk4', depth: 0.4, stepSize: 0.02, samples: 11 }
  }
}

describe('per-depth analysis in the runner (mixtures)', () => {
  it('paper-45 continuous DAE: separability 0.5 at the input and growing, no merging, no Gaussian shape', async () => {
    const { manifest } = await runExperiment(spec45({ kind: 'continuous-dae' }), { ctx: ctx(), backend: 'test' })
    expect(RunManifestSchema.parse(JSON.parse(JSON.stringify(manifest))).depthAnalysis).toEqual(manifest.depthAnalysis)
    expect(manifest.depthAnalysis).toMatchObject({
      velocityMethod: 'field',
      velocityPoints: 4000,
      slicedPoints: 4000,
      separabilityClasses: 2,
      gaussianShape: false
    })
    const rows = manifest.metrics
    expect(Math.abs(rows[0].separability! - 0.5)).toBeLessThan(0.05)
    for (let k = 1; k < rows.length; k++) expect(rows[k].separability!).toBeGreaterThan(rows[k - 1].separability!)
    rows.forEach((r) => {
      expect(r.mergedFraction).toBe(0)
      expect(r.sigmas).toBeUndefined()
    })
    // energy and path accumulate
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k].kineticEnergy!).toBeGreaterThan(rows[k - 1].kineticEnergy!)
      expect(rows[k].pathLength!).toBeGreaterThan(rows[k - 1].pathLength!)
      expect(rows[k].speed!).toBeGreaterThan(0)
    }
    expect(metricsCsv(rows, 2).split('\n')[0]).toMatch(/,speed,mean_sq_velocity,kinetic_energy,path_length,merged_fraction,separability$/)
    expect(manifest.notes.map(storedEnglish).join(' ')).toMatch(/Separability: tr\(S_b\) \/ tr\(S_w\) over 2 mixture-component labels/)
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('empirical DAE (a field with reference rows): the velocity is evaluated with the reference at the same depth', async () => {
    const spec = {
      ...spec45({ kind: 'empirical-dae', bandwidth: 0.3, referenceSize: 300 }, 1500),
      integration: { solver: 'rk4', depth: 0.1, stepSize: 0.02, samples: 6 }
    }
    const { manifest, trajectories } = await runExperiment(spec, { ctx: ctx(), backend: 'test' })
    expect(manifest.depthAnalysis?.velocityMethod).toBe('field')
    const rows = manifest.metrics
    const n = 1500
    // independent estimate from the recorded positions: mean |x_{k+1} - x_k|^2 / dt^2 on each step
    // must match the field's mean |v|^2 averaged over the step's ends (the steps are short and smooth)
    const ratios = rows.slice(1).map((r, k) => {
      const dt = r.depth - rows[k].depth
      let sq = 0
      for (let i = 0; i < n * 2; i++) sq += (trajectories[(k + 1) * n * 2 + i] - trajectories[k * n * 2 + i]) ** 2
      return sq / n / dt ** 2 / (0.5 * (rows[k].meanSquaredVelocity! + r.meanSquaredVelocity!))
    })
    ratios.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(0.01))
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('composed DAE with 2 layers (a depth map): implied velocity, recorded as such', async () => {
    const { manifest } = await runExperiment(spec45({ kind: 'composed-dae', layers: 2 }, 1000), { ctx: ctx(), backend: 'test' })
    expect(manifest.depthAnalysis).toMatchObject({ velocityMethod: 'implied', velocityPoints: 1000 })
    expect(manifest.metrics[0].meanSquaredVelocity).toBeNull()
    expect(manifest.metrics[1].meanSquaredVelocity!).toBeGreaterThan(0)
  })
})
