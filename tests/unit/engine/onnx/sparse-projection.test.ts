// The very sparse random projection against independent truth: its entries' law (Li, Hastie & Church
// 2006), the Johnson-Lindenstrauss bound on the pairwise distances of ReLU feature maps computed exactly
// in full width, and the layer metrics on those maps: exact (unprojected), through the sparse matrix,
// and through a dense Gaussian N(0, 1/dim) matrix drawn here (the estimator the sparse one replaced).
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../../electron/engine/sampling/random'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import type { LayerData } from '../../../../electron/engine/layers/dumps'
import { applySparseProjection, denseOf, sparseProjection, sparsityOf } from '../../../../electron/engine/onnx/sparse-projection'

const DIM = 1024

/** n points on a 6-dimensional manifold in 3 clusters, and `width`-wide ReLU feature maps of it (about half zeros). */
function featureMaps(n: number, widths: number[], seed: number): { z: Float64Array; labels: Int32Array; maps: Float64Array[] } {
  const rng = createRng(seed)
  const q = 6
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3)
  const z = Float64Array.from({ length: n * q }, (_, t) => rng.normal() + 2 * (labels[Math.floor(t / q)] === t % q ? 1 : 0))
  const maps = widths.map((w) => {
    const a = Float64Array.from({ length: w * q }, () => rng.normal())
    const c = Float64Array.from({ length: w }, () => 0.5 * rng.normal())
    const x = new Float64Array(n * w)
    for (let i = 0; i < n; i++)
      for (let f = 0; f < w; f++) {
        let s = c[f]
        for (let j = 0; j < q; j++) s += a[f * q + j] * z[i * q + j]
        x[i * w + f] = Math.max(0, s)
      }
    return x
  })
  return { z, labels, maps }
}

/** The dense Gaussian matrix [w, DIM], entries N(0, 1/DIM). */
function gaussianMatrix(w: number, seed: number): Float64Array {
  const rng = createRng(seed)
  return Float64Array.from({ length: w * DIM }, () => rng.normal() / Math.sqrt(DIM))
}

function gaussianProject(x: Float64Array, n: number, w: number, p: Float64Array): Float64Array {
  const y = new Float64Array(n * DIM)
  for (let i = 0; i < n; i++)
    for (let f = 0; f < w; f++) {
      const v = x[i * w + f]
      if (v === 0) continue
      for (let j = 0; j < DIM; j++) y[i * DIM + j] += v * p[f * DIM + j]
    }
  return y
}

function pairSq(x: Float64Array, n: number, w: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let s = 0
      for (let c = 0; c < w; c++) s += (x[i * w + c] - x[j * w + c]) ** 2
      out.push(s)
    }
  return out
}

