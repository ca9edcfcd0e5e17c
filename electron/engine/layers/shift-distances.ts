// The shift statistics of one layer from a single pass over the pair distances of the two clouds: the
// energy distance (the same U-statistic as analysis/energy.ts), MMD^2_u with a Gaussian kernel (as
// analysis/mmd.ts, bandwidth given) and the k-th nearest reference distances, which would otherwise each
// compute the same O((n + m)^2 width) distances again.
import { selectKth } from '../metrics/sort'

export interface TwoCloudStats {
  /** energy distance 2 E|X - Y| - E|X - X'| - E|Y - Y'| (within-cloud means over distinct pairs) */
  energy: number
  /** mean |x - y| over all cross pairs */
  cross: number
  /** unbiased MMD^2 with kernel exp(-|x - y|^2 / (2 bandwidth^2)) */
  mmd: number
  /** distance from each y to its k-th nearest x */
  toReference: Float64Array
  /** distance from each x to its k-th nearest other x */
  withinReference: Float64Array
}

function sq(a: Float64Array, i: number, b: Float64Array, j: number, w: number): number {
  let s = 0
  for (let c = 0; c < w; c++) {
    const t = a[i * w + c] - b[j * w + c]
    s += t * t
  }
  return s
}

/** x [n, w] the reference, y [m, w] the compare data; n, m >= 2, 1 <= k < n. */
export function twoCloudStats(x: Float64Array, n: number, y: Float64Array, m: number, w: number, k: number, bandwidth: number): TwoCloudStats {
  const gamma = 1 / (2 * bandwidth * bandwidth)
  // reference pairs: kept whole for each point's k-th neighbour
  const xx = new Float64Array(n * n)
  let dxx = 0
  let kxx = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d2 = sq(x, i, x, j, w)
      xx[i * n + j] = d2
      xx[j * n + i] = d2
      dxx += Math.sqrt(d2)
      kxx += Math.exp(-gamma * d2)
    }
  }
  let dyy = 0
  let kyy = 0
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d2 = sq(y, i, y, j, w)
      dyy += Math.sqrt(d2)
      kyy += Math.exp(-gamma * d2)
    }
  }
  let dxy = 0
  let kxy = 0
  const row = new Float64Array(n)
  const toReference = new Float64Array(m)
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const d2 = sq(y, j, x, i, w)
      row[i] = d2
      dxy += Math.sqrt(d2)
      kxy += Math.exp(-gamma * d2)
    }
    toReference[j] = Math.sqrt(selectKth(row, k - 1))
  }
  const withinReference = new Float64Array(n)
  const others = new Float64Array(n - 1)
  for (let i = 0; i < n; i++) {
    let c = 0
    for (let j = 0; j < n; j++) if (j !== i) others[c++] = xx[i * n + j]
    withinReference[i] = Math.sqrt(selectKth(others, k - 1))
  }
  const cross = dxy / (n * m)
  return {
    energy: 2 * cross - (2 * dxx) / (n * (n - 1)) - (2 * dyy) / (m * (m - 1)),
    cross,
    mmd: (2 * kxx) / (n * (n - 1)) + (2 * kyy) / (m * (m - 1)) - (2 * kxy) / (n * m),
    toReference,
    withinReference
  }
}
