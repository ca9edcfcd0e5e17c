// One layer's row of a layer analysis, the part that needs only that layer, the input's products and (in a
// residual stretch) the row its update starts from. analyze.ts computes it on the engine thread and the
// pool's 'layer-row' task (pooled-layers.ts) on a worker: one function, so the same numbers either way.
// The three entries read against the previous layer (CKA, kNN kept, new merging) are left to the caller.
import { knnEntropy } from '../metrics/entropy'
import { slicedW2 } from '../metrics/wasserstein'
import { createRng } from '../sampling/random'
import { message, stored } from '../../../shared/messages'
import type { LayerRow } from '../../../shared/layers'
import { reductionNote } from '../onnx/notes'
import type { LayerData } from './dumps'
import { mergingByClass, pairStates } from './causes'
import { ckaSide, linearCkaOf, type CkaSide } from './cka'
import { meanUpdate, mergingFraction, pairDistances, pearson, separability } from './metrics'
import { layerNeighbours, type LayerNeighbours } from './neighbours'

/** What every row is read against, fixed before the first row (the pool's workers get it in shared memory). */
export interface RowInputs {
  n: number
  /** points of the kNN / CKA subsample, and the neighbours per point */
  m: number
  k: number
  seed: number
  mergeRelative: number
  directions: number
  idx: Int32Array
  /** flat [i, j, ...] */
  pairs: Int32Array
  /** the entropy / sliced-W2 subsample (null: every point) */
  cloudIdx: Int32Array | null
  inKnn: Int32Array
  inDist: Float64Array
  inSide: CkaSide
  labels?: Int32Array
  /** residual blocks were marked (relative updates) */
  marked: boolean
}

/** The update a row ends, in a residual stretch: the stretch's index and step, the row it starts from. */
export interface RowStep {
  stretch: number
  h: number
  from: number
  prev: Pick<LayerData, 'width' | 'data'>
}

export interface OwnRow {
  /** ckaToPrevious, mergingNew and knnFromPrevious hold the input row's values (null, 0, null) */
  row: LayerRow
  side: CkaSide
  states: Uint8Array
  near: LayerNeighbours
  kept: number
}

export function gather(x: Float64Array, w: number, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length * w)
  for (let i = 0; i < idx.length; i++) for (let j = 0; j < w; j++) out[i * w + j] = x[idx[i] * w + j]
  return out
}

export function meanNorm(x: Float64Array, n: number, w: number): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let q = 0
    for (let j = 0; j < w; j++) q += x[i * w + j] ** 2
    s += Math.sqrt(q)
  }
  return s / n
}

/** Row l's own part; `given` passes the input's products at l = 0 (they are computed once, for every row). */
export function ownRow(
  p: RowInputs,
  l: number,
  layer: LayerData,
  step: RowStep | null,
  given?: { sub: Float64Array; side: CkaSide; dist: Float64Array; near: LayerNeighbours }
): OwnRow {
  const { n, m, k, cloudIdx, labels } = p
  const sub = given ? given.sub : gather(layer.data, layer.width, p.idx)
  const side = given ? given.side : ckaSide(sub, m, layer.width)
  const dist = given ? given.dist : pairDistances(layer.data, layer.width, p.pairs)
  const corr = pearson(p.inDist, dist)
  const cloud = cloudIdx ? gather(layer.data, layer.width, cloudIdx) : layer.data
  const cn = cloudIdx ? cloudIdx.length : n
  const states = pairStates(p.inDist, dist, p.mergeRelative)
  const byClass = labels && l > 0 ? mergingByClass(states, p.pairs, labels) : null
  const near = given ? given.near : layerNeighbours(sub, m, layer.width, k)
  const kept = near.kept(p.inKnn)
  const entropy = layer.width <= 3 ? knnEntropy(cloud, cn, layer.width, 5).entropy : null
  const row: LayerRow = {
    index: l,
    name: layer.name,
    width: layer.width,
    knnPreservation: kept,
    distanceCorrelation: Number.isFinite(corr) ? corr : null,
    ckaToInput: linearCkaOf(p.inSide, side, m),
    ckaToPrevious: null,
    entropy,
    entropyNote:
      entropy === null
        ? stored(message('import.entropyOmitted', { width: layer.width }))
        : entropy < 0
          ? stored(message('shift.entropyNegative', { entropy: entropy.toFixed(2), width: layer.width }))
          : null,
    separability: null,
    merging: mergingFraction(p.inDist, dist, p.mergeRelative).fraction,
    stretch: null,
    update: null,
    w2FromPrevious: null,
    velocity: null,
    kineticEnergy: null,
    motionRatio: null,
    ...(layer.reduction ? { reduction: layer.reduction, reductionNote: stored(reductionNote(layer.reduction)) } : {}),
    ...(byClass ? { mergingAcross: byClass.across, mergingWithin: byClass.within } : {}),
    // the caller's (keys here so they keep their place in the row)
    mergingNew: 0,
    knnFromPrevious: null
  }
  if (labels) {
    const s = separability(layer.data, n, layer.width, labels)
    row.separability = Number.isNaN(s) ? null : s
  }
  if (step) {
    const { prev, h, from } = step
    const prevCloud = cloudIdx ? gather(prev.data, prev.width, cloudIdx) : prev.data
    row.stretch = step.stretch
    row.update = meanUpdate(prev.data, layer.data, n, layer.width)
    // forked by label from the seed's generator: the same directions on any thread, in any order
    row.w2FromPrevious = slicedW2(prevCloud, cn, cloud, cn, layer.width, createRng(p.seed).fork(`w2-${l}`), p.directions)
    row.velocity = row.update / h
    if (p.marked) {
      const size = meanNorm(prev.data, n, prev.width)
      row.blockInput = from
      row.relativeUpdate = size > 0 ? row.update / size : null
    }
    let ke = 0
    for (let i = 0; i < prev.data.length; i++) ke += (layer.data[i] - prev.data[i]) ** 2
    row.kineticEnergy = ke / n / (h * h)
  }
  return { row, side, states, near, kept }
}
