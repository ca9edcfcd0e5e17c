// layers.start / layers.list / layers.get through the engine service: a TF.js model (uploaded as base64
// model.json + weights.bin) run on a built-in dataset, activation dumps uploaded as files; every bad input
// refused at once as invalid-request with the workspace unchanged; unreadable analyses listed, not deleted.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngineService, JobEvent } from '../../../../shared/contract'
import { tf } from '../../../../electron/engine/backend'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import { loadLayerDumps } from '../../../../electron/engine/layers/dumps'
import { loadLabelInfo } from '../../../../electron/engine/layers/labels'
import { saveDataset } from '../../../../electron/engine/datasets/store'
import { closeEngineService, openEngineService, waitForJobEnd } from '../service-fixture'
import { buildModel, LAYER_NAMES, type SavedModel } from './tfjs-fixture'
import { english, message, type MessageKey } from '../../../../shared/messages'

const FIX = resolve(__dirname, '../../../fixtures/layers')
let ws: string
let service: EngineService
let saved: SavedModel
const events: JobEvent[] = []

beforeAll(async () => {
  ;({ ws, service } = await openEngineService('nagare-layers-', events))
  saved = await buildModel()
})
afterAll(async () => {
  await closeEngineService(service, ws)
})

const waitForEnd = (jobId: string): Promise<JobEvent> => waitForJobEnd(events, jobId)

const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')
const modelUploads = (json: unknown = saved.modelJson, weights: Uint8Array | null = saved.weights) => [
  { name: 'model.json', content: b64(JSON.stringify(json)) },
  ...(weights ? [{ name: 'weights.bin', content: b64(weights) }] : [])
]
const analysesDir = (): Promise<string[]> => readdir(join(ws, 'analyses')).catch(() => [])

