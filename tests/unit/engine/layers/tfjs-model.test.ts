// TF.js Layers model import: a dense 2-8-8-8-2 model with known weights, saved to model.json +
// weights.bin, loaded back from files; every recorded layer output agrees with a plain-JS forward pass
// of the same weights to 1e-5; tensors return to baseline; every kind of bad model is refused by name.
import { mkdtemp, rm, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as tfl from '@tensorflow/tfjs-layers'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createRng } from '../../../../electron/engine/sampling/random'
import { EngineError } from '../../../../electron/engine/errors'
import { MAX_MODEL_FILE_BYTES, readModelFiles, type ModelFile } from '../../../../electron/engine/layers/model-files'
import { loadModelFromFiles, recordLayerOutputs } from '../../../../electron/engine/layers/tfjs-model'
import { buildModel, forwardPlain, LAYER_NAMES, WIDTHS, writeModel, type SavedModel } from './tfjs-fixture'

let saved: SavedModel
let dir: string
beforeAll(async () => {
  await initBackend('cpu')
  saved = await buildModel()
  dir = await mkdtemp(join(tmpdir(), 'nagare-tfjs-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const filesOf = (json: unknown, weights: Uint8Array | null = saved.weights): ModelFile[] => [
  { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) },
  ...(weights ? [{ name: 'weights.bin', bytes: weights }] : [])
]
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

async function refusal(files: ModelFile[]): Promise<EngineError> {
  const e = await loadModelFromFiles(files).then(
    () => undefined,
    (x: unknown) => x
  )
  expect(e).toBeInstanceOf(EngineError)
  expect((e as EngineError).code).toBe('invalid-request')
  return e as EngineError
}

describe('TF.js Layers model import', () => {
  it('records every layer of a model read from model.json + weights.bin, matching a plain-JS forward pass to 1e-5', async () => {
    const path = await writeModel(join(dir, 'good'), saved)
    const baseline = tf.memory().numTensors
    const loaded = await loadModelFromFiles(await readModelFiles(path))
    expect(loaded.layerNames).toEqual(LAYER_NAMES)
    expect(loaded.inputWidth).toBe(2)
    const n = 257
    const rng = createRng(3)
    const points = Float64Array.from({ length: n * 2 }, () => 2 * rng.normal())
    let batches = 0
    // a small batch budget forces several batches: 3000 values / (26 + 2) per row = 107 rows, so 107, 107, 43
    const layers = await recordLayerOutputs(loaded, points, n, 2, { maxBatchValues: 3000, onBatch: () => void batches++ })
    expect(batches).toBe(3)
    expect(layers.map((l) => l.name)).toEqual(['input', ...LAYER_NAMES])
    expect(layers.map((l) => l.width)).toEqual(WIDTHS)
    // the model computes in float32 from float32 inputs: the truth starts from the same rounded inputs
    const x = Array.from({ length: n }, (_, i) => [Math.fround(points[2 * i]), Math.fround(points[2 * i + 1])])
    const truth = forwardPlain(x)
    let worst = 0
    truth.forEach((out, l) => {
      out.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - layers[l + 1].data[i * row.length + j])))))
    })
    expect(worst).toBeLessThan(1e-5)
    expect(Array.from(layers[0].data)).toEqual(Array.from(points))
    loaded.model.dispose()
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('flattens non-dense outputs (reshape, 1x1 conv) to [N, features]', async () => {
    const m = tfl.sequential({
      layers: [
        tfl.layers.reshape({ name: 'grid', targetShape: [2, 2, 1], inputShape: [4] }),
        tfl.layers.conv2d({ name: 'conv', filters: 2, kernelSize: 1, useBias: false }),
        tfl.layers.flatten({ name: 'flat' })
      ]
    })
    const kernel = tf.tensor4d([1, -2], [1, 1, 1, 2])
    m.getLayer('conv').setWeights([kernel])
    kernel.dispose()
    let art: tf.io.ModelArtifacts | undefined
    await m.save(tf.io.withSaveHandler(async (x) => ((art = x), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })))
    m.dispose()
    const json = { modelTopology: art?.modelTopology, weightsManifest: [{ paths: ['w.bin'], weights: art?.weightSpecs }] }
    const loaded = await loadModelFromFiles([...filesOf(json, null), { name: 'w.bin', bytes: new Uint8Array(art?.weightData as ArrayBuffer) }])
    const points = Float64Array.from([1, 2, 3, 4, -1, 0, 0.5, 2, 0, 0, 1, 1])
    const layers = await recordLayerOutputs(loaded, points, 3, 4)
    loaded.model.dispose()
    expect(layers.map((l) => [l.name, l.width])).toEqual([
      ['input', 4],
      ['grid', 4],
      ['conv', 8],
      ['flat', 8]
    ])
    expect(Array.from(layers[1].data)).toEqual(Array.from(points))
    // a 1x1 conv with channel weights (1, -2): each value v becomes (v, -2v), channels last
    // (+ 0 turns -0 into 0: toEqual tells them apart)
    expect(Array.from(layers[2].data, (v) => v + 0)).toEqual(Array.from(points).flatMap((v) => [v, -2 * v + 0]))
    expect(Array.from(layers[3].data)).toEqual(Array.from(layers[2].data))
  })

  it('refuses a data dimension that does not match the input, and recordings over the memory cap', async () => {
    const loaded = await loadModelFromFiles(filesOf(saved.modelJson))
    try {
      await expect(recordLayerOutputs(loaded, new Float64Array(30), 10, 3)).rejects.toThrow(/mismatched dimensions: the data has 3 features .* takes 2/)
      expect(loaded.widths).toEqual([8, 8, 8, 2])
      // the memory cap is checked before anything is allocated (widths inflated to pretend a huge model)
      const huge = { ...loaded, widths: loaded.widths.map(() => 20_000_000) }
      await expect(recordLayerOutputs(huge, new Float64Array(6), 3, 2)).rejects.toThrow(/over the limit of 134,217,728; use at most 1 points/)
    } finally {
      loaded.model.dispose()
    }
  })

  it('refuses a graph model', async () => {
    const e = await refusal(filesOf({ format: 'graph-model', modelTopology: { node: [], library: {} }, weightsManifest: [] }))
    expect(e.message).toMatch(/graph model/)
  })

  it('refuses weight files whose size does not match the manifest, and missing shards', async () => {
    expect((await refusal(filesOf(saved.modelJson, saved.weights.subarray(0, saved.weights.length - 4)))).message).toMatch(
      /weights do not match the topology: weights\.bin hold \d+ bytes.* need \d+/
    )
    expect((await refusal(filesOf(saved.modelJson, null))).message).toMatch(/missing weight file weights\.bin/)
    expect((await refusal([{ name: 'weights.bin', bytes: saved.weights }])).message).toMatch(/no model\.json/)
  })

  it('refuses manifest shapes that do not match the topology (same byte count)', async () => {
    const json = clone(saved.modelJson) as { weightsManifest: { weights: { shape: number[] }[] }[] }
    json.weightsManifest[0].weights[0].shape = [4, 4] // the first kernel is [2, 8]: 16 values either way
    const e = await refusal(filesOf(json))
    expect(e.message).toMatch(/weights do not match the topology.*shape/i)
  })

  it('refuses an unsupported (custom) layer', async () => {
    const json = clone(saved.modelJson) as { modelTopology: { config: { layers: { class_name: string }[] } } }
    json.modelTopology.config.layers[1].class_name = 'MyAttention'
    const e = await refusal(filesOf(json))
    expect(e.message).toMatch(/unsupported layer.*MyAttention/)
  })

  it('refuses files over the size cap, in memory and on disk', async () => {
    const big = new Uint8Array(MAX_MODEL_FILE_BYTES + 1)
    expect((await refusal(filesOf(saved.modelJson, big))).message).toMatch(/over the \d{1,3}(,\d{3})+-byte limit per model file/)
    const path = await writeModel(join(dir, 'big'), saved)
    await truncate(join(dir, 'big', 'weights.bin'), MAX_MODEL_FILE_BYTES + 1) // sparse: no real 48 MiB write
    await expect(readModelFiles(path)).rejects.toThrow(/over the \d{1,3}(,\d{3})+-byte limit/)
  })

  it('refuses JSON that is not a model', async () => {
    expect((await refusal([{ name: 'model.json', bytes: new TextEncoder().encode('{"a": 1') }])).message).toMatch(/not valid JSON/)
    expect((await refusal(filesOf({ modelTopology: { foo: 1 }, weightsManifest: [] }))).message).toMatch(/not a TF.js Layers model/)
  })
})
