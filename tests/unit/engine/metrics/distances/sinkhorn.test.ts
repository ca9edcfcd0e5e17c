// Sinkhorn: the 2 x 2 closed form, POT-equivalent iterates against a naive scaling Sinkhorn, the
// divergence's zero / positivity / symmetry, its eps -> 0 limit (exact sorted 1-D W2^2) and small-eps stability.
import { describe, expect, it } from 'vitest'
import { entropicOt, sinkhornDivergence, symmetricEntropicOt } from '../../../../../electron/engine/metrics/sinkhorn'
import { wasserstein1d } from '../../../../../electron/engine/metrics/wasserstein'
import { gaussianCloud } from '../test-rng'

/**
 * Two points against two with uniform weights: the marginals force P = [[p, 1/2 - p], [1/2 - p, p]] and the
 * entropic optimality condition P11 P22 / (P12 P21) = exp(-(C11 + C22 - C12 - C21)/eps) fixes p.
 */
function twoByTwo(x: [number, number], y: [number, number], eps: number): { cost: number; value: number } {
  const C = [0, 1].map((i) => [0, 1].map((j) => (x[i] - y[j]) ** 2))
  const r = Math.exp(-(C[0][0] + C[1][1] - C[0][1] - C[1][0]) / (2 * eps))
  const p = r / (2 * (1 + r))
  const P = [
    [p, 0.5 - p],
    [0.5 - p, p]
  ]
  let cost = 0
  let kl = 0
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      cost += P[i][j] * C[i][j]
      kl += P[i][j] * Math.log(P[i][j] / 0.25)
    }
  return { cost, value: cost + eps * kl }
}

/** Plain (non-log) Sinkhorn as in POT's sinkhorn_knopp: u = 1/n; v = b/(K^T u); u = a/(K v). */
function naiveSinkhornCost(x: ArrayLike<number>, y: ArrayLike<number>, eps: number, iterations: number): number {
  const n = x.length
  const m = y.length
  const C = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (x[i] - y[j]) ** 2))
  const K = C.map((row) => row.map((c) => Math.exp(-c / eps)))
  let u = new Array<number>(n).fill(1 / n)
  let v = new Array<number>(m).fill(0)
  for (let t = 0; t < iterations; t++) {
    v = Array.from({ length: m }, (_, j) => 1 / m / u.reduce((s, ui, i) => s + ui * K[i][j], 0))
    u = Array.from({ length: n }, (_, i) => 1 / n / v.reduce((s, vj, j) => s + K[i][j] * vj, 0))
  }
  let cost = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) cost += u[i] * K[i][j] * v[j] * C[i][j]
  return cost
}

const exact = { iterations: 10_000, tolerance: 1e-13 }

describe('entropic OT', () => {
  it('matches the closed-form plan of a 2 x 2 problem, for several eps', () => {
    // (smaller eps makes this plan nearly degenerate, where Sinkhorn's linear rate tends to 1)
    for (const eps of [2, 0.5, 0.25]) {
      const want = twoByTwo([0, 1], [0.2, 1.5], eps)
      const got = entropicOt(Float64Array.of(0, 1), 2, Float64Array.of(0.2, 1.5), 2, 1, { eps, ...exact })
      expect(got.converged).toBe(true)
      expect(got.transportCost).toBeCloseTo(want.cost, 10)
      expect(got.value).toBeCloseTo(want.value, 10)
      // the same closed form for a cloud against itself, through the symmetric solver
      const self = twoByTwo([0, 1], [0, 1], eps)
      const sym = symmetricEntropicOt(Float64Array.of(0, 1), 2, 1, { eps, ...exact })
      expect(sym.transportCost).toBeCloseTo(self.cost, 10)
      expect(sym.value).toBeCloseTo(self.value, 10)
      // and the divergence assembled from the three closed forms
      const s = sinkhornDivergence(Float64Array.of(0, 1), 2, Float64Array.of(0.2, 1.5), 2, 1, { eps, ...exact })
      const bb = twoByTwo([0.2, 1.5], [0.2, 1.5], eps)
      expect(s.value).toBeCloseTo(want.value - self.value / 2 - bb.value / 2, 10)
    }
  })

  it('after k iterations equals a naive scaling Sinkhorn after k iterations (POT semantics)', () => {
    const x = gaussianCloud(30, [0], [1], 1)
    const y = gaussianCloud(25, [0.5], [2], 2)
    for (const k of [1, 3, 20]) {
      const got = entropicOt(x, 30, y, 25, 1, { eps: 0.5, iterations: k, tolerance: 0 })
      expect(got.iterations).toBe(k)
      expect(got.transportCost).toBeCloseTo(naiveSinkhornCost(x, y, 0.5, k), 12)
    }
  })

  it('stays finite and accurate where the plain kernel exp(-C/eps) underflows everywhere', () => {
    // every pair is at least 10 apart: at eps = 0.005, exp(-C/eps) < e^-20000 underflows to 0 for all of them
    const x = Float64Array.from({ length: 40 }, (_, i) => i * 0.75)
    const y = Float64Array.from({ length: 40 }, (_, i) => i * 0.75 + 40 + 0.01 * Math.sin(i))
    expect(naiveSinkhornCost(x, y, 0.005, 2)).toBeNaN()
    const s = sinkhornDivergence(x, 40, y, 40, 1, { eps: 0.005, iterations: 20_000, tolerance: 1e-10 })
    // swapping two neighbours costs about 2 x 0.75^2 more, weight e^(-1.1/eps): S is W2^2 of the samples
    expect(s.value / wasserstein1d(x, y, 2) ** 2 - 1).toBeCloseTo(0, 9)
  })
})

