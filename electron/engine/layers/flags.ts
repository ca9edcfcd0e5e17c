// Plain-language flags on a layer report that point at the cause: each names the layer that caused a
// loss (later layers that only carry it on are listed under it, not flagged again), the number behind it,
// the documented threshold it crossed, its rows, an explanation key and a remedy in the terms of the model
// at hand (an imported network's framework, or Nagare's flows). A classifier's output layer is judged as
// one: collapsing a class is its job, so only merging across classes is flagged there.
import type { FlagThresholds, LayerFlag, LayerRow, MergingScope, RemedyAudience } from '../../../shared/layers'
import { message, stored, type MessageKey, type MessageParam, type StoredMessage } from '../../../shared/messages'

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
/** a flag's text as analysis files keep it: the Message with its English beside it */
const flagText = (key: MessageKey, params?: Record<string, MessageParam>): StoredMessage => stored(message(key, params))
/** The layer's name is said only when it is not just its index. */
const named = (layer: number, name: string): boolean => String(layer) !== name
const pick = (layer: number, name: string, plain: MessageKey, withName: MessageKey): MessageKey => (named(layer, name) ? withName : plain)

const REMEDIES = {
  merging: { imported: 'shift.remedyMergingImported', flow: 'shift.remedyMergingFlow' },
  'across-classes': { imported: 'shift.remedyMergingAcrossImported', flow: 'shift.remedyMergingAcrossFlow' },
  'within-class': { imported: 'shift.remedyMergingWithinImported', flow: 'shift.remedyMergingWithinFlow' },
  motion: { imported: 'shift.remedyMotionImported', flow: 'shift.remedyMotionFlow' },
  neighbours: { imported: 'shift.remedyNeighboursImported', flow: 'shift.remedyNeighboursFlow' }
} as const satisfies Record<string, Record<RemedyAudience, MessageKey>>

export function mergingFlag(
  layer: number,
  name: string,
  fraction: number,
  threshold: number,
  scope: MergingScope = 'unlabelled',
  audience: RemedyAudience = 'imported',
  output = false
): LayerFlag {
  const params = { layer, name, fraction: pct(fraction), threshold: pct(threshold) }
  const message =
    scope === 'across-classes'
      ? flagText(pick(layer, name, 'shift.flagMergingAcross', 'shift.flagMergingAcrossNamed'), params)
      : scope === 'within-class'
        ? flagText(pick(layer, name, 'shift.flagMergingWithin', 'shift.flagMergingWithinNamed'), params)
        : flagText(pick(layer, name, 'import.flagMerging', 'import.flagMergingNamed'), params)
  return {
    kind: 'merging',
    layer,
    name,
    value: fraction,
    threshold,
    message,
    remedy: flagText(REMEDIES[scope === 'unlabelled' ? 'merging' : scope][audience]),
    rows: [layer],
    explanation: scope === 'across-classes' ? 'shift.explainMergingAcross' : scope === 'within-class' ? 'shift.explainMergingWithin' : 'shift.explainMerging',
    scope,
    ...(output ? { output } : {})
  }
}

export function motionFlag(layer: number, name: string, ratio: number, threshold: number, audience: RemedyAudience = 'imported'): LayerFlag {
  return {
    kind: 'motion',
    layer,
    name,
    value: ratio,
    threshold,
    message: flagText(pick(layer, name, 'import.flagMotion', 'import.flagMotionNamed'), { layer, name, ratio: ratio.toFixed(1), threshold }),
    remedy: flagText(REMEDIES.motion[audience]),
    rows: [layer],
    explanation: 'shift.explainMotion'
  }
}

export function neighboursFlag(layer: number, name: string, kept: number, k: number, threshold: number, audience: RemedyAudience = 'imported'): LayerFlag {
  return {
    kind: 'neighbours',
    layer,
    name,
    value: kept,
    threshold,
    message: flagText(pick(layer, name, 'import.flagNeighbours', 'import.flagNeighboursNamed'), { layer, name, kept: pct(kept), k, threshold: pct(threshold) }),
    remedy: flagText(REMEDIES.neighbours[audience]),
    rows: [layer],
    explanation: 'shift.explainNeighbours'
  }
}

export function shiftFlag(layer: number, name: string, factor: number, threshold: number, before: number, after: number): LayerFlag {
  return {
    kind: 'shift',
    layer,
    name,
    value: factor,
    threshold,
    message: flagText(pick(layer, name, 'shift.flagShift', 'shift.flagShiftNamed'), {
      layer,
      name,
      factor: factor.toFixed(1),
      before: before.toFixed(3),
      after: after.toFixed(3),
      threshold
    }),
    remedy: flagText('shift.flagShiftRemedy'),
    rows: [layer - 1, layer],
    explanation: 'shift.explainShift'
  }
}

export interface FlagContext {
  thresholds: FlagThresholds
  k: number
  labelled: boolean
  outputLayer: number | null
  audience: RemedyAudience
}

/** A flag that later layers may inherit: the open cause of a chain of over-threshold layers. */
function inherit(cause: LayerFlag, layer: number): void {
  cause.inherited = [...(cause.inherited ?? []), layer]
  cause.rows = [...(cause.rows ?? [cause.layer]), layer]
}

/**
 * The flags of a report's rows. A layer over a threshold is the cause when it adds the loss itself
 * (merging: new merges over the threshold; neighbours: it keeps too few of the previous layer's) or
 * when no earlier layer in the chain caused it; otherwise it is listed under the cause.
 */
export function raiseFlags(rows: LayerRow[], c: FlagContext): LayerFlag[] {
  const t = c.thresholds
  const flags: LayerFlag[] = []
  let merging: LayerFlag | null = null
  let neighbours: LayerFlag | null = null
  for (const r of rows.slice(1)) {
    const output = r.index === c.outputLayer
    if (r.merging > t.merging) {
      const across = r.mergingAcross ?? null
      const within = r.mergingWithin ?? null
      const scope: MergingScope = !c.labelled ? 'unlabelled' : across !== null && across > t.merging ? 'across-classes' : 'within-class'
      if (merging && (r.mergingNew ?? r.merging) <= t.merging) inherit(merging, r.index)
      else if (!output || scope === 'across-classes') {
        const value = scope === 'across-classes' ? (across as number) : scope === 'within-class' ? (within ?? r.merging) : r.merging
        merging = mergingFlag(r.index, r.name, value, t.merging, scope, c.audience, output)
        flags.push(merging)
      } else if (merging) inherit(merging, r.index)
    } else merging = null
    if (r.motionRatio !== null && r.motionRatio > t.motion) flags.push(motionFlag(r.index, r.name, r.motionRatio, t.motion, c.audience))
    if (r.knnPreservation < t.neighbours) {
      if (neighbours && (r.knnFromPrevious ?? 0) >= t.neighbours) inherit(neighbours, r.index)
      else if (!output) {
        neighbours = neighboursFlag(r.index, r.name, r.knnPreservation, c.k, t.neighbours, c.audience)
        flags.push(neighbours)
      } else if (neighbours) inherit(neighbours, r.index)
    } else neighbours = null
  }
  return flags
}
