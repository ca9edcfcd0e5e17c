// The closed-form DAEs and the trained DAEs on an imported dataset. A closed form (continuous, shallow,
// composed) follows the Gaussian mixture EM fits to the rows, so its run must be the very run one gets by
// handing that mixture over as a "gmm" distribution with the same rows as explicit points; the continuous
// DAE's depth is bounded by the fitted t*, which also drives the near-t* warning. A trained DAE learns from the dataset's rows, and
// its run and report name the dataset as the data.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATASET_FIT_LIMITS, singularTime } from '../../../../shared/experiment'
import { english, message, storedEnglish, type StoredMessage, type StoredText } from '../../../../shared/messages'
import type { DatasetInfo } from '../../../../shared/dataset'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { saveDataset } from '../../../../electron/engine/datasets/store'
import { datasetMixture } from '../../../../electron/engine/datasets/fit-mixture'
import { createRng } from '../../../../electron/engine/sampling/random'
import { EngineError } from '../../../../electron/engine/errors'

/** a run's note by its key (notes are stored Messages; older runs' plain strings have no key) */
const noteOf = (notes: readonly StoredText[], key: string): StoredMessage | undefined =>
  notes.find((n): n is StoredMessage => typeof n !== 'string' && n.key === key)

const ctx = () => createJobContext(new AbortController().signal)
let backend: string
let ws: string
let info: DatasetInfo
const ROWS = 400

beforeAll(async () => {
  backend = await initBackend('cpu')
  ws = await mkdtemp(join(tmpdir(), 'nagare-ddae-'))
  // two blobs in (x, y) and a third column far away (a wrong column would show), labelled by blob
  const rng = createRng(21)
  const points = new Float64Array(ROWS * 3)
  const labels = new Int32Array(ROWS)
  for (let i = 0; i < ROWS; i++) {
    labels[i] = i % 3 === 0 ? 1 : 0
    points[3 * i] = (labels[i] ? 2 : -1.5) + 0.6 * rng.normal()
    points[3 * i + 1] = (labels[i] ? 1 : 0) + 0.8 * rng.normal()
    points[3 * i + 2] = 50 + rng.normal()
  }
  info = await saveDataset(ws, {
    name: 'Two blobs',
    fileName: 'blobs.csv',
    format: 'csv',
    original: new Uint8Array([1]),
    points,
    n: ROWS,
    d: 3,
    featureNames: ['x', 'y', 'far'],
    labels,
    labelName: 'blob',
    classes: ['left', 'right']
  })
})
afterAll(() => rm(ws, { recursive: true, force: true }))

const SEED = 8
const continuous = (depth: number, components?: number, count = 150) => ({
  version: 1,
  name: 'fitted',
  seed: SEED,
  distribution: { kind: 'dataset', id: info.id, columns: [0, 1], ...(components ? { components } : {}) },
  particles: { kind: 'sample', count },
  flow: { kind: 'continuous-dae' },
  integration: { solver: 'rk4', depth, stepSize: depth / 4, samples: 3 }
})

async function refusal(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(EngineError)
  expect((e as EngineError).code).toBe('invalid-spec')
  return (e as EngineError).fields!.map((f) => `${f.field}: ${english(f.message)}`)
}

