// Run flags on per-depth metrics: on hand-made metrics whose spike and merging are known by construction,
// on a real closed-form run into the singular time (the DAE's kinetic energy density grows like
// 1 / (t* - t), so the last samples spike far above the median), and old run.json files without flags.
import { beforeAll, describe, expect, it } from 'vitest'
import type { DepthMetrics } from '../../../../shared/run'
import { RunManifestSchema } from '../../../../shared/run'
import { message, stored, storedEnglish } from '../../../../shared/messages'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { RUN_FLAG_THRESHOLDS, runFlags } from '../../../../electron/engine/runs/run-flags'
import { smallRun } from './manifest-fixture'

const rows = (msv: (number | null)[], merged: number[] = msv.map(() => 0)): DepthMetrics[] =>
  msv.map((v, k) => ({
    depth: k * 0.1,
    mean: [0, 0],
    covariance: [
      [1, 0],
      [0, 1]
    ],
    entropy: 1,
    entropyMethod: 'knn',
    slicedW2ToInput: 0,
    w2AxisToInput: [0, 0],
    meanSquaredVelocity: v,
    mergedFraction: merged[k]
  }))

describe('runFlags on metrics built to a known answer', () => {
  it('flags one kinetic spike per stretch, at its peak, with its ratio to the median', () => {
    // median of [1, 1, 1, 8, 10, 1, 1, 4] is 1: samples 3-4 form one stretch peaking at 4 (ratio 10); 7 has ratio 4
    const flags = runFlags(rows([1, 1, 1, 8, 10, 1, 1, 4]), 'neural-ode')
    expect(flags.map((f) => [f.kind, f.sample, f.value])).toEqual([
      ['kinetic', 4, 10],
      ['kinetic', 7, 4]
    ])
    expect(flags[0].depth).toBeCloseTo(0.4, 12)
    expect(flags[0].threshold).toBe(RUN_FLAG_THRESHOLDS.kineticSpike)
    expect(flags[0].message).toEqual(stored(message('fin13.flagKinetic', { depth: '0.4', ratio: '10.0', threshold: RUN_FLAG_THRESHOLDS.kineticSpike })))
    expect(storedEnglish(flags[0].message)).toContain('10.0 times')
    // a trained flow gets the flow remedy of the layer flags: the kinetic weight, the step size, the depth
    expect(flags[0].remedy).toEqual(stored(message('shift.remedyMotionFlow')))
  })

  it('a ratio at the threshold is not a spike; a flat, resting or too short run raises none', () => {
    expect(runFlags(rows([1, 1, 3, 1]), 'neural-ode')).toEqual([])
    expect(runFlags(rows([0, 0, 0, 0]), 'neural-ode')).toEqual([])
    expect(runFlags(rows([1, 9]), 'neural-ode')).toEqual([])
    // null samples (the first sample of implied velocities) are left out of the median, not read as 0
    expect(runFlags(rows([null, 2, 2, 2, 7]), 'neural-ode').map((f) => f.sample)).toEqual([4])
  })

  it('flags merging where apart pairs first merge beyond the threshold, once per stretch', () => {
    const flags = runFlags(rows([1, 1, 1, 1, 1, 1], [0, 0.02, 0.1, 0.3, 0.01, 0.06]), 'neural-ode')
    expect(flags.map((f) => [f.kind, f.sample, f.value])).toEqual([
      ['merging', 2, 0.1],
      ['merging', 5, 0.06]
    ])
    expect(flags[0].message).toEqual(stored(message('fin13.flagMerging', { depth: '0.2', fraction: '10%', threshold: '5%' })))
    expect(flags[0].remedy).toEqual(stored(message('shift.remedyMergingFlow')))
  })

  it('a closed-form flow gets the remedy it can take: step size or depth', () => {
    const [f] = runFlags(rows([1, 1, 1, 20]), 'continuous-dae')
    expect(f.remedy).toEqual(stored(message('fin13.remedyUntrained')))
  })
})

describe('flags on real runs', () => {
  beforeAll(async () => {
    await initBackend('wasm')
  })
  const dae = (depth: number, stepSize: number): Record<string, unknown> => ({
    version: 1,
    name: 'dae to t*',
    seed: 3,
    distribution: { kind: 'preset', name: 'paper-47' },
    particles: { kind: 'sample', count: 400 },
    flow: { kind: 'continuous-dae' },
    integration: { solver: 'rk4', depth, stepSize, samples: 21 }
  })
  const run = (spec: unknown) => runExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'wasm' })

  it('the DAE run close to its singular time is flagged at its last depths; early on it is not', async () => {
    const early = await run(dae(0.05, 0.005))
    const tStar = early.manifest.summary.singularTime!
    expect(early.manifest.flags).toEqual([])
    const late = await run(dae(0.98 * tStar, (0.98 * tStar) / 200))
    const kinetic = late.manifest.flags!.filter((f) => f.kind === 'kinetic')
    console.log(
      't*',
      tStar,
      'flags',
      late.manifest.flags!.map((f) => [f.kind, f.sample, f.value.toFixed(2)])
    )
    expect(kinetic.length).toBe(1)
    // 1 / (t* - t): at 0.98 t* the density is some 25 times that at 0.5 t* (the median sample)
    expect(kinetic[0].sample).toBe(20)
    expect(kinetic[0].value).toBeGreaterThan(10)
    expect(kinetic[0].remedy).toEqual(stored(message('fin13.remedyUntrained')))
  }, 60_000)

  it('run.json files written before flags existed still parse (no flags field)', () => {
    const { manifest } = smallRun('old')
    const parsed = RunManifestSchema.parse(JSON.parse(JSON.stringify(manifest)))
    expect(parsed.flags).toBeUndefined()
  })
})
