// ONNX models in layer analyses: what `nagare inspect model.onnx` prints (and the engine's inspectOnnx
// returns), the options of an ONNX analysis (CLI flags and the layers.start request), the limits both
// enforce, and how a recorded feature map was reduced. Shared so the wizard validates as the engine does.
import { z } from 'zod'

/** A dimension: a number when fixed, the symbolic name ('batch_size', 'N') when the model leaves it open. */
export const OnnxDimSchema = z.union([z.number().int().min(0), z.string()])
export type OnnxDim = z.infer<typeof OnnxDimSchema>

/** A graph input or output. shape is null when the model does not say (dtype 'unknown' likewise). */
export const OnnxValueSchema = z.object({
  name: z.string(),
  shape: z.array(OnnxDimSchema).nullable(),
  dtype: z.string()
})
export type OnnxValue = z.infer<typeof OnnxValueSchema>

/** One node output, in topological order. */
export const OnnxTensorSchema = z.object({
  name: z.string(),
  /** the producing node's op type (Conv, Relu, Add, ...) */
  op: z.string(),
  /** the producing node's name; PyTorch exports name it by module path (/layer1/0/relu/Relu) */
  node: z.string(),
  /** where known: the model's value_info, else a dry run (the batch dimension named as the input's) */
  shape: z.array(OnnxDimSchema).nullable(),
  dtype: z.string()
})
export type OnnxTensor = z.infer<typeof OnnxTensorSchema>

/** An Add (or Sum) node joining a skip path `input` to a `branch` computed from it: output = input + branch. */
export const ResidualBlockSchema = z.object({
  /** the Add/Sum node's name */
  add: z.string(),
  input: z.string(),
  branch: z.string(),
  output: z.string()
})
export type ResidualBlock = z.infer<typeof ResidualBlockSchema>

export const OnnxInspectionSchema = z.object({
  irVersion: z.number().int(),
  opset: z.array(z.object({ domain: z.string(), version: z.number().int() })),
  producer: z.object({ name: z.string(), version: z.string() }),
  inputs: z.array(OnnxValueSchema),
  outputs: z.array(OnnxValueSchema),
  tensors: z.array(OnnxTensorSchema),
  residualBlocks: z.array(ResidualBlockSchema),
  /** the tensors `nagare analyze` records when --layers is not given (block outputs and activations) */
  defaultLayers: z.array(z.string())
})
export type OnnxInspection = z.infer<typeof OnnxInspectionSchema>

/**
 * How a feature map wider than ONNX_LIMITS.exactFeatures is analysed: 'auto' = a seeded (very sparse) random
 * projection to ONNX_LIMITS.projectionDimension (kNN preservation and CKA then approximate);
 * 'channel-means' = the mean over the spatial positions of each channel ([N, C, ...] to [N, C]).
 */
export const FEATURE_MAP_MODES = ['auto', 'channel-means'] as const
export type FeatureMapMode = (typeof FEATURE_MAP_MODES)[number]

export const ONNX_LIMITS = {
  /** largest .onnx file read (held in memory with one in-memory copy): 512 MiB */
  maxModelBytes: 512 * 1024 * 1024,
  /** features analysed exactly (flattened); beyond, the feature-map mode applies */
  exactFeatures: 4096,
  /** the dimension of the random projection */
  projectionDimension: 1024,
  /** most tensors recorded in one analysis */
  maxLayers: 64
} as const

/** Options of an ONNX analysis (CLI: --layers, --feature-maps, --batch; layers.start: its `onnx` field). */
export const OnnxAnalyzeOptionsSchema = z.strictObject({
  /** tensor names to record, in any order (recorded in graph order); default: the inspection's defaultLayers */
  layers: z.array(z.string().min(1)).min(1).max(ONNX_LIMITS.maxLayers).optional(),
  featureMaps: z.enum(FEATURE_MAP_MODES).optional(),
  /** samples per forward pass (default: as many as fit 4M recorded values, at most 256) */
  batchSize: z.number().int().min(1).max(4096).optional()
})
export type OnnxAnalyzeOptions = z.infer<typeof OnnxAnalyzeOptionsSchema>

/** How a recorded tensor became a row's points. */
export interface FeatureReduction {
  method: 'exact' | 'random-projection' | 'channel-means'
  /** the tensor's shape per sample (batch axis dropped) */
  shape: number[]
  /** features analysed */
  width: number
  /** random projection: the seed of its matrix */
  seed?: number
  /**
   * random projection: 'sparse' = the very sparse matrix (entries +-sqrt(s / width) with probability 1/s,
   * s = sqrt(features)); absent in analyses recorded before it, whose matrix was Gaussian N(0, 1/width)
   */
  matrix?: 'sparse'
}