describe('the continuous DAE of an imported dataset', () => {
  it('moves the particles exactly as the fitted mixture given as a distribution, on the same rows', async () => {
    const fit = await datasetMixture(ws, { id: info.id, columns: [0, 1], components: 2, seed: SEED })
    expect(fit.iterations).toBeGreaterThan(1)
    const depth = Number((0.5 * fit.tStar).toPrecision(3))
    const a = await runExperiment(continuous(depth, 2), { ctx: ctx(), backend, workspace: ws })
    const N = 150
    const start = Array.from(a.trajectories.subarray(0, N * 2))
    const points = Array.from({ length: N }, (_, i) => [start[2 * i], start[2 * i + 1]])
    const m = fit.mixture
    const b = await runExperiment(
      {
        ...continuous(depth, 2),
        distribution: { kind: 'gmm', weights: m.weights, means: m.means, covariances: m.covariances },
        particles: { kind: 'points', points }
      },
      { ctx: ctx(), backend }
    )
    expect(Array.from(a.trajectories)).toEqual(Array.from(b.trajectories))
    // the particles did move (a field that was zero would also be "equal")
    const last = a.trajectories.subarray(2 * N * 2)
    expect(Math.max(...start.map((v, i) => Math.abs(v - last[i])))).toBeGreaterThan(0.01)
    // the run records the fitted mixture: K, log-likelihood, iterations, and its t* as the run's
    expect(a.manifest.summary.singularTime).toBe(singularTime(m))
    const note = noteOf(a.manifest.notes, 'datadae.noteFitted')!
    expect(note.params).toMatchObject({ components: 2, iterations: fit.iterations, tStar: Number(fit.tStar.toPrecision(6)) })
    expect(storedEnglish(note)).toContain(`fitted by EM to all ${ROWS} rows of dataset "Two blobs"`)
    expect(a.manifest.labels).toBe('class')
  })

  it('K = 1 by default: the sample mean and covariance of all rows', async () => {
    const fit = await datasetMixture(ws, { id: info.id, columns: [1, 0], seed: SEED })
    expect(fit.mixture.weights).toEqual([1])
    const r = await runExperiment(continuous(Number((0.3 * fit.tStar).toPrecision(3)), undefined), { ctx: ctx(), backend, workspace: ws })
    expect(noteOf(r.manifest.notes, 'datadae.noteFitted')!.params).toMatchObject({ components: 1, iterations: 0 })
  })

  it('bounds the depth by the fitted t*: a warning near it, a field error past it', async () => {
    const fit = await datasetMixture(ws, { id: info.id, columns: [0, 1], components: 2, seed: SEED })
    const tStar = Number(fit.tStar.toPrecision(6))
    const near = Number((0.96 * fit.tStar).toPrecision(4))
    const r = await runExperiment(continuous(near, 2, 40), { ctx: ctx(), backend, workspace: ws })
    expect(r.manifest.notes).toContainEqual(expect.objectContaining({ key: 'steps.nearSingular', params: expect.objectContaining({ tStar }) }))
    const past = Number((1.01 * fit.tStar).toPrecision(4))
    expect(await refusal(runExperiment(continuous(past, 2, 40), { ctx: ctx(), backend, workspace: ws }))).toEqual([
      `integration.depth: ${english(message('datadae.depthPastFitted', { depth: past, tStar }))}`
    ])
    // more components than the rows can carry (5 full 2-D covariances need 15 rows): named on the K field
    const small = await saveDataset(ws, {
      name: 'Twelve',
      fileName: 'twelve.csv',
      format: 'csv',
      original: new Uint8Array([1]),
      points: Float64Array.from({ length: 24 }, (_, i) => Math.sin(i * 1.3)),
      n: 12,
      d: 2,
      featureNames: ['a', 'b']
    })
    const spec = { ...continuous(0.01, 5, 10), distribution: { kind: 'dataset', id: small.id, columns: [0, 1], components: 5 } }
    expect(await refusal(runExperiment(spec, { ctx: ctx(), backend, workspace: ws }))).toEqual([
      'distribution.components: the dataset has 12 rows: fitting 5 components with full covariances needs at least 15'
    ])
  })
})

describe('the shallow and composed DAEs of an imported dataset', () => {
  it('map the particles exactly as on the fitted mixture given as a distribution, past its t* too', async () => {
    const fit = await datasetMixture(ws, { id: info.id, columns: [0, 1], components: 2, seed: SEED })
    const m = fit.mixture
    const N = 120
    // a depth past the fitted t*: only the continuous DAE is bounded by it
    const depth = Number((1.5 * fit.tStar).toPrecision(3))
    for (const flow of [{ kind: 'shallow-dae' }, { kind: 'composed-dae', layers: 3 }]) {
      const spec = { ...continuous(depth, 2, N), flow, integration: { solver: 'euler', depth, stepSize: depth / 3, samples: 3 } }
      const a = await runExperiment(spec, { ctx: ctx(), backend, workspace: ws })
      const start = Array.from(a.trajectories.subarray(0, N * 2))
      const points = Array.from({ length: N }, (_, i) => [start[2 * i], start[2 * i + 1]])
      const b = await runExperiment(
        { ...spec, distribution: { kind: 'gmm', weights: m.weights, means: m.means, covariances: m.covariances }, particles: { kind: 'points', points } },
        { ctx: ctx(), backend }
      )
      expect(Array.from(a.trajectories)).toEqual(Array.from(b.trajectories))
      const last = a.trajectories.subarray(2 * N * 2)
      expect(Math.max(...start.map((v, i) => Math.abs(v - last[i])))).toBeGreaterThan(0.01)
      const note = noteOf(a.manifest.notes, 'datadae.noteFitted')!
      expect(note.params).toMatchObject({ kind: flow.kind, components: 2, iterations: fit.iterations })
      expect(storedEnglish(note)).toContain(`Flow: ${flow.kind} of a 2-component Gaussian mixture fitted by EM to all ${ROWS} rows`)
    }
  })
})

