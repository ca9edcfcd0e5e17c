// run.json records the step size used, the T/h step count and the NFE, and the history summary carries
// them (with T and the solver): two runs that differ only in h show different NFE (2x the steps).
import { beforeAll, describe, expect, it } from 'vitest'
import { message, stored, storedEnglish } from '../../../../shared/messages'
import { RunManifestSchema } from '../../../../shared/run'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { integrationSummary } from '../../../../electron/engine/runs/integration-summary'

let backend = ''
beforeAll(async () => {
  backend = await initBackend('wasm')
})

const spec = (stepSize: number, depth = 0.4) => ({
  version: 1,
  name: 'steps',
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 50 },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth, stepSize, samples: 46 }
})

describe('run.json: the h used and its cost', () => {
  it('records h, T/h steps and NFE; h = 0.005 costs twice the steps of h = 0.01', async () => {
    const ctx = () => createJobContext(new AbortController().signal)
    const fine = (await runExperiment(spec(0.005), { ctx: ctx(), backend })).manifest
    const coarse = (await runExperiment(spec(0.01), { ctx: ctx(), backend })).manifest
    expect(RunManifestSchema.safeParse(JSON.parse(JSON.stringify(fine))).success).toBe(true)
    expect(fine.solverStats).toMatchObject({ stepSize: 0.005, steps: 80, acceptedSteps: 80, nfe: 320 })
    // 46 samples: depth 44 T / 45 = 0.391 falls inside the last step of 0.01: one Hermite end slope
    expect(coarse.solverStats).toMatchObject({ stepSize: 0.01, steps: 40, acceptedSteps: 40, nfe: 161 })
    expect(integrationSummary(fine)).toEqual({ depth: 0.4, solver: 'rk4', stepSize: 0.005, nfe: 320 })
    expect(integrationSummary(coarse).nfe).not.toBe(integrationSummary(fine).nfe)
    expect(fine.notes.some((n) => typeof n !== 'string' && n.key === 'steps.nearSingular')).toBe(false)
  })

  it('a depth past 0.9 t* gets the kinetic-energy note in run.json', async () => {
    const near = (await runExperiment(spec(0.01, 0.47), { ctx: createJobContext(new AbortController().signal), backend })).manifest
    expect(near.notes).toContainEqual(stored(message('steps.nearSingular', { depth: 0.47, percent: 94, tStar: 0.5 })))
    expect(near.notes.map(storedEnglish).some((n) => n.includes('singular time t* = 0.5') && n.includes('94%'))).toBe(true)
  })

  it('a run written before the rule (step size not dividing the depth) is still readable', async () => {
    const old = (await runExperiment(spec(0.01), { ctx: createJobContext(new AbortController().signal), backend })).manifest
    const legacy = JSON.parse(JSON.stringify(old)) as Record<string, unknown> & {
      spec: { integration: Record<string, unknown> }
      solverStats: Record<string, unknown>
    }
    legacy.spec.integration.stepSize = 0.0089
    delete legacy.solverStats.stepSize
    delete legacy.solverStats.steps
    const r = RunManifestSchema.safeParse(legacy)
    expect(r.success).toBe(true)
    if (r.success) expect(integrationSummary(r.data).stepSize).toBe(0.0089)
  })
})
