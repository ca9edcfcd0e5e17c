// The once-per-model PCA: hand-built stacks whose principal axes and variances are known exactly
// (box corners with variances 9, 4, 1 on rotated axes; layers of different widths zero-padded), in both
// the exact-covariance and the subspace-iteration paths; and the projection's shape and determinism.
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../../electron/engine/sampling/random'
import type { LayerData } from '../../../../electron/engine/layers/dumps'
import { fitLayerPca } from '../../../../electron/engine/layers/pca'

/** the 8 corners (+-3, +-2, +-1): mean 0, covariance exactly diag(9, 4, 1) */
const CORNERS = [-1, 1].flatMap((a) => [-1, 1].flatMap((b) => [-1, 1].map((c) => [3 * a, 2 * b, c])))

/** three orthonormal vectors in R^w (Householder reflection of e1..e3 through a fixed vector) */
function axesIn(w: number): number[][] {
  const u = Array.from({ length: w }, (_, j) => Math.cos(0.7 * j + 0.3))
  const nu = Math.hypot(...u)
  const h = (e: number[]): number[] => {
    const d = e.reduce((s, v, j) => s + v * u[j], 0) / (nu * nu)
    return e.map((v, j) => v - 2 * d * u[j])
  }
  return [0, 1, 2].map((a) => h(Array.from({ length: w }, (_, j) => (j === a ? 1 : 0))))
}

