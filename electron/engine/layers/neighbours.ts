// One layer's k-nearest-neighbour structure on the analysis subsample, for the three uses analyze.ts has
// for it (kNN kept from the input, kept from the previous layer, and this layer's own neighbours for the
// next): from ONE squared-distance matrix instead of three passes over the points, each O(m^2 w). The
// matrix's entries are bitwise the distances metrics.ts computes pair by pair, and the selection breaks
// ties by index as knnIndices does, so the numbers are those of knnIndices / knnPreservation.
import { knnIndices, knnPreservation, kthSquaredDistances, kthSquaredRadii, selectNearest } from './metrics'
import { squaredDistanceMatrix } from './pair-matrix'

export interface LayerNeighbours {
  /** share of each point's neighbours in `knn` (k per point, from knnIndices) still among its k nearest here */
  kept(knn: Int32Array): number
  /** each point's k nearest other points here, as knnIndices gives them */
  knn(): Int32Array
  /** each point's squared distance to its k-th nearest other point: kept(knn) = keptWithin(knn, .., radii()) */
  radii(): Float64Array
}

/** The k nearest of each row of a squared-distance matrix: partial selection sort, ties by index. */
export function knnFromDistances(dist: Float64Array, n: number, k: number): Int32Array {
  if (k < 1 || k >= n) throw new Error(`k must be between 1 and n - 1 = ${n - 1}, got ${k}`)
  const out = new Int32Array(n * k)
  const order = new Int32Array(n - 1)
  for (let i = 0; i < n; i++) {
    const d = dist.subarray(i * n, (i + 1) * n)
    let m = 0
    for (let j = 0; j < n; j++) if (j !== i) order[m++] = j
    selectNearest(d, order, m, k, out, i * k)
  }
  return out
}

export function layerNeighbours(y: Float64Array, n: number, w: number, k: number): LayerNeighbours {
  // up to 3 features a k-d tree answers in O(n log n): no matrix needed
  if (w <= 3) return { kept: (knn) => knnPreservation(knn, k, y, n, w), knn: () => knnIndices(y, n, w, k), radii: () => kthSquaredRadii(y, n, w, k) }
  const dist = squaredDistanceMatrix(y, n, w)
  const radii = kthSquaredDistances(dist, n, k)
  return {
    kept(knn) {
      // ties count as kept, as in knnPreservation
      let kept = 0
      for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) if (dist[i * n + knn[i * k + a]] <= radii[i]) kept++
      return kept / (n * k)
    },
    knn: () => knnFromDistances(dist, n, k),
    radii: () => radii
  }
}
