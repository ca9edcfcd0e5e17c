// The pool's 'layer-row' task (registered in pool/tasks.ts, sent by pooled-layers.ts): one layer's own
// row (layer-row.ts, the code the engine thread runs), plus what the engine thread needs to finish the
// entries read against the previous layer once that layer's task is back too: this layer's kNN (for the
// next row), its kNN radii, its pair states, its CKA norm and the CKA numerator with the previous layer.
import type { LayerRow } from '../../../shared/layers'
import type { HandlerResult } from '../pool/serve-tasks'
import { centred, ckaCross } from './cka'
import type { LayerData } from './dumps'
import { ownRow, type RowInputs, type RowStep } from './layer-row'

export interface LayerRowTask {
  /** the same for every task of an analysis; its arrays in shared memory where the runtime has it */
  inputs: RowInputs
  l: number
  layer: LayerData
  step: RowStep | null
  /** the next row reads its kNN kept against this row's neighbours */
  knn: boolean
  /** from row 2 on: the previous row's subsample [m, prevWidth], for the CKA numerator */
  prev?: { sub: Float64Array; width: number }
}

export interface LayerRowResult {
  /** ckaToPrevious, mergingNew and knnFromPrevious still to fill in (from row 2 on; row 1's are its own) */
  row: LayerRow
  selfNorm: number
  states: Uint8Array
  knn?: Int32Array
  /** from row 2 on: squared kNN radii of this row's subsample, and the CKA numerator with the previous row */
  radii?: Float64Array
  prevCross?: number
}

export function layerRowTask(task: LayerRowTask): HandlerResult {
  const { inputs: p, l } = task
  const own = ownRow(p, l, task.layer, task.step)
  const out: LayerRowResult = { row: own.row, selfNorm: own.side.selfNorm, states: own.states }
  if (task.knn) out.knn = own.near.knn()
  if (task.prev) {
    out.radii = own.near.radii()
    // the numerator linearCkaOf(previous side, this side) computes, with the previous side's centred columns
    out.prevCross = ckaCross({ xc: centred(task.prev.sub, p.m, task.prev.width), w: task.prev.width }, own.side, p.m)
  }
  const transfer = [out.states, out.knn, out.radii].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []))
  return { result: out, transfer }
}
