// Gaussian (Bures) W2: the 2 x 2 matrix square root in closed form, commuting covariances, large
// samples against the true parameters, and zero for identical clouds.
import { describe, expect, it } from 'vitest'
import { buresW2, gaussianW2, sqrtPsd } from '../../../../../electron/engine/metrics/bures'
import { testRng } from '../test-rng'

type M2 = [[number, number], [number, number]]

/** sqrt of a 2 x 2 SPD matrix: (M + sqrt(det M) I) / sqrt(tr M + 2 sqrt(det M)) (independent of any eigen-solver). */
function sqrt2(m: M2): M2 {
  const s = Math.sqrt(m[0][0] * m[1][1] - m[0][1] * m[1][0])
  const t = Math.sqrt(m[0][0] + m[1][1] + 2 * s)
  return [
    [(m[0][0] + s) / t, m[0][1] / t],
    [m[1][0] / t, (m[1][1] + s) / t]
  ]
}
const mul = (a: M2, b: M2): M2 => [
  [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
  [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]]
]

/** W2^2 between 2-D Gaussians from the closed form with the 2 x 2 square-root formula. */
function w2sq2d(m1: number[], s1: M2, m2: number[], s2: M2): number {
  const r = sqrt2(s2)
  const c = sqrt2(mul(mul(r, s1), r))
  return (m1[0] - m2[0]) ** 2 + (m1[1] - m2[1]) ** 2 + s1[0][0] + s1[1][1] + s2[0][0] + s2[1][1] - 2 * (c[0][0] + c[1][1])
}

/** n samples of N(m, S) in 2-D through the Cholesky factor. */
function sample2d(n: number, m: number[], s: M2, seed: number): Float64Array {
  const rng = testRng(seed)
  const l11 = Math.sqrt(s[0][0])
  const l21 = s[1][0] / l11
  const l22 = Math.sqrt(s[1][1] - l21 * l21)
  const x = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    const z1 = rng.normal()
    const z2 = rng.normal()
    x[2 * i] = m[0] + l11 * z1
    x[2 * i + 1] = m[1] + l21 * z1 + l22 * z2
  }
  return x
}

const S1: M2 = [
  [2, 0.5],
  [0.5, 1]
]
const S2: M2 = [
  [1, -0.3],
  [-0.3, 0.5]
]

describe('Bures W2', () => {
  it('matches the closed form for non-commuting 2-D covariances', () => {
    const r = gaussianW2([0, 0], S1, [1, -1], S2)
    expect(r.value ** 2).toBeCloseTo(w2sq2d([0, 0], S1, [1, -1], S2), 12)
    expect(r.meanTerm).toBeCloseTo(2, 14)
    const root = sqrtPsd(S1)
    const want = sqrt2(S1)
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(root[i][j]).toBeCloseTo(want[i][j], 12)
  })

  it('reduces to |dm|^2 + sum (sqrt a_i - sqrt b_i)^2 for diagonal covariances', () => {
    const a = [4, 1, 0.25]
    const b = [1, 9, 0.25]
    const r = gaussianW2(
      [1, 2, 3],
      a.map((v, i) => a.map((_, j) => (i === j ? v : 0))),
      [1, 0, 3],
      b.map((v, i) => b.map((_, j) => (i === j ? v : 0)))
    )
    expect(r.value ** 2).toBeCloseTo(4 + (2 - 1) ** 2 + (1 - 3) ** 2, 12)
  })

  it('on large samples approaches the W2 of the true Gaussians', () => {
    const n = 50_000
    const x = sample2d(n, [0, 0], S1, 1)
    const y = sample2d(n, [1, -1], S2, 2)
    const truth = Math.sqrt(w2sq2d([0, 0], S1, [1, -1], S2))
    // sampling error of the moments at n = 5e4: a few 1e-3 on W2 ~ 1.6
    expect(Math.abs(buresW2(x, n, y, n, 2).value - truth)).toBeLessThan(0.015)
  })

  it('is 0 for identical clouds and symmetric', () => {
    const x = sample2d(1000, [0.3, 0.1], S1, 3)
    const y = sample2d(800, [0, 0], S2, 4)
    expect(buresW2(x, 1000, x, 1000, 2).value).toBeLessThan(1e-6)
    expect(buresW2(x, 1000, y, 800, 2).value).toBeCloseTo(buresW2(y, 800, x, 1000, 2).value, 10)
  })
})
