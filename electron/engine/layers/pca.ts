// One PCA for every layer of a model, so motion in the 3-D view is motion in the data: layers are
// zero-padded to the widest width, a seeded subsample of the same points is stacked from every layer,
// the top 3 principal axes are fitted once, and every layer's points are projected onto them. Widths past
// directMaxWidth are fitted by subspace iteration, on the covariance built once (up to covarianceMaxWidth)
// or through the rows; wide layers with fewer stacked rows than features through the rows x rows Gram
// matrix (gramAxes).
import { symmetricEigen } from '../../../shared/matrix'
import { message, MessageError } from '../../../shared/messages'
import { sampleIndices } from '../metrics/subsample'
import { createRng, type Rng } from '../sampling/random'
import { gramMatrix } from './pair-matrix'
import type { LayerData } from './dumps'

export interface PcaOptions {
  seed?: number
  /** most stacked rows (all layers together) the fit uses (default 20000) */
  maxPoints?: number
  /** most stacked values (rows x width) the fit touches, bounding its time for wide layers (default 4M) */
  maxValues?: number
  /** widths up to this use the exact covariance + Jacobi; wider ones subspace iteration (default 128) */
  directMaxWidth?: number
  /** subspace iteration on widths up to this multiplies by the covariance built once, wider ones through the rows (default 1024: 8 MB) */
  covarianceMaxWidth?: number
}

export interface LayerProjection {
  /** [layers, N, 3] */
  shape: [number, number, number]
  data: Float32Array
  /** padded width the PCA lives in */
  width: number
  /** stacked rows the PCA was fitted on */
  fittedRows: number
  mean: Float64Array
  /** components x width, row-major; rows past the width (width < 3) are zero */
  components: Float64Array
  /** variance along each component */
  variances: number[]
  /** share of the stacked data's total variance along each component */
  explainedVariance: number[]
  method: 'covariance' | 'subspace'
}

export const PCA_DEFAULTS = { seed: 7, maxPoints: 20_000, maxValues: 4_000_000, directMaxWidth: 128, covarianceMaxWidth: 1024 }
const K = 3

/** Stacked rows, zero-padded to `width`, as (layer, point) pairs; visits each centred row. */
function forEachRow(layers: LayerData[], idx: Int32Array, width: number, mean: Float64Array | null, f: (row: Float64Array) => void): void {
  const row = new Float64Array(width)
  for (const l of layers) {
    for (const i of idx) {
      row.fill(0)
      row.set(l.data.subarray(i * l.width, (i + 1) * l.width))
      if (mean) for (let j = 0; j < width; j++) row[j] -= mean[j]
      f(row)
    }
  }
}

function project(v: Float64Array, q: Float64Array[], upto: number): void {
  for (let b = 0; b < upto; b++) {
    let dot = 0
    for (let j = 0; j < v.length; j++) dot += v[j] * q[b][j]
    for (let j = 0; j < v.length; j++) v[j] -= dot * q[b][j]
  }
}

const norm = (v: Float64Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0))

/** Gram-Schmidt, twice (enough for orthogonality to rounding); a direction that collapses (rank-deficient data) restarts at random */
function orthonormalize(q: Float64Array[], rng: Rng): void {
  for (let a = 0; a < q.length; a++) {
    for (let attempt = 0; ; attempt++) {
      const before = norm(q[a])
      project(q[a], q, a)
      project(q[a], q, a)
      const after = norm(q[a])
      if (after > 1e-8 * before && after > 1e-300) {
        for (let j = 0; j < q[a].length; j++) q[a][j] /= after
        break
      }
      if (attempt > 10) throw new MessageError(message('import.pcaNoDirection'))
      for (let j = 0; j < q[a].length; j++) q[a][j] = rng.normal()
    }
  }
}

/** The centred stacked rows [rows, width], built once: every product of the iteration reads them. */
function stackedRows(layers: LayerData[], idx: Int32Array, width: number, mean: Float64Array, rows: number): Float64Array {
  const r = new Float64Array(rows * width)
  let at = 0
  forEachRow(layers, idx, width, mean, (row) => {
    r.set(row, at)
    at += width
  })
  return r
}

/**
 * sum_j a[aOff + j] b[bOff + j] over j < len, in four interleaved partial sums: a single running sum waits
 * on its previous addition at every term, and this product is the whole cost of the PCA's iteration
 */
function dot4(a: Float64Array | Float32Array, aOff: number, b: Float64Array, bOff: number, len: number): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let j = 0
  for (; j + 3 < len; j += 4) {
    s0 += a[aOff + j] * b[bOff + j]
    s1 += a[aOff + j + 1] * b[bOff + j + 1]
    s2 += a[aOff + j + 2] * b[bOff + j + 2]
    s3 += a[aOff + j + 3] * b[bOff + j + 3]
  }
  for (; j < len; j++) s0 += a[aOff + j] * b[bOff + j]
  return s0 + s1 + (s2 + s3)
}

