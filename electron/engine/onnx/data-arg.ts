// The data of `nagare analyze model.onnx --data X`: what resolveModelInput reads (a folder of images
// with the image options, an .npy/.npz array of any rank [N, ...] whose trailing shape is matched to the
// model's input, CSV or builtin:<name>[:n] as rows [N, d]), as the samples recordOnnx takes.
import type { AnalysisDataset } from '../../../shared/layers'
import { resolveModelInput, type ModelInputOptions } from '../layers/model-input'
import type { OnnxData } from './record'

export interface OnnxDataInput {
  data: OnnxData
  dataset: AnalysisDataset
  labels?: Int32Array
  classes?: string[]
}

export async function resolveOnnxData(text: string, path: string, seed: number, image: Omit<ModelInputOptions, 'seed'> = {}): Promise<OnnxDataInput> {
  const p = await resolveModelInput(text, path, { ...image, seed })
  return {
    data: { values: p.points, n: p.n, sampleShape: p.shape ? p.shape.slice(1) : [p.d] },
    dataset: p.dataset,
    ...(p.labels ? { labels: p.labels } : {}),
    ...(p.classes ? { classes: p.classes } : {})
  }
}
