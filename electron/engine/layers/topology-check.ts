// A TF.js Layers model's topology checked against its weights manifest before anything is built: building
// allocates every layer's variables from the topology alone, so a 682-byte model.json asking for a
// 150,000,000-unit Dense layer grew the process to 1.8 GB before the mismatch with its 2x4 weights was
// found. Sizes (units, filters, embedding sizes, the input shape) are capped, and each size a layer asks
// for must appear among the dimensions of that layer's weights in the manifest, whose bytes were checked.
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import type { WeightSpec } from './model-files'

/** Most units (Dense, recurrent layers) or embedding rows/columns one layer may ask for. */
export const MAX_UNITS = 1 << 20
/** Most filters of one convolution. */
export const MAX_FILTERS = 1 << 16
/** Most features of one input row (the product of the input shape past the batch axis). */
export const MAX_INPUT_VALUES = 1 << 24

/** config fields that size a layer's weights, with their cap */
const SIZES: [field: string, max: number][] = [
  ['units', MAX_UNITS],
  ['filters', MAX_FILTERS],
  ['input_dim', MAX_UNITS],
  ['output_dim', MAX_UNITS]
]

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

interface LayerConfig {
  name: string
  config: Record<string, unknown>
}

/** Every layer config in the topology, nested models and wrappers (Bidirectional, TimeDistributed) included. */
function layersOf(node: unknown, out: LayerConfig[] = [], depth = 0): LayerConfig[] {
  if (depth > 64) return out
  if (Array.isArray(node)) for (const v of node) layersOf(v, out, depth + 1)
  else if (isRecord(node)) {
    if (typeof node.class_name === 'string' && isRecord(node.config)) {
      const name = typeof node.config.name === 'string' ? node.config.name : typeof node.name === 'string' ? node.name : node.class_name
      out.push({ name, config: node.config })
    }
    for (const v of Object.values(node)) if (typeof v === 'object') layersOf(v, out, depth + 1)
  }
  return out
}

/** The weights of layer `name`: manifest entries with `name` as one of their path parts (a wrapped layer's
 * parts carry a prefix, as Bidirectional's forward_<name>). */
const weightsOf = (name: string, specs: WeightSpec[]): WeightSpec[] => specs.filter((s) => s.name.split('/').some((p) => p === name || p.endsWith(`_${name}`)))

function checkInputShape(l: LayerConfig): void {
  for (const key of ['batch_input_shape', 'batch_shape']) {
    const shape = l.config[key]
    if (!Array.isArray(shape)) continue
    const values = shape.slice(1).reduce((a: number, b: unknown) => a * (typeof b === 'number' && b > 0 ? b : 1), 1)
    if (values > MAX_INPUT_VALUES)
      throw invalid(message('harden.modelInputTooLarge', { name: l.name, shape: shape.map((s) => s ?? 'None').join(', '), values, max: MAX_INPUT_VALUES }))
  }
}

/** Refuse, before anything is built, a topology whose sizes pass the caps or disagree with the manifest. */
export function checkTopology(topology: unknown, specs: WeightSpec[]): void {
  for (const l of layersOf(topology)) {
    checkInputShape(l)
    for (const [field, max] of SIZES) {
      const value = l.config[field]
      if (value === undefined || value === null) continue
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max)
        throw invalid(message('harden.modelSizeTooLarge', { name: l.name, field, value: JSON.stringify(value).slice(0, 40), max }))
      const weights = weightsOf(l.name, specs)
      // a layer whose weights are absent is refused by the strict load, after building: refuse it first
      if (!weights.some((w) => w.shape.includes(value)))
        throw invalid(
          message('harden.modelWeightsDisagree', {
            name: l.name,
            field,
            value,
            shapes: weights.length ? weights.map((w) => `${w.name} [${w.shape.join(', ')}]`).join(', ') : message('harden.modelNoWeights')
          })
        )
    }
  }
}
