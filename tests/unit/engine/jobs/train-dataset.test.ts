// Classification on an imported dataset (flow.data {"kind": "dataset", "id"}), written by the datasets
// store's own writer: two Gaussian blobs 6 standard deviations apart (Bayes accuracy > 0.999) must be
// separated; a dataset without labels, with too many coordinates, or missing, is a field error on flow.data.id.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { message, stored, storedEnglish } from '../../../../shared/messages'
import { parseSpec } from '../../../../shared/experiment'
import { RunManifestSchema } from '../../../../shared/run'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { saveDataset } from '../../../../electron/engine/datasets/store'
import { EngineError } from '../../../../electron/engine/errors'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'
import type { MessageKey } from '../../../../shared/messages'
import type { FieldError } from '../../../../shared/experiment'

let baseline = 0
let ws = ''
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
  ws = await mkdtemp(join(tmpdir(), 'nagare-trainds-'))
})
afterAll(async () => {
  await rm(ws, { recursive: true, force: true })
})

/** n points in d coordinates: class 0 around -1.5 e_1, class 1 around +1.5 e_1, sd 0.5; labels alternate */
async function blobs(name: string, n: number, d: number, labelled: boolean): Promise<string> {
  const rng = createRng(99)
  const points = new Float64Array(n * d)
  const labels = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2
    for (let j = 0; j < d; j++) points[i * d + j] = 0.5 * rng.normal() + (j === 0 ? (labels[i] ? 1.5 : -1.5) : 0)
  }
  const info = await saveDataset(ws, {
    name,
    fileName: `${name}.csv`,
    format: 'csv',
    original: new TextEncoder().encode('x\n'),
    points,
    n,
    d,
    featureNames: Array.from({ length: d }, (_, j) => `x${j}`),
    ...(labelled ? { labels, labelName: 'side', classes: ['left', 'right'] } : {})
  })
  return info.id
}

const spec = (id: string, count: number, augment = 0): unknown => ({
  version: 1,
  name: 'imported',
  seed: 2,
  distribution: { kind: 'preset', name: 'paper-44' },
  particles: { kind: 'sample', count },
  flow: {
    kind: 'neural-ode',
    task: 'classify',
    data: { kind: 'dataset', id },
    model: { width: 8, hiddenLayers: 1, augment },
    training: { epochs: 5, batchSize: 64, learningRate: 0.03, solver: 'rk4', depth: 1, stepSize: 0.25 }
  },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.25, samples: 3 }
})

const ctx = () => createJobContext(new AbortController().signal)

async function fieldError(p: Promise<unknown>): Promise<FieldError[]> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(EngineError)
  expect((e as EngineError).code).toBe('invalid-spec')
  return (e as EngineError).fields ?? []
}

describe('classification on an imported dataset', () => {
  it('the spec accepts {"kind": "dataset", "id"} beside the built-ins, and nothing else there', () => {
    expect(parseSpec(spec('x', 10)).ok).toBe(true)
    const bad = parseSpec({ ...(spec('x', 10) as object), flow: { kind: 'neural-ode', task: 'classify', data: { kind: 'dataset' } } })
    expect(bad.ok).toBe(false)
  })

  it('separates two labelled blobs (held-out accuracy >= 0.95); particles are the drawn rows, labelled by class', async () => {
    const id = await blobs('blobs', 600, 2, true)
    const r = await runTrainedExperiment(spec(id, 400), { ctx: ctx(), backend: 'wasm', workspace: ws })
    const m = r.manifest
    expect(m.particleCount).toBe(400)
    expect(m.dimension).toBe(2)
    expect(m.labels).toBe('class')
    expect(m.training!.classes).toEqual(['left', 'right'])
    expect(m.training!.heldOut!.count).toBe(80)
    expect(m.training!.heldOut!.accuracy).toBeGreaterThanOrEqual(0.95)
    expect(m.notes).toContainEqual(stored(message('engine.noteDatasetSubsample', { id, rows: 600, count: 400 })))
    // the dataset's name is a Message inside the classification note, rendered with it
    expect(m.notes.map(storedEnglish).some((n) => n.includes(`the imported dataset ${id}`))).toBe(true)
    // the particles are rows of the file: each first coordinate lies on its class's side (6 sd apart)
    const x0 = r.trajectories.subarray(0, 400 * 2)
    let agree = 0
    for (let i = 0; i < 400; i++) if ((x0[2 * i] > 0 ? 1 : 0) === r.labels![i]) agree++
    expect(agree).toBeGreaterThanOrEqual(398)
    expect(RunManifestSchema.safeParse(m).success).toBe(true)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 60_000)

  it('no labels, too many coordinates with augment, a missing id, or no workspace: a field error on flow.data.id', async () => {
    const unlabelled = await blobs('nolabels', 50, 2, false)
    const three = await blobs('three', 50, 3, true)
    // the field's Message says why the data is refused: a dataset that cannot be read carries the reader's own Message
    const cases: [() => Promise<unknown>, MessageKey[]][] = [
      [() => runTrainedExperiment(spec(unlabelled, 50), { ctx: ctx(), backend: 'wasm', workspace: ws }), ['engine.datasetNoLabels']],
      [() => runTrainedExperiment(spec(three, 50, 1), { ctx: ctx(), backend: 'wasm', workspace: ws }), ['engine.datasetTooWideAugmented']],
      [
        () => runTrainedExperiment(spec('20990101-000000-nothing-abc', 50), { ctx: ctx(), backend: 'wasm', workspace: ws }),
        ['import.datasetNotFound', 'import.datasetUnreadable', 'import.datasetBadId']
      ],
      [() => runTrainedExperiment(spec(three, 50), { ctx: ctx(), backend: 'wasm' }), ['engine.datasetNeedsWorkspace']]
    ]
    for (const [p, keys] of cases) {
      const fields = await fieldError(p())
      expect(fields).toHaveLength(1)
      expect(fields[0].field).toBe('flow.data.id')
      expect(keys).toContain(fields[0].message.key)
    }
    // 3 coordinates without augmentation are fine
    const ok = await runTrainedExperiment(
      {
        ...(spec(three, 50) as object),
        flow: { ...(spec(three, 50) as { flow: object }).flow, training: { epochs: 1, batchSize: 64, solver: 'euler', depth: 1, stepSize: 0.5 } }
      },
      { ctx: ctx(), backend: 'wasm', workspace: ws }
    )
    expect(ok.manifest.dimension).toBe(3)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 60_000)
})
