// Plain-language flags on a layer report: each names the layer, the number behind it, the documented
// threshold it crossed and a remedy an engineer can act on.
import type { FlagThresholds, LayerFlag } from '../../../shared/layers'
import { say } from '../../../shared/messages'

/** Documented thresholds (the defaults of AnalyzeOptions.thresholds). */
export const FLAG_THRESHOLDS = {
  /** flag a layer that merges more than this share of the point pairs distinct at the input */
  merging: 0.05,
  /** flag an update more than this many times the median of the other updates of its residual stretch */
  motion: 3,
  /** flag a layer that keeps less than this share of each point's k input neighbours */
  neighbours: 0.5,
  /** flag a layer that multiplies the (scale-free) reference-vs-compare energy coefficient by more than this */
  shift: 2
} as const satisfies FlagThresholds
export type { FlagKind, FlagThresholds, LayerFlag } from '../../../shared/layers'

const pct = (x: number): string => `${Math.round(x * 100)}%`
/** The layer's name is said only when it is not just its index. */
const named = (layer: number, name: string): boolean => String(layer) !== name

export function mergingFlag(layer: number, name: string, fraction: number, threshold: number): LayerFlag {
  return {
    kind: 'merging',
    layer,
    name,
    value: fraction,
    threshold,
    message: say(named(layer, name) ? 'import.flagMergingNamed' : 'import.flagMerging', { layer, name, fraction: pct(fraction), threshold: pct(threshold) }),
    remedy: say('import.flagMergingRemedy')
  }
}

export function motionFlag(layer: number, name: string, ratio: number, threshold: number): LayerFlag {
  return {
    kind: 'motion',
    layer,
    name,
    value: ratio,
    threshold,
    message: say(named(layer, name) ? 'import.flagMotionNamed' : 'import.flagMotion', { layer, name, ratio: ratio.toFixed(1), threshold }),
    remedy: say('import.flagMotionRemedy')
  }
}

export function neighboursFlag(layer: number, name: string, kept: number, k: number, threshold: number): LayerFlag {
  return {
    kind: 'neighbours',
    layer,
    name,
    value: kept,
    threshold,
    message: say(named(layer, name) ? 'import.flagNeighboursNamed' : 'import.flagNeighbours', { layer, name, kept: pct(kept), k, threshold: pct(threshold) }),
    remedy: say('import.flagNeighboursRemedy')
  }
}

export function shiftFlag(layer: number, name: string, factor: number, threshold: number, before: number, after: number): LayerFlag {
  return {
    kind: 'shift',
    layer,
    name,
    value: factor,
    threshold,
    message: say(named(layer, name) ? 'shift.flagShiftNamed' : 'shift.flagShift', { layer, name, factor: factor.toFixed(1), before: before.toFixed(3), after: after.toFixed(3), threshold }),
    remedy: say('shift.flagShiftRemedy'),
    rows: [layer - 1, layer],
    explanation: 'shift.explainShift'
  }
}
