// The experiment runner on the real engine (flows, solvers, TF.js backend), end to end into a run store.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobEvent } from '../../../../shared/contract'
import { RunManifestSchema } from '../../../../shared/run'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { EngineError } from '../../../../electron/engine/errors'
import type { Flow } from '../../../../electron/engine/flows/types'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { JobManager } from '../../../../electron/engine/jobs/manager'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { checkSpec } from '../../../../electron/engine/jobs/run-options'
import { chunkRows } from '../../../../electron/engine/jobs/transport'
import { readNpy } from '../../../../electron/engine/formats/npy'
import { RunStore } from '../../../../electron/engine/runs/store'

const EXAMPLES = resolve(__dirname, '../../../../examples')
const example = async (name: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(EXAMPLES, name), 'utf8'))
const ctx = () => createJobContext(new AbortController().signal)

let backend: string
let baseline: number
let ws: string
beforeAll(async () => {
  backend = await initBackend()
  baseline = tf.memory().numTensors
  ws = await mkdtemp(join(tmpdir(), 'nagare-runner-'))
})
afterAll(async () => {
  await rm(ws, { recursive: true, force: true })
})

function smallPaper47(count: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    name: 'paper-47 small',
    seed: 3,
    distribution: { kind: 'preset', name: 'paper-47' },
    particles: { kind: 'sample', count },
    flow: { kind: 'continuous-dae' },
    integration: { solver: 'rk4', depth: 0.45, stepSize: 0.005, samples: 46 },
    ...extra
  }
}

/** Run a job on a manager and collect its events until it ends. */
async function runJob(m: JobManager, store: RunStore, spec: unknown, onEvent?: (e: JobEvent, jobId: string) => void): Promise<JobEvent[]> {
  const events: JobEvent[] = []
  let id = ''
  const off = m.onEvent((e) => {
    events.push(e)
    onEvent?.(e, id)
  })
  id = m.submit('test', async (c) => store.save(await runExperiment(spec, { ctx: c, backend })))
  await m.idle()
  off()
  return events
}