describe('very sparse random projection', () => {
  it('has entries +-sqrt(s/dim) with probability 1/s each side (s = sqrt(d)), seeded by (seed, features, dim)', () => {
    const d = 4225
    const r = sparseProjection(d, DIM, 7)
    const s = sparsityOf(d)
    expect(s).toBe(65)
    // nonzeros ~ Binomial(d dim, 1/s): mean 66,560, sd 258; five sd either side
    const nnz = r.rows.length
    expect(Math.abs(nnz - (d * DIM) / s)).toBeLessThan(5 * Math.sqrt((d * DIM) / s))
    let plus = 0
    for (let j = 0; j < DIM; j++) plus += r.split[j] - r.start[j]
    expect(Math.abs(plus / nnz - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / nnz))
    const dense = denseOf(r)
    const values = new Set(dense)
    expect([...values].sort()).toEqual([-Math.sqrt(s / DIM), 0, Math.sqrt(s / DIM)].sort())
    // no column repeats a row: every nonzero is one distinct entry of the matrix
    expect(dense.reduce((c, v) => c + (v !== 0 ? 1 : 0), 0)).toBe(nnz)
    expect(sparseProjection(d, DIM, 7).rows).toEqual(r.rows)
    expect(sparseProjection(d, DIM, 8).rows).not.toEqual(r.rows)
  })

  it('projects each sample as the dense product does, bitwise the same whatever batch it comes in', () => {
    const d = 4500
    const b = 7
    const rng = createRng(2)
    const x = Float32Array.from({ length: b * d }, () => Math.max(0, rng.normal()))
    const r = sparseProjection(d, DIM, 3)
    const y = applySparseProjection(r, x, b)
    const p = denseOf(r)
    let worst = 0
    for (let i = 0; i < b; i++)
      for (let j = 0; j < DIM; j++) {
        let s = 0
        for (let f = 0; f < d; f++) s += x[i * d + f] * p[f * DIM + j]
        worst = Math.max(worst, Math.abs(s - y[i * DIM + j]))
      }
    expect(worst).toBeLessThan(1e-9)
    // samples 4..6 alone (the one-at-a-time path) and within the batch of 7 (after a group of four)
    expect(applySparseProjection(r, x.subarray(4 * d), 3)).toEqual(y.subarray(4 * DIM))
    expect(applySparseProjection(r, x.subarray(3 * d), 4)).toEqual(y.subarray(3 * DIM))
  })

  it('keeps every pairwise distance of ReLU feature maps within the Johnson-Lindenstrauss bound, as closely as a dense Gaussian matrix', () => {
    const n = 60
    const w = 8192
    const { maps } = featureMaps(n, [w], 3)
    const exact = pairSq(maps[0], n, w)
    const sparse = pairSq(applySparseProjection(sparseProjection(w, DIM, 7), maps[0], n), n, DIM)
    const gauss = pairSq(gaussianProject(maps[0], n, w, gaussianMatrix(w, 7)), n, DIM)
    // JL (Dasgupta-Gupta): dim >= 4 ln n / (eps^2/2 - eps^3/3) keeps all n(n-1)/2 squared distances within 1 +- eps w.p. >= 1 - 1/n; eps = 0.2 at n = 60, dim = 1024
    const eps = 0.2
    expect((4 * Math.log(n)) / (eps ** 2 / 2 - eps ** 3 / 3)).toBeLessThan(DIM)
    const errors = (y: number[]): { worst: number; rms: number } => {
      const e = y.map((v, i) => v / exact[i] - 1)
      return { worst: Math.max(...e.map(Math.abs)), rms: Math.sqrt(e.reduce((s, v) => s + v * v, 0) / e.length) }
    }
    const sp = errors(sparse)
    const ga = errors(gauss)
    expect(sp.worst).toBeLessThan(eps)
    expect(ga.worst).toBeLessThan(eps)
    // the Gaussian's relative error has sd sqrt(2 / dim) = 0.044; the sparse one adds (s - 3) sum x^4 / dim, small for spread-out maps
    expect(sp.rms).toBeLessThan(1.5 * Math.sqrt(2 / DIM))
    expect(ga.rms).toBeLessThan(1.5 * Math.sqrt(2 / DIM))
  })

  it('gives the layer metrics of the exact feature maps within the tolerances the dense Gaussian projection needs', () => {
    const n = 120
    const w = 4200
    const { z, labels, maps } = featureMaps(n, [w, w], 5)
    const layer = (name: string, data: Float64Array, width: number): LayerData => ({ name, n, width, data })
    const run = (project: (x: Float64Array, l: number) => Float64Array, width: number): ReturnType<typeof analyzeLayers> =>
      analyzeLayers([layer('input', z, 6), ...maps.map((m, l) => layer(`map${l}`, project(m, l), width))], { k: 10, seed: 7, labels })
    const exact = run((m) => m, w)
    // one matrix per width, shared by the layers, as recordOnnx does
    const r = sparseProjection(w, DIM, 7)
    const p = gaussianMatrix(w, 7)
    const sparse = run((m) => applySparseProjection(r, m, n), DIM)
    const gauss = run((m) => gaussianProject(m, n, w, p), DIM)
    // both projections estimate the same quantities: the same tolerance for each, against the exact maps
    // observed (sparse / Gaussian, worst of the two layers): kNN 0.030 / 0.028, distance correlation 0.004 / 0.003, CKA 0.007 / 0.007, separability 2.4 % / 2.9 %
    const tolerance = {
      knnPreservation: 0.06,
      knnFromPrevious: 0.06,
      distanceCorrelation: 0.01,
      ckaToInput: 0.02,
      ckaToPrevious: 0.02,
      merging: 0.01,
      separability: 0.1
    }
    for (const l of [1, 2])
      for (const [metric, tol] of Object.entries(tolerance) as [keyof typeof tolerance, number][]) {
        const truth = exact.rows[l][metric] as number
        const scale = metric === 'separability' ? truth : 1
        expect(Math.abs((sparse.rows[l][metric] as number) - truth) / scale, `${metric} of layer ${l}, sparse`).toBeLessThan(tol)
        expect(Math.abs((gauss.rows[l][metric] as number) - truth) / scale, `${metric} of layer ${l}, Gaussian`).toBeLessThan(tol)
      }
  })
})
