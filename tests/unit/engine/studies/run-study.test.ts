// Depth and step-size studies against closed forms: on N(0, 1) every composed-DAE layer and the
// continuous DAE are scalings, so each particle's error against the limit is |x0| |r_L - r_inf| with
// r_L = prod_l s_l / (s_l + t/L) (s <- s^3 / (s + t/L)^2, Sonoda & Murata 2019) and r_inf = sqrt(1 - 2t).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import type { StudyResult } from '../../../../shared/study'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { makeParticles } from '../../../../electron/engine/sampling/particles'
import { createRng } from '../../../../electron/engine/sampling/random'
import { parseSpec, resolveDistribution } from '../../../../shared/experiment'
import { createEngineService } from '../../../../electron/engine/service'
import { runStudy } from '../../../../electron/engine/studies/run-study'
import { convergenceSlope } from '../../../../electron/engine/studies/sweep'

const T = 0.25
const base = {
  version: 1,
  name: 'normal-1d study',
  seed: 7,
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 2000 },
  flow: { kind: 'composed-dae', layers: 10 },
  integration: { solver: 'rk4', depth: T, stepSize: 0.005, samples: 26 }
}

function composedScale(L: number): number {
  const dt = T / L
  let s = 1
  let r = 1
  for (let l = 0; l < L; l++) {
    r *= s / (s + dt)
    s = s ** 3 / (s + dt) ** 2
  }
  return r
}

/** the particles the study uses (same seed, same fork) */
function startPositions(): Float32Array {
  const r = parseSpec(base)
  if (!r.ok) throw new Error('bad base spec')
  return makeParticles(r.spec, resolveDistribution(r.spec.distribution), createRng(7).fork('particles')).positions
}

const ctx = () => createJobContext(new AbortController().signal)
const options = () => ({ ctx: ctx(), backend: 'test', appVersion: '0.0.0' })

describe('layers study (composed DAE -> continuous DAE)', () => {
  let study: StudyResult
  const values = [1, 2, 4, 8, 16]
  beforeAll(async () => {
    study = await runStudy('deeper converges faster', base, { parameter: 'layers', values }, options())
  }, 60_000)

  it('gives each point the closed-form error against the continuous limit', () => {
    const x0 = startPositions()
    const meanAbs = x0.reduce((s, v) => s + Math.abs(v), 0) / x0.length
    const rms = Math.sqrt(x0.reduce((s, v) => s + v * v, 0) / x0.length)
    const maxAbs = x0.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    const rInf = Math.sqrt(1 - 2 * T)
    for (const p of study.points) {
      const gap = Math.abs(composedScale(p.value) - rInf)
      expect(p.meanError).toBeCloseTo(meanAbs * gap, 5)
      expect(p.maxError).toBeCloseTo(maxAbs * gap, 4)
      // 1-D: sliced W2 is the exact W2 of the sorted samples, here rms |x0| x gap
      expect(p.w2ToLimit).toBeCloseTo(rms * gap, 4)
      expect(p.nfe).toBe(p.value)
    }
  })

  it('converges at first order in 1/L: deeper converges faster', () => {
    const errors = study.points.map((p) => p.meanError)
    for (let i = 1; i < errors.length; i++) expect(errors[i]).toBeLessThan(errors[i - 1])
    // the fitted order equals the closed form's (pre-asymptotic at L = 1: about -0.78 over 1..16) ...
    const gaps = values.map((L) => Math.abs(composedScale(L) - Math.sqrt(1 - 2 * T)))
    expect(study.slope).toBeCloseTo(convergenceSlope(values, gaps) as number, 2)
    // ... and tends to first order: the last doubling halves the error
    const last = Math.log2(errors[errors.length - 2] / errors[errors.length - 1])
    expect(last).toBeGreaterThan(0.9)
    expect(last).toBeLessThan(1.1)
  })

  it('records the end entropy against the limit: the composed DAE lowers it less', () => {
    // closed form of the limit: 0.5 log(2 pi e (1 - 2T)) = 1.0723649; KL estimate on 2,000 particles
    expect(study.limitEntropyEnd).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * (1 - 2 * T)), 1)
    for (const p of study.points) expect(p.entropyEnd).toBeGreaterThan(study.limitEntropyEnd - 0.01)
  })
})

describe('step-size study', () => {
  it('finds the order of Euler (1) and Heun (2) against the number of steps', async () => {
    const spec = { ...base, flow: { kind: 'continuous-dae' }, integration: { solver: 'euler', depth: T, stepSize: 0.05, samples: 2 } }
    const euler = await runStudy('euler', spec, { parameter: 'steps', values: [4, 8, 16, 32] }, options())
    expect(euler.slope).toBeGreaterThan(-1.2)
    expect(euler.slope).toBeLessThan(-0.8)
    const heun = await runStudy(
      'heun',
      { ...spec, integration: { ...spec.integration, solver: 'heun' } },
      { parameter: 'steps', values: [4, 8, 16, 32] },
      options()
    )
    expect(heun.slope).toBeGreaterThan(-2.3)
    expect(heun.slope).toBeLessThan(-1.7)
  }, 60_000)

  it('refuses sweeps that do not fit the flow, naming the field', async () => {
    await expect(runStudy('x', base, { parameter: 'stepSize', values: [0.1, 0.05] }, options())).rejects.toMatchObject({ code: 'invalid-spec' })
    await expect(runStudy('x', base, { parameter: 'layers', values: [1.5, 2] }, options())).rejects.toMatchObject({ code: 'invalid-spec' })
    const past = { ...base, integration: { ...base.integration, depth: 0.6 } }
    await expect(runStudy('x', past, { parameter: 'layers', values: [1, 2] }, options())).rejects.toMatchObject({ code: 'invalid-spec' })
  })

  it('fits slopes by least squares', () => {
    expect(convergenceSlope([1, 2, 4], [1, 0.5, 0.25])).toBeCloseTo(-1, 12)
    expect(convergenceSlope([1, 2], [0, 0])).toBeUndefined()
  })
})

describe('studies over the service', () => {
  let ws: string
  let service: EngineService
  beforeAll(async () => {
    ws = await mkdtemp(join(tmpdir(), 'nagare-study-'))
    service = await createEngineService({ workspace: ws, mode: 'in-process' })
  })
  afterAll(async () => {
    await service.dispose()
    await rm(ws, { recursive: true, force: true })
  })

  it('runs a study as a job, saves it, lists and reads it back', async () => {
    const done = new Promise<JobEvent>((resolve) => service.onEvent((e) => (e.type === 'done' || e.type === 'failed' ? resolve(e) : undefined)))
    const started = await service.call('studies.start', { name: 'L sweep', spec: base, sweep: { parameter: 'layers', values: [1, 4] } })
    expect(started.ok).toBe(true)
    const end = await done
    expect(end.type).toBe('done')
    const id = (end as { runId: string }).runId
    const list = await service.call('studies.list', {})
    expect(list.ok && list.value.map((s) => [s.id, s.status, s.points])).toEqual([[id, 'complete', 2]])
    const got = await service.call('studies.get', { id })
    expect(got.ok && got.value.points.map((p) => p.value)).toEqual([1, 4])
  })

  it('refuses an invalid study at once, with its fields', async () => {
    const r = await service.call('studies.start', {
      name: 'bad',
      spec: { ...base, integration: { ...base.integration, depth: 0.6 } },
      sweep: { parameter: 'layers', values: [1, 2] }
    })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('invalid-spec')
  })
})
