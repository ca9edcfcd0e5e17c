// How a recorded tensor becomes a row's points: flattened exactly up to ONNX_LIMITS.exactFeatures; beyond,
// a seeded very sparse random projection to ONNX_LIMITS.projectionDimension (sparse-projection.ts; a
// Johnson-Lindenstrauss projection: distances kept up to a small relative error, so kNN preservation and
// CKA are approximate), or the mean of each channel when asked. The projection matrix depends only on
// (seed, width), so a block's input and output of the same shape share it and their difference (the Euler
// update) is projected consistently. The dense Gaussian matrix product this replaced cost 63 GFLOP on the
// ResNet-18 benchmark, three times the forward pass; the sparse product is ~1/sqrt(d) of it (docs/onnx.md).
import { ONNX_LIMITS, type FeatureMapMode, type FeatureReduction } from '../../../shared/onnx'
import { applySparseProjection, sparseProjection, type SparseProjection } from './sparse-projection'

/** The reduction a tensor of per-sample `shape` gets. */
export function planReduction(shape: number[], mode: FeatureMapMode, seed: number): FeatureReduction {
  const features = shape.reduce((a, b) => a * b, 1)
  if (features <= ONNX_LIMITS.exactFeatures) return { method: 'exact', shape, width: features }
  if (mode === 'channel-means' && shape.length >= 2) return { method: 'channel-means', shape, width: shape[0] }
  return { method: 'random-projection', shape, width: ONNX_LIMITS.projectionDimension, seed, matrix: 'sparse' }
}

/** Reduces batches of one tensor; `reduce` takes [b, ...shape] float values and returns [b, width] float64. */
export interface Reducer {
  plan: FeatureReduction
  reduce(values: Float32Array | Float64Array, b: number): Float64Array
}

function channelMeans(plan: FeatureReduction, features: number): Reducer {
  const c = plan.shape[0]
  const per = features / c
  return {
    plan,
    reduce: (v, b) => {
      const out = new Float64Array(b * c)
      for (let i = 0; i < b * c; i++) {
        let s = 0
        for (let j = i * per; j < (i + 1) * per; j++) s += v[j]
        out[i] = s / per
      }
      return out
    }
  }
}

/** Reducers share projection matrices by (features, seed): one matrix per width, as the Euler updates need. */
export function reducerFactory(): { reducerFor(plan: FeatureReduction): Reducer } {
  const matrices = new Map<string, SparseProjection>()
  return {
    reducerFor(plan) {
      const features = plan.shape.reduce((a, b) => a * b, 1)
      if (plan.method === 'exact') return { plan, reduce: (v) => Float64Array.from(v) }
      if (plan.method === 'channel-means') return channelMeans(plan, features)
      const key = `${features}x${plan.width}/${plan.seed ?? 0}`
      let r = matrices.get(key)
      if (!r) {
        r = sparseProjection(features, plan.width, plan.seed ?? 0)
        matrices.set(key, r)
      }
      const m = r
      return { plan, reduce: (v, b) => applySparseProjection(m, v, b) }
    }
  }
}