/** The covariance R^T R / rows of the stacked rows R, [width, width] row-major (its upper triangle summed, then mirrored). */
function covarianceOf(r: Float64Array, rows: number, width: number): Float64Array {
  const c = new Float64Array(width * width)
  for (let i = 0; i < rows; i++) {
    const base = i * width
    for (let a = 0; a < width; a++) {
      const ra = r[base + a]
      if (ra === 0) continue
      const row = a * width
      for (let b = a; b < width; b++) c[row + b] += ra * r[base + b]
    }
  }
  for (let a = 0; a < width; a++)
    for (let b = a; b < width; b++) {
      c[a * width + b] /= rows
      c[b * width + a] = c[a * width + b]
    }
  return c
}

/** C v for the covariance C = R^T R / rows of the stacked rows R, for several v at once; each row is read once for all of them */
function covTimes(r: Float64Array, rows: number, width: number, q: Float64Array[]): Float64Array[] {
  const k = q.length
  const out = q.map(() => new Float64Array(width))
  const dots = new Float64Array(k)
  for (let i = 0; i < rows; i++) {
    const base = i * width
    for (let c = 0; c < k; c++) dots[c] = dot4(r, base, q[c], 0, width)
    for (let c = 0; c < k; c++) {
      const oc = out[c]
      const d = dots[c]
      for (let j = 0; j < width; j++) oc[j] += d * r[base + j]
    }
  }
  for (const o of out) for (let j = 0; j < width; j++) o[j] /= rows
  return out
}

/** top eigenpairs (descending) of the covariance, by the exact matrix or by subspace iteration */
function topAxes(
  layers: LayerData[],
  idx: Int32Array,
  width: number,
  mean: Float64Array,
  rows: number,
  direct: boolean,
  covarianceMaxWidth: number,
  rng: Rng
): { values: number[]; vectors: Float64Array[] } {
  const r = stackedRows(layers, idx, width, mean, rows)
  if (direct) {
    const c = covarianceOf(r, rows, width)
    const e = symmetricEigen(Array.from({ length: width }, (_, a) => Array.from(c.subarray(a * width, (a + 1) * width))))
    const order = e.values.map((_, i) => i).sort((a, b) => e.values[b] - e.values[a])
    return { values: order.map((i) => e.values[i]), vectors: order.map((i) => Float64Array.from(e.vectors, (v) => v[i])) }
  }
  if (rows < width) return gramAxes(r, width, rows, rng)
  // the iteration's products cost width^2 each on the covariance itself, against rows x width through the
  // rows; building it once costs rows x width^2 / 2, which a hundred iterations repay many times over
  if (width <= covarianceMaxWidth) {
    const c = covarianceOf(r, rows, width)
    return subspaceTop(width, (q) => q.map((v) => Float64Array.from({ length: width }, (_, a) => dot4(c, a * width, v, 0, width))), rng)
  }
  return subspaceTop(width, (q) => covTimes(r, rows, width, q), rng)
}

/** The top eigenpairs of a symmetric positive semidefinite operator on R^dim: block power iteration with oversampling, then Rayleigh-Ritz on the small projected matrix. */
function subspaceTop(dim: number, times: (q: Float64Array[]) => Float64Array[], rng: Rng): { values: number[]; vectors: Float64Array[] } {
  const k = Math.min(dim, K + 5)
  let q: Float64Array[] = Array.from({ length: k }, () => Float64Array.from({ length: dim }, () => rng.normal()))
  orthonormalize(q, rng)
  let prev = new Array<number>(K).fill(0)
  for (let it = 0; it < 100; it++) {
    q = times(q)
    const norms = q.slice(0, K).map(norm)
    orthonormalize(q, rng)
    if (norms.every((v, i) => Math.abs(v - prev[i]) <= 1e-12 * Math.max(1e-300, v))) break
    prev = norms
  }
  const cq = times(q)
  const b = q.map((qa) => cq.map((cb) => qa.reduce((s, v, j) => s + v * cb[j], 0)))
  for (let a = 0; a < k; a++) for (let c = a + 1; c < k; c++) b[a][c] = b[c][a] = (b[a][c] + b[c][a]) / 2
  const e = symmetricEigen(b)
  const order = e.values.map((_, i) => i).sort((x, y) => e.values[y] - e.values[x])
  return {
    values: order.map((i) => e.values[i]),
    vectors: order.map((i) => {
      const v = new Float64Array(dim)
      for (let a = 0; a < k; a++) for (let j = 0; j < dim; j++) v[j] += e.vectors[a][i] * q[a][j]
      return v
    })
  }
}

