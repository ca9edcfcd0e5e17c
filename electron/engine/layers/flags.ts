// Plain-language flags on a layer report: each names the layer, the number behind it, the documented
// threshold it crossed and a remedy an engineer can act on.
import type { FlagThresholds, LayerFlag } from '../../../shared/layers'

/** Documented thresholds (the defaults of AnalyzeOptions.thresholds). */
export const FLAG_THRESHOLDS = {
  /** flag a layer that merges more than this share of the point pairs distinct at the input */
  merging: 0.05,
  /** flag an update more than this many times the median of the other updates of its residual stretch */
  motion: 3,
  /** flag a layer that keeps less than this share of each point's k input neighbours */
  neighbours: 0.5
} as const satisfies FlagThresholds
export type { FlagKind, FlagThresholds, LayerFlag } from '../../../shared/layers'

const pct = (x: number): string => `${Math.round(x * 100)}%`
const label = (layer: number, name: string): string => (String(layer) === name ? `layer ${layer}` : `layer ${layer} (${name})`)

export function mergingFlag(layer: number, name: string, fraction: number, threshold: number): LayerFlag {
  return {
    kind: 'merging',
    layer,
    name,
    value: fraction,
    threshold,
    message: `${label(layer, name)} merges ${pct(fraction)} of point pairs that were distinct at the input (threshold ${pct(threshold)})`,
    remedy:
      'a flow cannot merge points: merging loses information for good. Regularize the kinetic energy, use an invertible (residual) block, or widen the layer'
  }
}

export function motionFlag(layer: number, name: string, ratio: number, threshold: number): LayerFlag {
  return {
    kind: 'motion',
    layer,
    name,
    value: ratio,
    threshold,
    message: `${label(layer, name)} moves the data ${ratio.toFixed(1)}x more than its neighbours in the residual stretch (threshold ${threshold}x the median update)`,
    remedy: 'one block does the work of several: use a smaller step or more layers, or regularize the kinetic energy so the motion spreads over depth'
  }
}

export function neighboursFlag(layer: number, name: string, kept: number, k: number, threshold: number): LayerFlag {
  return {
    kind: 'neighbours',
    layer,
    name,
    value: kept,
    threshold,
    message: `${label(layer, name)} keeps only ${pct(kept)} of each point's ${k} nearest neighbours (threshold ${pct(threshold)})`,
    remedy: 'the layer scrambles neighbourhoods: widen the layer, or regularize it towards a smooth (small-step) map'
  }
}
