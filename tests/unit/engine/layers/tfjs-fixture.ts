// Test fixture: a small TF.js Layers model (dense 2 -> 8 -> 8 -> 8 -> 2, tanh hidden layers) with known
// weights, saved through tf.io.withSaveHandler as model.json + weights.bin, plus a plain-JS forward pass
// of the same weights (the independent truth the recorded layer outputs are checked against).
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs-core'
import * as tfl from '@tensorflow/tfjs-layers'

export const WIDTHS = [2, 8, 8, 8, 2]
export const LAYER_NAMES = ['hidden1', 'hidden2', 'hidden3', 'out']

/** kernel [in, out] and bias [out] of dense layer l, from a fixed formula (float32-representable) */
export function knownWeights(l: number): { kernel: number[][]; bias: number[] } {
  const [a, b] = [WIDTHS[l], WIDTHS[l + 1]]
  const kernel = Array.from({ length: a }, (_, i) => Array.from({ length: b }, (_, j) => Math.fround(0.8 * Math.sin(1.3 * i + 0.7 * j + 2.1 * l + 0.5))))
  const bias = Array.from({ length: b }, (_, j) => Math.fround(0.1 * Math.cos(0.9 * j + l)))
  return { kernel, bias }
}

/** x -> tanh(x W + b) for hidden layers, linear output; every layer's output, in float64 */
export function forwardPlain(x: number[][]): number[][][] {
  const outs: number[][][] = []
  let h = x
  for (let l = 0; l < WIDTHS.length - 1; l++) {
    const { kernel, bias } = knownWeights(l)
    h = h.map((row) => bias.map((bj, j) => row.reduce((s, v, i) => s + v * kernel[i][j], bj)))
    if (l < WIDTHS.length - 2) h = h.map((row) => row.map(Math.tanh))
    outs.push(h)
  }
  return outs
}

export interface SavedModel {
  modelJson: Record<string, unknown>
  weights: Uint8Array
}

/** Build the model with the known weights and capture what tf.io would save. */
export async function buildModel(): Promise<SavedModel> {
  const model = tfl.sequential()
  for (let l = 0; l < WIDTHS.length - 1; l++)
    model.add(
      tfl.layers.dense({
        name: LAYER_NAMES[l],
        units: WIDTHS[l + 1],
        activation: l < WIDTHS.length - 2 ? 'tanh' : 'linear',
        ...(l === 0 ? { inputShape: [WIDTHS[0]] } : {})
      })
    )
  model.layers.forEach((layer, l) => {
    const { kernel, bias } = knownWeights(l)
    const ts = [tf.tensor2d(kernel), tf.tensor1d(bias)]
    layer.setWeights(ts)
    ts.forEach((t) => t.dispose())
  })
  let art: tf.io.ModelArtifacts | undefined
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      art = a
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
    })
  )
  model.dispose()
  if (!art || !art.weightData || !art.weightSpecs) throw new Error('nothing saved')
  const weights = new Uint8Array(art.weightData as ArrayBuffer)
  const modelJson = {
    modelTopology: art.modelTopology,
    format: art.format,
    generatedBy: art.generatedBy,
    convertedBy: art.convertedBy ?? null,
    weightsManifest: [{ paths: ['weights.bin'], weights: art.weightSpecs }]
  }
  return { modelJson, weights }
}

/** model.json + weights.bin in `dir` (created) */
export async function writeModel(dir: string, saved: SavedModel): Promise<string> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'model.json'), JSON.stringify(saved.modelJson))
  await writeFile(join(dir, 'weights.bin'), saved.weights)
  return join(dir, 'model.json')
}
