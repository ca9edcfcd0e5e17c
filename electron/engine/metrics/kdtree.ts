// A static k-d tree over a flat [n, D] cloud for k-nearest-neighbour distances (the Kozachenko-Leonenko
// entropy). Median splits on the widest axis, implicit node ranges, points copied in tree order so
// leaf scans are contiguous; built in O(n log n), a query visits O(log n) leaves on typical data.
import type { Cloud } from './types'
import { message, MessageError } from '../../../shared/messages'

export class KdTree {
  readonly n: number
  readonly d: number
  /** points in tree order, float64 */
  private readonly pts: Float64Array
  /** perm[treePosition] = original index */
  readonly perm: Int32Array
  private readonly axis: Int8Array
  private readonly split: Float64Array
  private readonly leafSize: number
  // query state (reused, so a query allocates nothing)
  private q = new Float64Array(3)
  private best = new Float64Array(0)
  private k = 0

  constructor(points: Cloud, n: number, d: number, leafSize = 10) {
    if (d < 1 || d > 3) throw new MessageError(message('engine.kdTreeDimensions', { d }))
    this.n = n
    this.d = d
    this.leafSize = Math.max(1, leafSize)
    const perm = new Int32Array(n)
    for (let i = 0; i < n; i++) perm[i] = i
    let nodes = 1
    while (n / nodes > this.leafSize) nodes *= 2
    this.axis = new Int8Array(2 * nodes + 2)
    this.split = new Float64Array(2 * nodes + 2)
    this.build(points, perm, 0, 0, n)
    this.perm = perm
    this.pts = new Float64Array(n * d)
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) this.pts[i * d + j] = points[perm[i] * d + j]
  }

  private build(x: Cloud, perm: Int32Array, node: number, lo: number, hi: number): void {
    if (hi - lo <= this.leafSize) return
    const d = this.d
    let bestAxis = 0
    let bestSpread = -1
    for (let j = 0; j < d; j++) {
      let mn = Infinity
      let mx = -Infinity
      for (let i = lo; i < hi; i++) {
        const v = x[perm[i] * d + j]
        if (v < mn) mn = v
        if (v > mx) mx = v
      }
      if (mx - mn > bestSpread) {
        bestSpread = mx - mn
        bestAxis = j
      }
    }
    const mid = (lo + hi) >> 1
    select(x, d, bestAxis, perm, lo, hi - 1, mid)
    this.axis[node] = bestAxis
    this.split[node] = x[perm[mid] * d + bestAxis]
    this.build(x, perm, 2 * node + 1, lo, mid)
    this.build(x, perm, 2 * node + 2, mid, hi)
  }

  /**
   * Squared distances from `query` to its k nearest indexed points, ascending, into `out` (length >= k).
   * The query point itself counts if it is indexed (distance 0).
   */
  knnSquared(query: ArrayLike<number>, k: number, out: Float64Array = new Float64Array(k)): Float64Array {
    if (k < 1 || k > this.n) throw new Error(`k must be between 1 and ${this.n}, got ${k}`)
    for (let j = 0; j < this.d; j++) this.q[j] = query[j]
    if (this.best.length < k) this.best = new Float64Array(k)
    this.k = k
    this.best.fill(Infinity, 0, k)
    this.search(0, 0, this.n)
    for (let i = 0; i < k; i++) out[i] = this.best[i]
    return out
  }

  /**
   * For every indexed point, the Euclidean distance to its k-th nearest OTHER point (duplicates count
   * as other points at distance 0), indexed by the original point order.
   */
  kthNeighbourDistances(k: number): Float64Array {
    if (k < 1 || k >= this.n) throw new Error(`k must be between 1 and n - 1 = ${this.n - 1}, got ${k}`)
    const out = new Float64Array(this.n)
    const tmp = new Float64Array(k + 1)
    const p = new Float64Array(this.d)
    // tree order: consecutive queries touch the same leaves
    for (let i = 0; i < this.n; i++) {
      for (let j = 0; j < this.d; j++) p[j] = this.pts[i * this.d + j]
      // the k+1 nearest include the point itself at 0, so the (k+1)-th is the k-th other point
      this.knnSquared(p, k + 1, tmp)
      out[this.perm[i]] = Math.sqrt(tmp[k])
    }
    return out
  }

  private search(node: number, lo: number, hi: number): void {
    const d = this.d
    const q = this.q
    const best = this.best
    const k = this.k
    if (hi - lo <= this.leafSize) {
      const pts = this.pts
      for (let i = lo; i < hi; i++) {
        let s = 0
        for (let j = 0; j < d; j++) {
          const t = pts[i * d + j] - q[j]
          s += t * t
        }
        insertBest(best, k, s)
      }
      return
    }
    const mid = (lo + hi) >> 1
    const diff = q[this.axis[node]] - this.split[node]
    if (diff < 0) {
      this.search(2 * node + 1, lo, mid)
      if (diff * diff < best[k - 1]) this.search(2 * node + 2, mid, hi)
    } else {
      this.search(2 * node + 2, mid, hi)
      if (diff * diff < best[k - 1]) this.search(2 * node + 1, lo, mid)
    }
  }
}

/** Rearrange perm[lo..hi] so that perm[kth] holds the element of rank kth by coordinate `axis`
 * (Hoare partitioning: many equal keys, as on grids or duplicated points, stay O(n)). */
function select(x: Cloud, d: number, axis: number, perm: Int32Array, lo: number, hi: number, kth: number): void {
  while (hi > lo) {
    const a = x[perm[lo] * d + axis]
    const b = x[perm[(lo + hi) >> 1] * d + axis]
    const c = x[perm[hi] * d + axis]
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
    let i = lo
    let j = hi
    while (i <= j) {
      while (x[perm[i] * d + axis] < pivot) i++
      while (x[perm[j] * d + axis] > pivot) j--
      if (i <= j) {
        const t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i++
        j--
      }
    }
    if (kth <= j) hi = j
    else if (kth >= i) lo = i
    else return
  }
}

/** Keep best[0..k) the k smallest squared distances seen so far, ascending: insert s if it belongs. */
export function insertBest(best: Float64Array, k: number, s: number): void {
  if (!(s < best[k - 1])) return
  let m = k - 1
  while (m > 0 && best[m - 1] > s) {
    best[m] = best[m - 1]
    m--
  }
  best[m] = s
}
