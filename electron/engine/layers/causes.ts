// What a layer itself does, told from what it inherits: merging split by class (pairs of different
// classes vs one class), the merging a layer adds over the previous one, and the share of the previous
// layer's neighbours it keeps. Pair states use the same thresholds as metrics.mergingFraction.
import { median } from './metrics'

/** per pair: 0 distinct at the input and apart here, 1 distinct at the input and merged here, 2 not distinct at the input */
export function pairStates(inputDist: Float64Array, layerDist: Float64Array, relative: number): Uint8Array {
  const tIn = relative * median(inputDist)
  const tOut = relative * median(layerDist)
  const out = new Uint8Array(inputDist.length)
  for (let p = 0; p < inputDist.length; p++) out[p] = !(inputDist[p] > tIn) ? 2 : layerDist[p] <= tOut ? 1 : 0
  return out
}

/** merged share of input-distinct pairs of different classes and of one class (null where there are none) */
export function mergingByClass(states: Uint8Array, pairs: Int32Array, labels: Int32Array): { across: number | null; within: number | null } {
  const seen = [0, 0]
  const merged = [0, 0]
  for (let p = 0; p < states.length; p++) {
    if (states[p] === 2) continue
    const same = labels[pairs[2 * p]] === labels[pairs[2 * p + 1]] ? 1 : 0
    seen[same]++
    if (states[p] === 1) merged[same]++
  }
  return { across: seen[0] ? merged[0] / seen[0] : null, within: seen[1] ? merged[1] / seen[1] : null }
}

/** share of input-distinct pairs merged here that were apart at the previous layer (all merged ones for the first) */
export function newMerging(states: Uint8Array, previous: Uint8Array | null): number {
  let distinct = 0
  let added = 0
  for (let p = 0; p < states.length; p++) {
    if (states[p] === 2) continue
    distinct++
    if (states[p] === 1 && (previous === null || previous[p] !== 1)) added++
  }
  return distinct ? added / distinct : 0
}

/** names a classifier's output layers go by */
const OUTPUT_NAME = /(logit|softmax|output|predict|classif|^out$|_out$|^out_)/i

/**
 * The layer read as the model's output: the last layer, when its name says so or, with labels, when it is
 * no wider than the number of classes (a classifier's logits). null: the last layer is read as hidden.
 */
export function outputLayerOf(names: string[], widths: number[], classes: number): number | null {
  const l = names.length - 1
  if (l < 1) return null
  return OUTPUT_NAME.test(names[l]) || (classes >= 2 && widths[l] <= classes) ? l : null
}
