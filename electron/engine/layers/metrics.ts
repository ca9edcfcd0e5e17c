// Cross-layer metrics on activations of different widths, float64 throughout: kNN preservation, the
// correlation of pairwise distances, class separability, merging and residual motion (CKA: cka.ts).
// Each takes flat row-major [n, width] arrays holding the same points in the same order.
import { KdTree } from '../metrics/kdtree'
import { selectKth } from '../metrics/sort'
import { squaredDistanceMatrix } from './pair-matrix'

export { squaredDistanceMatrix }

function sqDist(x: Float64Array, w: number, i: number, j: number): number {
  let s = 0
  for (let c = 0; c < w; c++) {
    const t = x[i * w + c] - x[j * w + c]
    s += t * t
  }
  return s
}

/** Indices of the k nearest OTHER points of each point (brute force, exact; ties broken by index). */
export function knnIndices(x: Float64Array, n: number, w: number, k: number): Int32Array {
  if (k < 1 || k >= n) throw new Error(`k must be between 1 and n - 1 = ${n - 1}, got ${k}`)
  const out = new Int32Array(n * k)
  const d = new Float64Array(n)
  const order = new Int32Array(n - 1)
  for (let i = 0; i < n; i++) {
    let m = 0
    for (let j = 0; j < n; j++) {
      if (j === i) continue
      d[j] = sqDist(x, w, i, j)
      order[m++] = j
    }
    selectNearest(d, order, m, k, out, i * k)
  }
  return out
}

/**
 * The k smallest of `d` over the first `m` indices in `order`, into out[at .. at + k), nearest first, ties
 * by index: a partial selection sort, O(mk), fine for k << m. `order` is reordered in place.
 */
export function selectNearest(d: Float64Array, order: Int32Array, m: number, k: number, out: Int32Array, at: number): void {
  for (let a = 0; a < k; a++) {
    let best = a
    for (let b = a + 1; b < m; b++) {
      const ob = order[b]
      const oBest = order[best]
      if (d[ob] < d[oBest] || (d[ob] === d[oBest] && ob < oBest)) best = b
    }
    const t = order[a]
    order[a] = order[best]
    order[best] = t
    out[at + a] = order[a]
  }
}

/** Squared distance from each point to its k-th nearest other point, from a squared-distance matrix. */
export function kthSquaredDistances(dist: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(n)
  const row = new Float64Array(n - 1)
  for (let i = 0; i < n; i++) {
    let m = 0
    for (let j = 0; j < n; j++) if (j !== i) row[m++] = dist[i * n + j]
    out[i] = selectKth(row.subarray(0, m), k - 1)
  }
  return out
}

/**
 * Squared distance from each point of y to its k-th nearest other point: a k-d tree for width <= 3
 * (O(n log n)), else the full squared-distance matrix (O(n^2 w)).
 */
export function kthSquaredRadii(y: Float64Array, n: number, w: number, k: number, method: 'auto' | 'tree' | 'brute' = 'auto'): Float64Array {
  if (method === 'brute' || (method === 'auto' && w > 3)) return kthSquaredDistances(squaredDistanceMatrix(y, n, w), n, k)
  const tree = new KdTree(y, n, w)
  const out = new Float64Array(n)
  const tmp = new Float64Array(k + 1)
  for (let i = 0; i < n; i++) {
    // the k+1 nearest include the point itself at 0, so the (k+1)-th is the k-th other point
    tree.knnSquared(y.subarray(i * w, i * w + w), k + 1, tmp)
    out[i] = tmp[k]
  }
  return out
}

/**
 * Mean over points of the share of its k input neighbours (`inputKnn`, from knnIndices) that are still
 * among its k nearest in `y`. Ties count as kept: a neighbour at exactly the k-th distance is kept.
 */
export function knnPreservation(inputKnn: Int32Array, k: number, y: Float64Array, n: number, w: number, method: 'auto' | 'tree' | 'brute' = 'auto'): number {
  return keptWithin(inputKnn, k, y, n, w, kthSquaredRadii(y, n, w, k, method))
}

/**
 * The share of the neighbours in `knn` (k per point) no farther from their point in `y` than its radius
 * `r` (squared, as kthSquaredRadii gives it). Each distance is bitwise squaredDistanceMatrix's entry.
 */