/**
 * Fewer stacked rows than features (wide feature maps): the covariance R^T R / rows and the Gram matrix
 * R R^T / rows share their nonzero eigenvalues, and an eigenvector u of the Gram matrix gives the axis
 * R^T u. Iterating on the rows x rows matrix costs rows^2 per product instead of rows x width.
 */
function gramAxes(r: Float64Array, width: number, rows: number, rng: Rng): { values: number[]; vectors: Float64Array[] } {
  const g = gramMatrix(r, rows, width)
  for (let t = 0; t < g.length; t++) g[t] /= rows
  const times = (q: Float64Array[]): Float64Array[] =>
    q.map((v) => {
      const out = new Float64Array(rows)
      for (let i = 0; i < rows; i++) out[i] = dot4(g, i * rows, v, 0, rows)
      return out
    })
  const e = subspaceTop(rows, times, rng)
  const vectors = e.vectors.map((u) => {
    const v = new Float64Array(width)
    for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) v[j] += u[i] * r[i * width + j]
    const nv = norm(v)
    // a zero eigenvalue's u maps to 0: no axis there (its variance is 0 too)
    if (nv > 0) for (let j = 0; j < width; j++) v[j] /= nv
    return v
  })
  return { values: e.values, vectors }
}

/** Fit one PCA on the stacked layers and project every layer's points onto its top 3 axes. */
export function fitLayerPca(layers: LayerData[], options: PcaOptions = {}): LayerProjection {
  const o = { ...PCA_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof PCA_DEFAULTS
  if (layers.length === 0) throw new RangeError('no layers to project')
  const n = layers[0].n
  const width = Math.max(...layers.map((l) => l.width))
  const perLayer = Math.max(1, Math.min(n, Math.floor(Math.min(o.maxPoints, o.maxValues / width) / layers.length)))
  const rng = createRng(o.seed).fork('pca')
  // the same points from every layer: each layer weighs equally in the fit
  const idx = sampleIndices(n, perLayer, rng.fork('points'))
  const rows = idx.length * layers.length
  const mean = new Float64Array(width)
  forEachRow(layers, idx, width, null, (row) => {
    for (let j = 0; j < width; j++) mean[j] += row[j]
  })
  for (let j = 0; j < width; j++) mean[j] /= rows
  let total = 0
  forEachRow(layers, idx, width, mean, (row) => {
    for (let j = 0; j < width; j++) total += row[j] * row[j]
  })
  total /= rows
  const direct = width <= o.directMaxWidth
  const axes = topAxes(layers, idx, width, mean, rows, direct, o.covarianceMaxWidth, rng.fork('subspace'))
  const components = new Float64Array(K * width)
  const variances: number[] = []
  for (let c = 0; c < K; c++) {
    if (c >= axes.vectors.length) {
      variances.push(0)
      continue
    }
    const v = axes.vectors[c]
    // a fixed sign (largest coordinate positive) keeps the view from flipping between runs
    let big = 0
    for (let j = 1; j < width; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j
    const s = v[big] < 0 ? -1 : 1
    for (let j = 0; j < width; j++) components[c * width + j] = s * v[j]
    variances.push(Math.max(0, axes.values[c]))
  }
  return {
    shape: [layers.length, n, K],
    data: projectLayers({ width, mean, components }, layers),
    width,
    fittedRows: rows,
    mean,
    components,
    variances,
    explainedVariance: variances.map((v) => (total > 0 ? v / total : 0)),
    method: direct ? 'covariance' : 'subspace'
  }
}

/**
 * Every layer's points on fitted axes, [layers, N, 3] (N of these layers): the fit's own layers, or the
 * same layers on other data (a shift analysis's compare data), so both clouds share one projection.
 */
export function projectLayers(p: Pick<LayerProjection, 'width' | 'mean' | 'components'>, layers: LayerData[]): Float32Array {
  const { width, mean, components } = p
  const n = layers[0]?.n ?? 0
  const data = new Float32Array(layers.length * n * K)
  layers.forEach((l, li) => {
    for (let c = 0; c < K; c++) {
      // (x - mean) . component = x . component - mean . component, the second the same for every point
      // of the layer (padded coordinates are 0 and add only it)
      const offset = -dot4(mean, 0, components, c * width, width)
      for (let i = 0; i < n; i++) data[(li * n + i) * K + c] = offset + dot4(l.data, i * l.width, components, c * width, l.width)
    }
  })
  return data
}