describe('the mixture fitted to a large dataset', () => {
  it('is fitted to a seeded subsample of DATASET_FIT_LIMITS.maxRows rows, and says so', async () => {
    const n = DATASET_FIT_LIMITS.maxRows + 5000
    const rng = createRng(77)
    const points = Float64Array.from({ length: n }, () => 3 + 2 * rng.normal())
    const big = await saveDataset(ws, { name: 'Big', fileName: 'big.csv', format: 'csv', original: new Uint8Array([1]), points, n, d: 1, featureNames: ['v'] })
    const a = await datasetMixture(ws, { id: big.id, columns: [0], seed: 4 })
    expect(a.rows).toBe(DATASET_FIT_LIMITS.maxRows)
    expect(a.totalRows).toBe(n)
    expect(english(a.note)).toContain(`fitted by EM to a seeded subsample of 20,000 of its 25,000 rows of dataset "Big"`)
    // the same seed, the same rows; the subsample's moments are those of the data within sampling error
    expect(await datasetMixture(ws, { id: big.id, columns: [0], seed: 4 })).toEqual(a)
    expect(Math.abs(a.mixture.means[0][0] - 3)).toBeLessThan(0.05)
    expect(Math.abs(a.mixture.covariances[0][0][0] - 4)).toBeLessThan(0.15)
  })
})

describe('a trained DAE on an imported dataset', () => {
  it('trains on the rows and names the dataset as its data', async () => {
    const r = await runExperiment(
      {
        version: 1,
        name: 'trained on rows',
        seed: 3,
        distribution: { kind: 'dataset', id: info.id, columns: [0, 1] },
        particles: { kind: 'sample', count: 60 },
        flow: { kind: 'trained-dae', t: 0.1, model: { width: 8, hiddenLayers: 1 }, training: { epochs: 2, batchSize: 64 } },
        integration: { solver: 'euler', depth: 0.1, stepSize: 0.1, samples: 2 }
      },
      { ctx: ctx(), backend, workspace: ws }
    )
    const tr = r.manifest.training!
    // all 400 rows (fewer than the 4096 samples asked for) were the training data
    expect(tr.trainingSamples + tr.validationSamples).toBe(ROWS)
    expect(tr.closedForm).toBeUndefined()
    const note = noteOf(r.manifest.notes, 'datadae.noteTrainingRows')!
    expect(storedEnglish(note)).toBe(
      'Training data: 400 rows of dataset "Two blobs" (columns x, y), as stored (not standardised), all of its rows (fewer than the 4096 training samples asked for)'
    )
    // the particles are the dataset's rows: each starting point is one of them
    expect(r.manifest.labels).toBe('class')
    // the report's data row names the dataset and its columns, not a distribution
    // (the renderer's own function, loaded by path: the engine's tsconfig does not take renderer files)
    const report = '../../../../renderer/src/components/report/reportSettings'
    const { dataSourceText } = (await import(report)) as {
      dataSourceText: (spec: unknown, datasets: DatasetInfo[], t: (key: string, params?: Record<string, unknown>) => string, f: (v: number) => string) => string
    }
    const words = dataSourceText(r.manifest.spec, [info], (key, p) => `${key} ${JSON.stringify(p)}`, String)
    expect(words).toBe(`training.report.imported {"name":"Two blobs","id":"${info.id}","columns":"x, y"}`)
  })
})
