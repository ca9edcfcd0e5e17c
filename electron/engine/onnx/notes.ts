// A row's reduction said in words (catalogue messages), for the report table and analysis.json.
import type { FeatureReduction } from '../../../shared/onnx'
import { ONNX_LIMITS } from '../../../shared/onnx'
import { message, type Message } from '../../../shared/messages'

export function reductionNote(r: FeatureReduction): Message {
  const shape = `[${r.shape.join(', ')}]`
  const features = r.shape.reduce((a, b) => a * b, 1)
  if (r.method === 'random-projection' && r.matrix === 'sparse')
    return message('onnxspeed.reductionSparseProjection', { shape, features, cap: ONNX_LIMITS.exactFeatures, width: r.width, seed: r.seed ?? 0 })
  // analyses recorded before the sparse matrix used a dense Gaussian one
  if (r.method === 'random-projection')
    return message('onnx.reductionProjection', { shape, features, cap: ONNX_LIMITS.exactFeatures, width: r.width, seed: r.seed ?? 0 })
  if (r.method === 'channel-means') return message('onnx.reductionChannelMeans', { shape, width: r.width })
  return message('onnx.reductionExact', { shape, width: r.width })
}