function rotatedBox(w: number, shift: number): { layer: LayerData; axes: number[][] } {
  const axes = axesIn(w)
  const data = new Float64Array(CORNERS.length * w)
  CORNERS.forEach((p, i) => {
    for (let j = 0; j < w; j++) data[i * w + j] = shift + p[0] * axes[0][j] + p[1] * axes[1][j] + p[2] * axes[2][j]
  })
  return { layer: { name: `w${w}`, n: CORNERS.length, width: w, data }, axes }
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((s, v, j) => s + v * b[j], 0)

describe('fitLayerPca', () => {
  for (const [w, directMaxWidth, method] of [
    [6, 128, 'covariance'],
    [200, 128, 'subspace']
  ] as const) {
    it(`recovers known axes and variances 9, 4, 1 (width ${w}, ${method})`, () => {
      const { layer, axes } = rotatedBox(w, 0.5)
      const p = fitLayerPca([layer, { ...layer, name: 'copy' }], { directMaxWidth })
      expect(p.method).toBe(method)
      expect(p.shape).toEqual([2, 8, 3])
      p.variances.forEach((v, c) => expect(v).toBeCloseTo([9, 4, 1][c], 9))
      p.explainedVariance.forEach((v, c) => expect(v).toBeCloseTo([9, 4, 1][c] / 14, 9))
      for (let c = 0; c < 3; c++) expect(Math.abs(dot(p.components.subarray(c * w, (c + 1) * w), axes[c]))).toBeCloseTo(1, 9)
      for (let j = 0; j < w; j++) expect(p.mean[j]).toBeCloseTo(0.5, 12)
      // the projection of corner i is (+-3, +-2, +-1) up to each axis's sign
      for (let l = 0; l < 2; l++)
        CORNERS.forEach((corner, i) => {
          for (let c = 0; c < 3; c++) expect(Math.abs(p.data[(l * 8 + i) * 3 + c])).toBeCloseTo(Math.abs(corner[c]), 5)
        })
    })
  }

  it('zero-pads narrower layers: a width-1 layer (+-3) and a width-3 layer (0, +-2, +-1)', () => {
    const l0: LayerData = { name: 'in', n: 8, width: 1, data: Float64Array.from(CORNERS, (p) => p[0]) }
    const l1: LayerData = { name: 'out', n: 8, width: 3, data: Float64Array.from(CORNERS.flatMap((p) => [0, p[1], p[2]])) }
    const p = fitLayerPca([l0, l1])
    // stacked mean 0; variances 9/2, 4/2, 1/2 on e1, e2, e3 (each layer is half the rows)
    expect(p.variances.map((v) => +v.toFixed(12))).toEqual([4.5, 2, 0.5])
    expect(p.explainedVariance.map((v) => +v.toFixed(12))).toEqual([+(4.5 / 7).toFixed(12), +(2 / 7).toFixed(12), +(0.5 / 7).toFixed(12)])
    CORNERS.forEach((corner, i) => {
      expect(Array.from(p.data.subarray(i * 3, i * 3 + 3)).map(Math.abs)).toEqual([Math.abs(corner[0]), 0, 0])
      expect(Array.from(p.data.subarray((8 + i) * 3, (8 + i) * 3 + 3)).map((v) => Math.abs(+v.toFixed(6)))).toEqual([0, 2, 1])
    })
  })

  it('pads components when the widest layer is under 3 wide, and is deterministic', () => {
    const rng = createRng(1)
    const x = Float64Array.from({ length: 200 }, () => rng.normal())
    const layers: LayerData[] = [
      { name: 'a', n: 100, width: 2, data: x },
      { name: 'b', n: 100, width: 2, data: x.map((v) => 2 * v) }
    ]
    const p = fitLayerPca(layers, { seed: 3, maxPoints: 50 })
    expect(p.shape).toEqual([2, 100, 3])
    expect(p.fittedRows).toBe(50)
    expect(p.variances[2]).toBe(0)
    for (let i = 0; i < 200; i++) expect(p.data[i * 3 + 2]).toBe(0)
    expect(Array.from(fitLayerPca(layers, { seed: 3, maxPoints: 50 }).data)).toEqual(Array.from(p.data))
  })

  it('subspace and covariance paths agree on a random stack with a decaying spectrum', () => {
    const rng = createRng(5)
    const w = 12
    const n = 400
    const data = Float64Array.from({ length: n * w }, (_, k) => rng.normal() * Math.pow(0.7, k % w))
    const layers: LayerData[] = [{ name: 'x', n, width: w, data }]
    const a = fitLayerPca(layers, { directMaxWidth: 128 })
    // the subspace iteration on the covariance built once, and through the rows (widths past covarianceMaxWidth)
    for (const covarianceMaxWidth of [1024, 4]) {
      const b = fitLayerPca(layers, { directMaxWidth: 4, covarianceMaxWidth })
      expect(b.method).toBe('subspace')
      a.variances.forEach((v, c) => expect(b.variances[c]).toBeCloseTo(v, 8))
      for (let c = 0; c < 3; c++) expect(Math.abs(dot(a.components.subarray(c * w, (c + 1) * w), b.components.subarray(c * w, (c + 1) * w)))).toBeCloseTo(1, 6)
    }
  })

  it('fits wide layers with fewer rows than features through the Gram matrix, as the covariance path does', () => {
    const rng = createRng(6)
    const w = 150
    const n = 40
    // rows (2 layers x 40 points = 80) < width 150: the Gram path; the exact covariance path is the truth
    const layer = (name: string): LayerData => ({
      name,
      n,
      width: w,
      data: Float64Array.from({ length: n * w }, (_, k) => 1 + rng.normal() * Math.pow(0.8, k % w))
    })
    const layers = [layer('a'), layer('b')]
    const a = fitLayerPca(layers, { directMaxWidth: 1000 })
    const b = fitLayerPca(layers, { directMaxWidth: 4 })
    expect(a.method).toBe('covariance')
    expect(b.method).toBe('subspace')
    expect(b.fittedRows).toBeLessThan(w)
    a.variances.forEach((v, c) => expect(b.variances[c]).toBeCloseTo(v, 8))
    for (let c = 0; c < 3; c++) expect(Math.abs(dot(a.components.subarray(c * w, (c + 1) * w), b.components.subarray(c * w, (c + 1) * w)))).toBeCloseTo(1, 6)
    let worst = 0
    for (let t = 0; t < a.data.length; t++) worst = Math.max(worst, Math.abs(Math.abs(a.data[t]) - Math.abs(b.data[t])))
    expect(worst).toBeLessThan(1e-6)
  })
})