describe('experiment runner (real engine)', () => {
  it('a small paper-47 run produces a valid run folder with trajectories [samples, N, D]', async () => {
    const store = new RunStore(ws)
    const m = new JobManager()
    const events = await runJob(m, store, smallPaper47(300))
    const done = events.find((e) => e.type === 'done')
    expect(done, JSON.stringify(events.at(-1))).toBeDefined()
    const runId = (done as { runId: string }).runId
    const dir = join(ws, 'runs', runId)
    const manifest = RunManifestSchema.parse(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')))
    expect(manifest.id).toBe(runId)
    expect(manifest.backend).toBe(backend)
    expect(manifest.appVersion).toBe(JSON.parse(await readFile(resolve(__dirname, '../../../../package.json'), 'utf8')).version)
    expect(manifest.depths).toHaveLength(46)
    expect(manifest.depths[45]).toBe(0.45)
    expect(manifest.depths[10]).toBeCloseTo(0.1, 12)
    expect(manifest.solverStats).toMatchObject({ nfe: 360, acceptedSteps: 90, rejectedSteps: 0 })
    expect(manifest.labels).toBe('component')
    expect(manifest.summary.singularTime).toBe(0.5)
    expect(manifest.metrics.every((r) => r.entropyMethod === 'knn')).toBe(true)
    const t = await readNpy(join(dir, 'trajectories.npy'))
    expect(t.dtype).toBe('<f4')
    expect(t.shape).toEqual([46, 300, 2])
    const labels = await readNpy(join(dir, 'labels.npy'))
    expect(labels.shape).toEqual([300])
    expect(new Set(labels.data)).toEqual(new Set([0, 1]))
    const csv = (await readFile(join(dir, 'metrics.csv'), 'utf8')).trim().split('\n')
    expect(csv).toHaveLength(47)
    // physics: both components have y-variance 1, so y_t = y_0 sqrt(1 - 2t) exactly for every particle
    const N = 300
    for (let i = 0; i < N; i++) expect(t.data[45 * N * 2 + 2 * i + 1]).toBeCloseTo(t.data[2 * i + 1] * Math.sqrt(1 - 0.9), 4)
    expect(manifest.metrics[45].covariance[1][1]).toBeCloseTo(manifest.metrics[0].covariance[1][1] * 0.1, 4)
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('paper-45 examples reproduce the reference x-coordinates at t = 0.45 (Sonoda & Murata 2019, example 45)', async () => {
    const cont = await runExperiment(await example('paper-45-continuous.json'), { ctx: ctx(), backend })
    const shallow = await runExperiment(await example('paper-45-shallow.json'), { ctx: ctx(), backend })
    const refC = [-1.63227, -1.473774, -1.314468, -1.15256, -0.981957, -0.778404, 0, 0.778404, 0.981957, 1.15256, 1.314468, 1.473774, 1.63227]
    const refS = [-2.369562, -2.015353, -1.652661, -1.275217, -0.875167, -0.447794, 0, 0.447794, 0.875167, 1.275217, 1.652661, 2.015353, 2.369562]
    const lastX = (r: typeof cont): number[] => Array.from({ length: 13 }, (_, i) => r.trajectories[45 * 13 * 2 + 2 * i])
    lastX(cont).forEach((x, i) => expect(Math.abs(x - refC[i])).toBeLessThan(2e-5))
    lastX(shallow).forEach((x, i) => expect(Math.abs(x - refS[i])).toBeLessThan(2e-5))
    expect(cont.manifest.spec.particles.kind).toBe('points')
    expect(shallow.manifest.solverStats.nfe).toBe(45) // one map evaluation per positive depth sample
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('the paper-44 examples give the entropy table in closed form', async () => {
    const r = await runExperiment(await example('paper-44-shallow.json'), { ctx: ctx(), backend })
    const byDepth = (t: number): number => r.manifest.metrics.find((m) => Math.abs(m.depth - t) < 1e-12)!.entropy
    expect(r.manifest.metrics.every((m) => m.entropyMethod === 'closed-form')).toBe(true)
    expect(byDepth(0)).toBeCloseTo(3.184451, 6)
    expect(byDepth(0.1)).toBeCloseTo(3.04035, 6)
    expect(byDepth(0.25)).toBeCloseTo(2.843524, 6)
    expect(byDepth(0.4)).toBeCloseTo(2.665657, 6)
  })

  it('the 1-D CDAE example (10 layers) reaches variance ~0.5236 (the closed-form CDAE recursion s <- s^3 / (s + t/L)^2)', async () => {
    const r = await runExperiment(await example('cdae-deeper-converges-faster.json'), { ctx: ctx(), backend })
    expect(r.manifest.dimension).toBe(1)
    expect(r.manifest.labels).toBe('component')
    // the particles' sample variance has ~3% sampling error at N = 2000; the closed form is in the entropy
    expect(r.manifest.metrics.at(-1)!.covariance[0][0] / r.manifest.metrics[0].covariance[0][0]).toBeCloseTo(0.523602, 2)
    expect(r.manifest.summary.entropyEnd).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 0.523602), 5)
  })

  it('one seed gives the same run twice (particles, trajectories, metrics)', async () => {
    const spec = smallPaper47(150, { integration: { solver: 'heun', depth: 0.3, stepSize: 0.05, samples: 4 } })
    const a = await runExperiment(spec, { ctx: ctx(), backend })
    const b = await runExperiment(spec, { ctx: ctx(), backend })
    expect(Array.from(b.trajectories)).toEqual(Array.from(a.trajectories))
    expect(b.manifest.metrics).toEqual(a.manifest.metrics)
    const c = await runExperiment({ ...spec, seed: 4 }, { ctx: ctx(), backend })
    expect(Array.from(c.trajectories.subarray(0, 10))).not.toEqual(Array.from(a.trajectories.subarray(0, 10)))
  })

  it('an invalid spec is refused with the field names before any work', async () => {
    const bad = smallPaper47(10, { integration: { solver: 'rk4', depth: 0.6, stepSize: 0.005, samples: 1 } })
    let err: unknown
    try {
      await runExperiment(bad, { ctx: ctx(), backend })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(EngineError)
    expect((err as EngineError).code).toBe('invalid-spec')
    const fields = (err as EngineError).fields!.map((f) => f.field)
    expect(fields).toContain('integration.samples')
    expect(() => checkSpec({ version: 1 })).toThrow(/name/)
  })

  it('cancel mid-run ends with cancelled, leaves no folder and no tensors', async () => {
    const cancelWs = await mkdtemp(join(tmpdir(), 'nagare-cancel-'))
    const store = new RunStore(cancelWs)
    const m = new JobManager()
    let sawProgressAt = 0
    const events = await runJob(m, store, smallPaper47(20_000, { integration: { solver: 'rk4', depth: 0.45, stepSize: 0.0005, samples: 46 } }), (e, id) => {
      if (e.type === 'progress' && !sawProgressAt) {
        sawProgressAt = Date.now()
        m.cancel(id)
      }
    })
    const ended = Date.now()
    expect(events.filter((e) => ['done', 'failed', 'cancelled'].includes(e.type)).map((e) => e.type)).toEqual(['cancelled'])
    expect(ended - sawProgressAt).toBeLessThan(2_000)
    expect(
      await readdir(cancelWs).then(
        (d) => d,
        () => []
      )
    ).toEqual([])
    expect(tf.memory().numTensors).toBe(baseline)
    await rm(cancelWs, { recursive: true, force: true })
  })

  it('a failing run (blow-up) reports the depth, leaves no folder and no tensors', async () => {
    const store = new RunStore(join(ws, 'fail'))
    const m = new JobManager()
    // wrap the real flow so its velocity explodes: x' = 50 x blows past 1e8 within the run
    const buildFlow = (): Flow => ({
      type: 'field',
      notes: [],
      field: { dim: 2, referenceRows: 0, velocity: (x) => tf.mul(x, 50), dispose: () => {} }
    })
    const events: JobEvent[] = []
    m.onEvent((e) => events.push(e))
    m.submit('boom', async (c) => store.save(await runExperiment(smallPaper47(100), { ctx: c, backend, deps: { buildFlow } })))
    await m.idle()
    const failed = events.find((e) => e.type === 'failed') as Extract<JobEvent, { type: 'failed' }>
    expect(failed.error.code).toBe('blow-up')
    expect(failed.error.message).toMatchObject({ key: 'engine.blowUp', params: { depth: expect.stringMatching(/^0\.\d+$/) } })
    expect(await store.list()).toEqual([])
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('progress is throttled on a run that takes a while, and ends at 1', async () => {
    const store = new RunStore(join(ws, 'throttle'))
    const m = new JobManager()
    const started = Date.now()
    const events = await runJob(m, store, smallPaper47(500, { integration: { solver: 'rk4', depth: 0.45, stepSize: 0.0025, samples: 46 } }))
    const seconds = (Date.now() - started) / 1000
    const progress = events.filter((e) => e.type === 'progress') as Extract<JobEvent, { type: 'progress' }>[]
    expect(events.at(-1)!.type).toBe('done')
    // 180 steps + 46 metric samples + 4 files would be ~230 updates unthrottled
    expect(progress.length).toBeLessThan(60)
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2)
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress.at(-1)!.fraction).toBe(1)
    for (let i = 1; i < progress.length; i++) expect(progress[i].fraction).toBeGreaterThanOrEqual(progress[i - 1].fraction)
    expect(progress.some((p) => p.depth !== undefined && p.depth > 0 && p.depth < 0.45)).toBe(true)
  })

  it('chunks: LIMITS.chunkSize particles, fewer when many samples', () => {
    expect(chunkRows(46, 2)).toBe(131_072)
    expect(chunkRows(1000, 3)).toBe(Math.floor((256 * 2 ** 20) / (1000 * 3 * 4)))
  })
})
