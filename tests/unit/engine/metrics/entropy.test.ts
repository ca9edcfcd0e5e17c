import { describe, expect, it } from 'vitest'
import { gaussianEntropy, knnEntropy } from '../../../../electron/engine/metrics/entropy'
import { KdTree } from '../../../../electron/engine/metrics/kdtree'
import { digamma, logGamma, logUnitBallVolume } from '../../../../electron/engine/metrics/special'
import { gaussianCloud, testRng } from './test-rng'

const EULER_GAMMA = 0.5772156649015329

describe('special functions', () => {
  it('digamma matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 12)
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 12)
    // psi(n) = H_{n-1} - gamma
    let h = 0
    for (let j = 1; j < 20_000; j++) h += 1 / j
    expect(digamma(20_000)).toBeCloseTo(h - EULER_GAMMA, 11)
    expect(digamma(5)).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4 - EULER_GAMMA, 12)
  })

  it('logGamma and unit-ball volumes match closed forms', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(2.5)).toBeCloseTo(Math.log((3 / 4) * Math.sqrt(Math.PI)), 12)
    expect(Math.exp(logUnitBallVolume(1))).toBeCloseTo(2, 12)
    expect(Math.exp(logUnitBallVolume(2))).toBeCloseTo(Math.PI, 12)
    expect(Math.exp(logUnitBallVolume(3))).toBeCloseTo((4 / 3) * Math.PI, 12)
  })
})

describe('Gaussian entropy', () => {
  it('is 0.5 log((2 pi e)^m det S): (44) at t = 0 is 3.184451 (eq. 44 of the paper)', () => {
    expect(
      gaussianEntropy([
        [2, 0],
        [0, 1]
      ])
    ).toBeCloseTo(3.184451, 6)
    // continuous DAE at t = 0.25: N(0, diag(2 - 0.5, 1 - 0.5)) -> 2.694036
    expect(
      gaussianEntropy([
        [1.5, 0],
        [0, 0.5]
      ])
    ).toBeCloseTo(2.694036, 6)
    expect(gaussianEntropy([[1]])).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E), 12)
    // a rotated covariance has the same determinant (2 x 1) as the diagonal one
    const c = Math.cos(0.3),
      s = Math.sin(0.3)
    const rot = [
      [2 * c * c + s * s, (2 - 1) * c * s],
      [(2 - 1) * c * s, 2 * s * s + c * c]
    ]
    expect(gaussianEntropy(rot)).toBeCloseTo(3.184451, 6)
    expect(
      gaussianEntropy([
        [1, 1],
        [1, 1]
      ])
    ).toBe(-Infinity)
  })
})

describe('Kozachenko-Leonenko entropy', () => {
  it('reproduces the (44) entropy 3.184451 within 0.02 nats on 20,000 samples', () => {
    const x = gaussianCloud(20_000, [0, 0], [2, 1], 44)
    const r = knnEntropy(x, 20_000, 2, 5)
    expect(r.k).toBe(5)
    expect(r.clamped).toBe(0)
    expect(Math.abs(r.entropy - 3.184451)).toBeLessThan(0.02)
  })

  it('is accurate in 1-D and 3-D too', () => {
    const x1 = gaussianCloud(20_000, [1], [0.5], 1)
    expect(Math.abs(knnEntropy(x1, 20_000, 1).entropy - gaussianEntropy([[0.5]]))).toBeLessThan(0.02)
    const x3 = gaussianCloud(20_000, [0, 0, 0], [2, 1, 1.5], 3)
    const exact = gaussianEntropy([
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 1.5]
    ])
    expect(Math.abs(knnEntropy(x3, 20_000, 3).entropy - exact)).toBeLessThan(0.03)
  })

  it('stays finite with duplicate points and says how many distances were floored', () => {
    const base = gaussianCloud(1_000, [0, 0], [1, 1], 5)
    const x = new Float32Array(3_000 * 2)
    x.set(base, 0)
    x.set(base, 2_000)
    x.set(base, 4_000) // every point appears 3 times
    const r = knnEntropy(x, 3_000, 2, 5)
    expect(Number.isFinite(r.entropy)).toBe(true)
    expect(r.clamped).toBe(0) // k = 5 > multiplicity 3, so the 5th neighbour is a distinct point
    const r1 = knnEntropy(x, 3_000, 2, 1)
    expect(Number.isFinite(r1.entropy)).toBe(true)
    expect(r1.clamped).toBe(3_000)
    // all points equal: still finite
    const same = new Float32Array(200).fill(1.5)
    expect(Number.isFinite(knnEntropy(same, 100, 2).entropy)).toBe(true)
  })
})

/** For each point, its squared distances to all other points, ascending. */
function bruteSorted(x: Float32Array, n: number, d: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => {
    const ds = new Float64Array(n - 1)
    let m = 0
    for (let j = 0; j < n; j++) {
      if (j === i) continue
      let s = 0
      for (let a = 0; a < d; a++) s += (x[i * d + a] - x[j * d + a]) ** 2
      ds[m++] = s
    }
    return ds.sort()
  })
}

describe('k-d tree', () => {
  it('k-th neighbour distances equal brute force on random, clustered and grid data (D = 1, 2, 3)', () => {
    const rng = testRng(9)
    for (const d of [1, 2, 3]) {
      const n = 1_000
      const x = gaussianCloud(n, Array(d).fill(0), Array(d).fill(1), 20 + d)
      // a tight cluster, exact duplicates and grid-like ties
      for (let i = 0; i < 200; i++) for (let a = 0; a < d; a++) x[i * d + a] = 5 + 1e-3 * rng.normal()
      for (let i = 200; i < 260; i++) for (let a = 0; a < d; a++) x[i * d + a] = x[(i - 60) * d + a]
      for (let i = 260; i < 400; i++) for (let a = 0; a < d; a++) x[i * d + a] = Math.round(3 * rng.normal()) / 2
      const brute = bruteSorted(x, n, d)
      for (const k of [1, 5, 12]) {
        const tree = new KdTree(x, n, d, 8).kthNeighbourDistances(k)
        let worst = 0
        for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(tree[i] - Math.sqrt(brute[i][k - 1])))
        expect(worst).toBeLessThan(1e-12)
      }
    }
  })

  it('knnSquared returns the k smallest squared distances in order', () => {
    const x = gaussianCloud(800, [0, 0], [1, 1], 31)
    const tree = new KdTree(x, 800, 2)
    const q = [0.3, -0.2]
    const all = Array.from({ length: 800 }, (_, i) => (x[2 * i] - q[0]) ** 2 + (x[2 * i + 1] - q[1]) ** 2).sort((a, b) => a - b)
    expect(Array.from(tree.knnSquared(q, 7))).toEqual(all.slice(0, 7).map((v) => expect.closeTo(v, 12)))
  })
})
