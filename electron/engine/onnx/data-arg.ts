// The data of `nagare analyze model.onnx --data X`: a .npy of any rank [N, ...] (its trailing shape is
// matched to the model's input), or what the other models take (CSV, builtin:<name>[:n]) as rows [N, d].
import type { AnalysisDataset } from '../../../shared/layers'
import { say } from '../../../shared/messages'
import { EngineError } from '../errors'
import { resolveDataArgument } from '../layers/pipeline'
import { NpyError, readNpyAny } from '../runs/npy'
import type { OnnxData } from './record'

export interface OnnxDataInput {
  data: OnnxData
  dataset: AnalysisDataset
  labels?: Int32Array
  classes?: string[]
}

export async function resolveOnnxData(text: string, path: string, seed: number): Promise<OnnxDataInput> {
  if (!text.startsWith('builtin:') && /\.npy$/i.test(text)) {
    let a
    try {
      a = await readNpyAny(path)
    } catch (e) {
      if (e instanceof NpyError) throw new EngineError('invalid-request', e.message)
      throw new EngineError('invalid-request', say('import.cannotRead', { path, detail: e instanceof Error ? e.message : String(e) }))
    }
    if (a.shape.length === 0) throw new EngineError('invalid-request', say('import.layerScalar', { name: path }))
    const n = a.shape[0]
    const sampleShape = a.shape.length === 1 ? [1] : a.shape.slice(1)
    const d = sampleShape.reduce((x, y) => x * y, 1)
    const values = a.data instanceof Int32Array ? Float32Array.from(a.data) : a.data
    return { data: { values, n, sampleShape }, dataset: { kind: 'file', path, n, d } }
  }
  const p = await resolveDataArgument(text, path, seed)
  return { data: { values: p.points, n: p.n, sampleShape: [p.d] }, dataset: p.dataset, ...(p.labels ? { labels: p.labels } : {}), ...(p.classes ? { classes: p.classes } : {}) }
}
