// How a recorded tensor becomes a row's points: flattened exactly up to ONNX_LIMITS.exactFeatures; beyond,
// a seeded Gaussian random projection to ONNX_LIMITS.projectionDimension (Johnson-Lindenstrauss: distances
// kept up to a small relative error, so kNN preservation and CKA are approximate), or the mean of each
// channel when asked. The projection matrix depends only on (seed, width), so a block's input and output
// of the same shape share it and their difference (the Euler update) is projected consistently. The
// product runs as a one-node MatMul model in onnxruntime: its BLAS, not a JavaScript loop.
import type * as Ort from 'onnxruntime-node'
import * as protobuf from 'protobufjs'
import { ONNX_LIMITS, type FeatureMapMode, type FeatureReduction } from '../../../shared/onnx'
import { createRng } from '../data/random'
import { ONNX_PROTO } from './onnx-proto'
import { createSession, onnxRuntime } from './session'

const ModelProto = protobuf.parse(ONNX_PROTO).root.lookupType('onnx.ModelProto')
const FLOAT = 1

/** The reduction a tensor of per-sample `shape` gets. */
export function planReduction(shape: number[], mode: FeatureMapMode, seed: number): FeatureReduction {
  const features = shape.reduce((a, b) => a * b, 1)
  if (features <= ONNX_LIMITS.exactFeatures) return { method: 'exact', shape, width: features }
  if (mode === 'channel-means' && shape.length >= 2) return { method: 'channel-means', shape, width: shape[0] }
  return { method: 'random-projection', shape, width: ONNX_LIMITS.projectionDimension, seed }
}

/** The Gaussian matrix [features, dim], entries N(0, 1/dim), float32, from (seed, features). */
export function projectionMatrix(features: number, dim: number, seed: number): Float32Array {
  const rng = createRng(seed).fork(`onnx-projection-${features}x${dim}`)
  const p = new Float32Array(features * dim)
  const s = 1 / Math.sqrt(dim)
  for (let i = 0; i < p.length; i++) p[i] = rng.normal() * s
  return p
}

function matMulModel(features: number, dim: number, matrix: Float32Array): Uint8Array {
  const raw = new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength)
  const tensorType = (dims: (number | string)[]): object => ({ tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } })
  return ModelProto.encode(
    ModelProto.fromObject({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 13 }],
      producerName: 'nagare',
      graph: {
        name: 'projection',
        node: [{ opType: 'MatMul', input: ['x', 'P'], output: ['y'], name: 'project' }],
        initializer: [{ name: 'P', dataType: FLOAT, dims: [features, dim], rawData: raw }],
        input: [{ name: 'x', type: tensorType(['n', features]) }],
        output: [{ name: 'y', type: tensorType(['n', dim]) }]
      }
    })
  ).finish()
}

/** Reduces batches of one tensor; `reduce` takes [b, ...shape] float values and returns [b, width] float64. */
export interface Reducer {
  plan: FeatureReduction
  reduce(values: Float32Array | Float64Array, b: number): Promise<Float64Array>
  release(): Promise<void>
}

/** Reducers share projection sessions by width (one matrix per (seed, features)). */
export function reducerFactory(): { reducerFor(plan: FeatureReduction): Promise<Reducer>; release(): Promise<void> } {
  const sessions = new Map<number, Promise<Ort.InferenceSession>>()
  const projector = (features: number, plan: FeatureReduction): Promise<Ort.InferenceSession> => {
    let s = sessions.get(features)
    if (!s) {
      s = createSession(matMulModel(features, plan.width, projectionMatrix(features, plan.width, plan.seed ?? 0)), 'projection')
      sessions.set(features, s)
    }
    return s
  }
  const none = (): Promise<void> => Promise.resolve()
  return {
    async reducerFor(plan) {
      const features = plan.shape.reduce((a, b) => a * b, 1)
      if (plan.method === 'exact') return { plan, reduce: (v) => Promise.resolve(Float64Array.from(v)), release: none }
      if (plan.method === 'channel-means') {
        const c = plan.shape[0]
        const per = features / c
        return {
          plan,
          release: none,
          reduce: (v, b) => {
            const out = new Float64Array(b * c)
            for (let i = 0; i < b * c; i++) {
              let s = 0
              for (let j = i * per; j < (i + 1) * per; j++) s += v[j]
              out[i] = s / per
            }
            return Promise.resolve(out)
          }
        }
      }
      const session = await projector(features, plan)
      const rt = await onnxRuntime()
      return {
        plan,
        release: none,
        reduce: async (v, b) => {
          const x = new rt.Tensor('float32', v instanceof Float32Array ? v : Float32Array.from(v), [b, features])
          const y = (await session.run({ x }, ['y'])).y
          return Float64Array.from(y.data as Float32Array)
        }
      }
    },
    async release() {
      for (const s of sessions.values()) await (await s).release()
      sessions.clear()
    }
  }
}
