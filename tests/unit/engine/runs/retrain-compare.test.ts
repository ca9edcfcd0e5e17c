// The test issue 13 names, against real training: a small neural ODE classifying the built-in moons is
// trained with training.kinetic 0, then re-trained from the spec RegularizedRetrain would start (its pure
// spec transform, shared/regularize.ts), and compareRuns must show the kinetic
// energy drop the regulariser caused. The truth is independent of compareRuns: each run's own cumulative
// kinetic energy (the trapezoid integral of mean |v|^2 its metrics hold) and its training report.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/train-runner'
import { compareRuns } from '../../../../electron/engine/runs/compare-runs'
import { RunManifestSchema } from '../../../../shared/run'
import { parseSpec, type ExperimentSpec } from '../../../../shared/experiment'
import type { RunContent } from '../../../../electron/engine/runs/run-folder'
import { regularizedSpec, SUGGESTED_WEIGHT } from '../../../../shared/regularize'

beforeAll(async () => {
  await initBackend('wasm')
})

const plainSpec = {
  version: 1, name: 'moons small', seed: 5,
  distribution: { kind: 'preset', name: 'paper-44' },
  particles: { kind: 'sample', count: 300 },
  flow: {
    kind: 'neural-ode', task: 'classify', data: { kind: 'builtin', name: 'moons' },
    model: { width: 12, hiddenLayers: 1 },
    training: { epochs: 4, batchSize: 100, learningRate: 0.03, solver: 'rk4', depth: 1, stepSize: 0.25, validationFraction: 0.25, kinetic: 0 }
  },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 6 }
}

const run = (spec: unknown): Promise<RunContent> => runTrainedExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })

/** the cumulative kinetic energy recomputed from the per-depth mean |v|^2 (trapezoid rule over depth) */
function integrated(metrics: RunContent['manifest']['metrics']): number {
  let sum = 0
  for (let k = 1; k < metrics.length; k++) sum += ((metrics[k].meanSquaredVelocity! + metrics[k - 1].meanSquaredVelocity!) / 2) * (metrics[k].depth - metrics[k - 1].depth)
  return sum
}

describe('a regularised re-train of a real neural ODE, compared before/after', () => {
  let before: RunContent
  let after: RunContent
  let retrainSpec: Record<string, unknown>
  let seconds = 0
  beforeAll(async () => {
    const t0 = performance.now()
    before = await run(plainSpec)
    const parsed = parseSpec(plainSpec)
    if (!parsed.ok) throw new Error('spec')
    retrainSpec = regularizedSpec(parsed.spec as ExperimentSpec, 'kinetic', '(kinetic)').spec
    after = await run(retrainSpec)
    seconds = (performance.now() - t0) / 1000
  }, 60_000)

  it('the re-train spec is the same run with training.kinetic switched on at the suggested weight', () => {
    const flow = retrainSpec.flow as { training: Record<string, unknown> }
    expect(flow.training.kinetic).toBe(SUGGESTED_WEIGHT.kinetic)
    expect(after.manifest.spec.seed).toBe(before.manifest.spec.seed)
    expect(after.manifest.depths).toEqual(before.manifest.depths)
    expect(seconds).toBeLessThan(30)
  })

  it('compareRuns shows the kinetic energy drop the regulariser caused, matching each run\'s own metrics', () => {
    const cmp = compareRuns(before.manifest, after.manifest)
    const keA = integrated(before.manifest.metrics)
    const keB = integrated(after.manifest.metrics)
    console.log('kinetic energy before/after', { before: cmp.kineticEnergy.a, after: cmp.kineticEnergy.b, drop: cmp.kineticEnergy.drop, seconds }, 'flags before', before.manifest.flags!.map((f) => [f.kind, f.sample, f.value]), 'after', after.manifest.flags!.map((f) => [f.kind, f.sample, f.value]))
    expect(cmp.matchedBy).toBe('depth')
    // compareRuns reads the final cumulative kinetic energy of each run: the integral of its mean |v|^2
    expect(cmp.kineticEnergy.a).toBeCloseTo(keA, 6)
    expect(cmp.kineticEnergy.b).toBeCloseTo(keB, 6)
    expect(cmp.kineticEnergy.diff).toBeCloseTo(keB - keA, 6)
    // the drop: a clear one (the regulariser's weight 0.1 against a loss of order 1), and it is what training measured too
    expect(cmp.kineticEnergy.drop!).toBeGreaterThan(0.2)
    expect(cmp.kineticEnergy.drop).toBeCloseTo(1 - keB / keA, 9)
    expect(after.manifest.training!.final.kinetic!).toBeLessThan(before.manifest.training!.final.kinetic!)
    // per depth: the regularised flow moves less at every sample past the start
    const last = cmp.depths[cmp.depths.length - 1].metrics.kineticEnergy
    expect(last.b!).toBeLessThan(last.a!)
  })

  it('both runs were checked for flags, and the manifests with them parse', () => {
    for (const r of [before, after]) {
      expect(Array.isArray(r.manifest.flags)).toBe(true)
      expect(RunManifestSchema.parse(JSON.parse(JSON.stringify(r.manifest))).flags).toEqual(r.manifest.flags)
    }
  })
})