describe('layers handlers', () => {
  it('refuses bad input at once, naming the problem, and leaves the workspace unchanged', async () => {
    const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
    const custom = clone(saved.modelJson) as { modelTopology: { config: { layers: { class_name: string }[] } } }
    custom.modelTopology.config.layers[0].class_name = 'Fancy'
    // each refusal is a Message: its catalogue key names the problem, its English names no staging folder
    const cases: [string, unknown, MessageKey][] = [
      [
        'graph model',
        {
          name: 'g',
          source: 'tfjs-model',
          files: modelUploads({ format: 'graph-model', modelTopology: { node: [] }, weightsManifest: [] }, null),
          data: { kind: 'builtin', name: 'moons', n: 50 }
        },
        'onnx.graphModel'
      ],
      [
        'truncated weights',
        { name: 't', source: 'tfjs-model', files: modelUploads(saved.modelJson, saved.weights.subarray(8)), data: { kind: 'builtin', name: 'moons', n: 50 } },
        'import.weightsBytesMismatch'
      ],
      [
        'missing shard',
        { name: 'm', source: 'tfjs-model', files: modelUploads(saved.modelJson, null), data: { kind: 'builtin', name: 'moons', n: 50 } },
        'import.missingShard'
      ],
      [
        'unsupported layer',
        { name: 'u', source: 'tfjs-model', files: modelUploads(custom), data: { kind: 'builtin', name: 'moons', n: 50 } },
        'import.unsupportedLayer'
      ],
      [
        'dimensions',
        { name: 'd', source: 'tfjs-model', files: modelUploads(), data: { kind: 'builtin', name: 'gaussian-blobs', n: 50 } },
        'import.dimensionsMismatch'
      ],
      ['no data', { name: 'n', source: 'tfjs-model', files: modelUploads() }, 'import.modelNeedsData'],
      [
        'unknown builtin',
        { name: 'b', source: 'tfjs-model', files: modelUploads(), data: { kind: 'builtin', name: 'swiss-roll', n: 50 } },
        'import.unknownBuiltin'
      ],
      ['path in a name', { name: 'p', source: 'dumps', files: [{ name: '../x.npy', content: b64('abc') }] }, 'import.uploadNotPlainName'],
      ['one dump', { name: 'o', source: 'dumps', files: [{ name: 'a.csv', content: b64('1,2\n3,4\n5,6\n') }] }, 'import.dumpsTooFewLayers'],
      [
        'non-numeric CSV',
        {
          name: 'c',
          source: 'dumps',
          files: [
            { name: 'a.csv', content: b64('1,2\n3,4\n5,6\n') },
            { name: 'b.csv', content: b64('1,2\nx,4\n5,6\n') }
          ]
        },
        'engine.csvNotNumber'
      ],
      ['missing dataset', { name: 's', source: 'tfjs-model', files: modelUploads(), data: { kind: 'dataset', id: 'nope' } }, 'import.datasetNotFound']
    ]
    for (const [what, request, key] of cases) {
      const r = await service.call('layers.start', request as never)
      expect(r.ok, what).toBe(false)
      if (r.ok) continue
      expect(r.error.code, what).toBe(what === 'missing dataset' ? 'not-found' : 'invalid-request')
      expect(r.error.message.key, what).toBe(key)
      expect(english(r.error.message), what).not.toMatch(/nagare-dumps-/)
    }
    expect(await analysesDir()).toEqual([])
    expect(await readdir(ws).then((x) => x.filter((f) => f !== '.nagare'))).toEqual([])
    const list = await service.call('layers.list', {})
    expect(list).toEqual({ ok: true, value: [] })
  })

  it('runs a TF.js model on a built-in dataset as a job and saves the analysis folder', async () => {
    const baseline = tf.memory().numTensors
    const r = await service.call('layers.start', {
      name: 'dense moons',
      source: 'tfjs-model',
      files: modelUploads(),
      data: { kind: 'builtin', name: 'moons', n: 300, seed: 2 },
      k: 5,
      seed: 4
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type !== 'done') throw new Error(JSON.stringify(end))
    expect(tf.memory().numTensors).toBe(baseline)
    const id = end.runId
    expect((await readdir(join(ws, 'analyses', id))).sort()).toEqual(['analysis.json', 'labels.npy', 'layers.csv', 'layers.json', 'projection.npy'])
    const got = await service.call('layers.get', { id })
    if (!got.ok) throw new Error(english(got.error.message))
    const a = got.value
    expect(a).toMatchObject({ id, name: 'dense moons', source: 'tfjs-model', dataset: { kind: 'builtin', name: 'moons', n: 300, seed: 2 } })
    expect(a.report.rows.map((x) => x.name)).toEqual(['input', ...LAYER_NAMES])
    expect(a.report.rows.map((x) => x.width)).toEqual([2, 8, 8, 8, 2])
    expect(a.report.options).toMatchObject({ k: 5, seed: 4 })
    expect(a.report.rows[1].separability).toEqual(expect.any(Number))
    expect(a.projection?.shape).toEqual([5, 300, 3])
    expect(a.projection?.data).toBeInstanceOf(Float32Array)
    expect(a.projection?.data).toHaveLength(5 * 300 * 3)
    expect(a.projection?.labels).toHaveLength(300)
    expect(a.projection?.classes).toEqual(['upper moon', 'lower moon'])
    const ev = a.projection?.explainedVariance ?? []
    expect(ev).toHaveLength(3)
    expect(ev[0]).toBeGreaterThanOrEqual(ev[1])
    expect(ev.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(1 + 1e-9)
    expect(a.record.model).toMatchObject({ className: 'Sequential', inputShape: [2], layerNames: LAYER_NAMES })
    expect(a.record.files).toEqual(['model.json', 'weights.bin'])
    const list = await service.call('layers.list', {})
    expect(list.ok && list.value[0]).toMatchObject({ id, status: 'complete', source: 'tfjs-model', layerCount: 5, n: 300 })
  })

  it('analyses uploaded activation dumps exactly as analyzeLayers does on the folder', async () => {
    const names = await readdir(join(FIX, 'dumps'))
    const files = await Promise.all(names.map(async (name) => ({ name, content: b64(await readFile(join(FIX, 'dumps', name))) })))
    const r = await service.call('layers.start', { name: 'dumps', source: 'dumps', files, k: 3, seed: 1 })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type !== 'done') throw new Error(JSON.stringify(end))
    const got = await service.call('layers.get', { id: end.runId })
    if (!got.ok) throw new Error(english(got.error.message))
    const direct = await loadLayerDumps(join(FIX, 'dumps'))
    const labels = (await loadLabelInfo(join(FIX, 'dumps', 'labels.npy'))).labels
    const expected = JSON.parse(
      JSON.stringify(analyzeLayers(direct.layers, { k: 3, seed: 1, labels }), (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))
    )
    expect(got.value.report).toEqual(expected)
    expect(got.value.dataset).toMatchObject({ kind: 'dumps', n: direct.layers[0].n })
    expect(Array.from(got.value.projection?.labels ?? [])).toEqual(Array.from(labels))
  })

  it('runs a TF.js model on an imported workspace dataset (labels from the dataset)', async () => {
    const points = Float64Array.from({ length: 40 * 2 }, (_, i) => Math.sin(i * 0.37))
    const info = await saveDataset(ws, {
      name: 'sines',
      fileName: 'sines.csv',
      format: 'csv',
      original: new TextEncoder().encode('x'),
      points,
      n: 40,
      d: 2,
      featureNames: ['a', 'b'],
      labels: Int32Array.from({ length: 40 }, (_, i) => i % 3),
      labelName: 'c',
      classes: ['p', 'q', 'r']
    })
    const r = await service.call('layers.start', {
      name: 'on sines',
      source: 'tfjs-model',
      files: modelUploads(),
      data: { kind: 'dataset', id: info.id },
      k: 3
    })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type !== 'done') throw new Error(JSON.stringify(end))
    const got = await service.call('layers.get', { id: end.runId })
    if (!got.ok) throw new Error(english(got.error.message))
    expect(got.value.dataset).toEqual({ kind: 'dataset', id: info.id, n: 40, d: 2 })
    expect(Array.from(got.value.projection?.labels ?? []).slice(0, 4)).toEqual([0, 1, 2, 0])
    expect(got.value.projection?.classes).toEqual(['p', 'q', 'r'])
  })

  it('dumps with a data choice take its labels when they have none; a point-count mismatch is refused', async () => {
    const files = [{ name: 'stack.npz', content: b64(await readFile(join(FIX, 'stack.npz'))) }]
    const bad = await service.call('layers.start', { name: 'x', source: 'dumps', files, data: { kind: 'builtin', name: 'moons', n: 41 } })
    expect(!bad.ok && bad.error.message).toEqual(message('import.dumpsDataMismatch', { n: 41, m: 40 }))
    const r = await service.call('layers.start', { name: 'stack', source: 'dumps', files, data: { kind: 'builtin', name: 'moons', n: 40 } })
    if (!r.ok) throw new Error(english(r.error.message))
    const end = await waitForEnd(r.value.jobId)
    if (end.type !== 'done') throw new Error(JSON.stringify(end))
    const got = await service.call('layers.get', { id: end.runId })
    if (!got.ok) throw new Error(english(got.error.message))
    expect(Array.from(got.value.projection?.labels ?? [])).toEqual(Array.from({ length: 40 }, (_, i) => i % 2))
    expect(got.value.projection?.classes).toEqual(['upper moon', 'lower moon'])
    expect(got.value.report.rows.map((x) => x.name)).toEqual(['input', 'hidden', 'output'])
  })

  it('a cancelled job leaves no folder behind', async () => {
    const before = await analysesDir()
    const r = await service.call('layers.start', {
      name: 'cancel me',
      source: 'tfjs-model',
      files: modelUploads(),
      data: { kind: 'builtin', name: 'spirals', n: 2000 }
    })
    if (!r.ok) throw new Error(english(r.error.message))
    await service.call('jobs.cancel', { jobId: r.value.jobId })
    expect((await waitForEnd(r.value.jobId)).type).toBe('cancelled')
    expect(await analysesDir()).toEqual(before)
  })

  it('lists an unreadable analysis with its problem and keeps it; layers.get says unreadable', async () => {
    const bad = join(ws, 'analyses', '20200101-000000-broken-abcd')
    await mkdir(bad, { recursive: true })
    await writeFile(join(bad, 'analysis.json'), '{"version": 1, "id": ')
    const list = await service.call('layers.list', {})
    if (!list.ok) throw new Error(english(list.error.message))
    const broken = list.value.find((x) => x.id === '20200101-000000-broken-abcd')
    expect(broken).toMatchObject({ status: 'unreadable', problem: { key: 'import.analysisJsonUnreadable' } })
    expect(english(broken!.problem!)).toMatch(/analysis\.json cannot be read/)
    expect(list.value.filter((x) => x.status === 'complete')).toHaveLength(4)
    const got = await service.call('layers.get', { id: '20200101-000000-broken-abcd' })
    expect(!got.ok && got.error.code).toBe('unreadable-run')
    expect(await readdir(bad)).toEqual(['analysis.json'])
    const missing = await service.call('layers.get', { id: 'no-such-analysis' })
    expect(!missing.ok && missing.error.code).toBe('not-found')
  })
})