export function keptWithin(knn: Int32Array, k: number, y: Float64Array, n: number, w: number, r: Float64Array): number {
  let kept = 0
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) if (sqDist(y, w, i, knn[i * k + a]) <= r[i]) kept++
  return kept / (n * k)
}

/** Pair distances d(i_p, j_p) for index pairs given as flat [i0, j0, i1, j1, ...]. */
export function pairDistances(x: Float64Array, w: number, pairs: Int32Array): Float64Array {
  const out = new Float64Array(pairs.length / 2)
  for (let p = 0; p < out.length; p++) out[p] = Math.sqrt(sqDist(x, w, pairs[2 * p], pairs[2 * p + 1]))
  return out
}

/** Pearson correlation; NaN when either side is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length
  let ma = 0
  let mb = 0
  for (let i = 0; i < n; i++) {
    ma += a[i]
    mb += b[i]
  }
  ma /= n
  mb /= n
  let sab = 0
  let saa = 0
  let sbb = 0
  for (let i = 0; i < n; i++) {
    const u = a[i] - ma
    const v = b[i] - mb
    sab += u * v
    saa += u * u
    sbb += v * v
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN
}

/** tr(S_between) / tr(S_within): sum_c n_c |mu_c - mu|^2 over sum_i |x_i - mu_{c(i)}|^2 (Infinity if
 * every class is a single point, NaN with fewer than 2 classes). */
export function separability(x: Float64Array, n: number, w: number, labels: Int32Array): number {
  const classes = new Map<number, number>()
  for (let i = 0; i < n; i++) if (!classes.has(labels[i])) classes.set(labels[i], classes.size)
  const c = classes.size
  if (c < 2) return NaN
  const sums = new Float64Array(c * w)
  const counts = new Float64Array(c)
  const mu = new Float64Array(w)
  for (let i = 0; i < n; i++) {
    const k = classes.get(labels[i]) as number
    counts[k]++
    for (let j = 0; j < w; j++) {
      sums[k * w + j] += x[i * w + j]
      mu[j] += x[i * w + j]
    }
  }
  for (let j = 0; j < w; j++) mu[j] /= n
  for (let k = 0; k < c; k++) for (let j = 0; j < w; j++) sums[k * w + j] /= counts[k]
  let between = 0
  for (let k = 0; k < c; k++) for (let j = 0; j < w; j++) between += counts[k] * (sums[k * w + j] - mu[j]) ** 2
  let within = 0
  for (let i = 0; i < n; i++) {
    const k = classes.get(labels[i]) as number
    for (let j = 0; j < w; j++) within += (x[i * w + j] - sums[k * w + j]) ** 2
  }
  return within > 0 ? between / within : between > 0 ? Infinity : NaN
}

/** Median of a copy (0 for an empty array). */
export function median(v: ArrayLike<number>): number {
  if (v.length === 0) return 0
  const s = Float64Array.from(v).sort()
  const m = s.length >> 1
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m])
}

export interface MergingResult {
  /** merged pairs / pairs distinct at the input */
  fraction: number
  distinct: number
  merged: number
}

/**
 * Merging: among pairs distinct at the input (distance > relative x the input's median pair distance),
 * the share that end at or below relative x the layer's own median pair distance. Each side uses its own
 * scale because layer widths and scales differ; a layer that only rescales merges nothing.
 */
export function mergingFraction(inputDist: Float64Array, layerDist: Float64Array, relative: number): MergingResult {
  const tIn = relative * median(inputDist)
  const tOut = relative * median(layerDist)
  let distinct = 0
  let merged = 0
  for (let p = 0; p < inputDist.length; p++) {
    if (!(inputDist[p] > tIn)) continue
    distinct++
    if (layerDist[p] <= tOut) merged++
  }
  return { fraction: distinct > 0 ? merged / distinct : 0, distinct, merged }
}

/** Mean Euclidean length of the per-point update b - a (equal widths). */
export function meanUpdate(a: Float64Array, b: Float64Array, n: number, w: number): number {
  let s = 0
  for (let i = 0; i < n; i++) {
    let r = 0
    for (let j = 0; j < w; j++) r += (b[i * w + j] - a[i * w + j]) ** 2
    s += Math.sqrt(r)
  }
  return s / n
}
