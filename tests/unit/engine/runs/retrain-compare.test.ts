// The regularised re-train, end to end against real training: a small neural ODE classifying the built-in
// moons is trained with training.kinetic 0, then re-trained from the spec RegularizedRetrain would start
// (its pure spec transform, shared/regularize.ts), and the re-train must show the kinetic energy drop the
// regulariser caused. The truth is recomputed from each run's own metrics: the trapezoid integral of the
// mean |v|^2 they hold, against the cumulative kinetic energy the engine recorded, and the training report.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'
import { RunManifestSchema } from '../../../../shared/run'
import { parseSpec, type ExperimentSpec } from '../../../../shared/experiment'
import type { RunContent } from '../../../../electron/engine/runs/run-folder'
import { regularizedSpec, SUGGESTED_WEIGHT } from '../../../../shared/regularize'

beforeAll(async () => {
  await initBackend('wasm')
})

const plainSpec = {
  version: 1,
  name: 'moons small',
  seed: 5,
  distribution: { kind: 'preset', name: 'paper-44' },
  particles: { kind: 'sample', count: 300 },
  flow: {
    kind: 'neural-ode',
    task: 'classify',
    data: { kind: 'builtin', name: 'moons' },
    model: { width: 12, hiddenLayers: 1 },
    training: { epochs: 4, batchSize: 100, learningRate: 0.03, solver: 'rk4', depth: 1, stepSize: 0.25, validationFraction: 0.25, kinetic: 0 }
  },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 6 }
}

const run = (spec: unknown): Promise<RunContent> => runTrainedExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })

/** the cumulative kinetic energy recomputed from the per-depth mean |v|^2 (trapezoid rule over depth) */
function integrated(metrics: RunContent['manifest']['metrics']): number {
  let sum = 0
  for (let k = 1; k < metrics.length; k++)
    sum += ((metrics[k].meanSquaredVelocity! + metrics[k - 1].meanSquaredVelocity!) / 2) * (metrics[k].depth - metrics[k - 1].depth)
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

  it("the regulariser lowers the kinetic energy, as each run's own metrics and training report say", () => {
    const keA = integrated(before.manifest.metrics)
    const keB = integrated(after.manifest.metrics)
    const recorded = (r: RunContent): number => r.manifest.metrics[r.manifest.metrics.length - 1].kineticEnergy!
    console.log(
      'kinetic energy before/after',
      { before: keA, after: keB, drop: 1 - keB / keA, seconds },
      'flags before',
      before.manifest.flags!.map((f) => [f.kind, f.sample, f.value]),
      'after',
      after.manifest.flags!.map((f) => [f.kind, f.sample, f.value])
    )
    // the engine's cumulative kinetic energy at the last sample is the integral of its mean |v|^2
    expect(recorded(before)).toBeCloseTo(keA, 6)
    expect(recorded(after)).toBeCloseTo(keB, 6)
    // the drop: a clear one (the regulariser's weight 0.1 against a loss of order 1), and it is what training measured too
    expect(1 - keB / keA).toBeGreaterThan(0.2)
    expect(after.manifest.training!.final.kinetic!).toBeLessThan(before.manifest.training!.final.kinetic!)
  })

  it('both runs were checked for flags, and the manifests with them parse', () => {
    for (const r of [before, after]) {
      expect(Array.isArray(r.manifest.flags)).toBe(true)
      expect(RunManifestSchema.parse(JSON.parse(JSON.stringify(r.manifest))).flags).toEqual(r.manifest.flags)
    }
  })
})
