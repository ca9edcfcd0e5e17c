// Saving and loading a trained flow in the TF.js artifacts layout: model/model.json (topology = Nagare's
// field description, weightsManifest as TF.js writes it) and model/weights.bin (float32, little-endian).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../errors'
import { modelWithWeights, type TrainedModel, type TrainedModelMeta } from './trained-model'
import { message } from '../../../shared/messages'
import { parseJson } from '../../../shared/json-depth'

export const MODEL_DIR = 'model'
export const MODEL_FORMAT = 'nagare-trained-flow'

interface WeightEntry {
  name: string
  shape: number[]
  dtype: 'float32'
}

interface ModelJson {
  format: string
  generatedBy: string
  convertedBy: null
  modelTopology: TrainedModelMeta
  weightsManifest: { paths: string[]; weights: WeightEntry[] }[]
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** model.json text and weights.bin bytes for `model` */
export function modelArtifacts(model: TrainedModel, generatedBy: string): { json: string; weights: Uint8Array } {
  const ws = model.getWeights()
  const total = ws.reduce((a, w) => a + w.values.length, 0)
  const all = new Float32Array(total)
  let o = 0
  for (const w of ws) {
    all.set(w.values, o)
    o += w.values.length
  }
  const bytes = new Uint8Array(all.buffer)
  if (!littleEndian) for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse()
  const json: ModelJson = {
    format: MODEL_FORMAT,
    generatedBy,
    convertedBy: null,
    modelTopology: model.meta,
    weightsManifest: [{ paths: ['weights.bin'], weights: ws.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })) }]
  }
  return { json: JSON.stringify(json, null, 1), weights: bytes }
}

/** The run-folder entries for a saved model. */
export function modelFiles(model: TrainedModel, generatedBy: string): { path: string; data: Uint8Array | string }[] {
  const a = modelArtifacts(model, generatedBy)
  return [
    { path: `${MODEL_DIR}/model.json`, data: a.json },
    { path: `${MODEL_DIR}/weights.bin`, data: a.weights }
  ]
}

/** Rebuild a model from model.json text and weights.bin bytes. */
export function modelFromArtifacts(jsonText: string, weights: Uint8Array): TrainedModel {
  let json: ModelJson
  try {
    json = parseJson(jsonText) as ModelJson
  } catch (e) {
    throw new EngineError('unreadable-run', message('engine.modelJsonInvalid', { detail: (e as Error).message }))
  }
  if (json.format !== MODEL_FORMAT || !json.modelTopology || !Array.isArray(json.weightsManifest))
    throw new EngineError('unreadable-run', message('engine.modelFormat', { format: MODEL_FORMAT }))
  const entries = json.weightsManifest.flatMap((g) => g.weights)
  const bytes = Uint8Array.from(weights)
  if (!littleEndian) for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse()
  const all = new Float32Array(bytes.buffer, 0, Math.floor(bytes.length / 4))
  const values: Float32Array[] = []
  let o = 0
  for (const e of entries) {
    const n = e.shape.reduce((a, b) => a * b, 1)
    if (o + n > all.length) throw new EngineError('unreadable-run', message('engine.weightsTooShort', { name: e.name }))
    values.push(all.slice(o, o + n))
    o += n
  }
  if (o !== all.length) throw new EngineError('unreadable-run', message('engine.weightsTooLong', { extra: all.length - o }))
  return modelWithWeights(json.modelTopology, values)
}

/** Load the trained flow saved in a run folder (`<runDir>/model/`), to re-integrate it. */
export async function loadTrainedField(runDir: string): Promise<TrainedModel> {
  const [json, weights] = await Promise.all([readFile(join(runDir, MODEL_DIR, 'model.json'), 'utf8'), readFile(join(runDir, MODEL_DIR, 'weights.bin'))])
  return modelFromArtifacts(json, new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength))
}