describe('debiased Sinkhorn divergence', () => {
  const opts = { eps: 0.1, iterations: 5000, tolerance: 1e-10 }
  const a = gaussianCloud(150, [0, 0], [1, 1], 3)
  const b = gaussianCloud(140, [1, 0], [1, 2], 4)

  it('is 0 for identical clouds, positive otherwise, and symmetric', () => {
    expect(Math.abs(sinkhornDivergence(a, 150, a, 150, 2, opts).value)).toBeLessThan(1e-9)
    const ab = sinkhornDivergence(a, 150, b, 140, 2, opts)
    const ba = sinkhornDivergence(b, 140, a, 150, 2, opts)
    expect(ab.value).toBeGreaterThan(0.5) // mean shift 1 alone gives W2^2 >= 1 for the populations
    expect(ba.value).toBeCloseTo(ab.value, 8)
    // a slightly moved copy: small but clearly positive
    const a2 = a.map((v, i) => (i % 2 === 0 ? v + 0.05 : v))
    const near = sinkhornDivergence(a, 150, a2, 150, 2, opts).value
    expect(near).toBeGreaterThan(0)
    expect(near).toBeLessThan(0.05 ** 2 * 1.01) // <= W2^2 of the shift, 0.0025
  })

  it('approaches the exact 1-D W2^2 of the samples as eps -> 0', () => {
    const n = 120
    const x = gaussianCloud(n, [0], [1], 11)
    const y = gaussianCloud(n, [1], [2.25], 12)
    const w2sq = wasserstein1d(x, y, 2) ** 2
    const err = [0.1, 0.01].map((eps) => Math.abs(sinkhornDivergence(x, n, y, n, 1, { eps, iterations: 20_000, tolerance: 1e-9 }).value - w2sq))
    // measured: about 1.7e-3 at eps = 0.1 and 4e-4 at eps = 0.01 on W2^2 ~ 1.7
    expect(err[0]).toBeLessThan(5e-3)
    expect(err[1]).toBeLessThan(1e-3)
    expect(err[1]).toBeLessThan(err[0])
  })

  it('is invariant to a common translation and adds |mean shift|^2 exactly for a relative one', () => {
    const t = (c: Float32Array, dx: number): Float64Array => Float64Array.from(c, (v, i) => (i % 2 === 0 ? v + dx : v))
    const base = sinkhornDivergence(a, 150, b, 140, 2, opts).value
    expect(sinkhornDivergence(t(a, 30), 150, t(b, 30), 140, 2, opts).value).toBeCloseTo(base, 8)
    // moving b by 5 along x changes |m_a - m_b|^2 by 10 (m_b,x - m_a,x) + 25 and nothing else
    let ma = 0
    let mb = 0
    for (let i = 0; i < 150; i++) ma += a[2 * i] / 150
    for (let i = 0; i < 140; i++) mb += b[2 * i] / 140
    expect(sinkhornDivergence(a, 150, t(b, 5), 140, 2, opts).value - base).toBeCloseTo((mb + 5 - ma) ** 2 - (mb - ma) ** 2, 8)
  })

  it('annealing and over-relaxation reach the same value as plain Sinkhorn, in fewer iterations', () => {
    const plain = sinkhornDivergence(a, 150, b, 140, 2, opts)
    const fast = sinkhornDivergence(a, 150, b, 140, 2, { ...opts, annealing: 0.5, overRelaxation: 1.8 })
    expect(plain.ab.converged && fast.ab.converged).toBe(true)
    expect(fast.value).toBeCloseTo(plain.value, 8)
    expect(fast.ab.iterations).toBeLessThan(plain.ab.iterations)
    // a stretch (not a translation) between clouds far apart at this eps: the cold start crawls, the
    // annealed one converges; 1-D, so the exact answer is the sorted W2^2
    const x = Float64Array.from({ length: 40 }, (_, i) => i * 0.75)
    const y = Float64Array.from({ length: 40 }, (_, i) => i * 1.5 + 0.01 * Math.sin(i))
    const w2sq = wasserstein1d(x, y, 2) ** 2
    const tight = { eps: 0.005, iterations: 2000, tolerance: 1e-10 }
    const cold = sinkhornDivergence(x, 40, y, 40, 1, tight)
    const warm = sinkhornDivergence(x, 40, y, 40, 1, { ...tight, annealing: 0.5, overRelaxation: 1.8 })
    expect(cold.ab.converged).toBe(false)
    expect(Math.abs(cold.value - w2sq)).toBeGreaterThan(0.1)
    expect(warm.ab.converged).toBe(true)
    expect(warm.value).toBeCloseTo(w2sq, 8)
  })

  it('refuses bad options', () => {
    expect(() => entropicOt(a, 150, b, 140, 2, { eps: 0, iterations: 10, tolerance: 0 })).toThrow(/eps/)
    expect(() => entropicOt(a, 0, b, 140, 2, { eps: 1, iterations: 10, tolerance: 0 })).toThrow(/non-empty/)
    expect(() => entropicOt(a, 150, b, 140, 2, { eps: 1, iterations: 10, tolerance: 0, annealing: 1 })).toThrow(/annealing/)
    expect(() => entropicOt(a, 150, b, 140, 2, { eps: 1, iterations: 10, tolerance: 0, overRelaxation: 2 })).toThrow(/overRelaxation/)
  })
})
