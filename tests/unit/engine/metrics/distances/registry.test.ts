// The metric registry: names, defaults echoed in the result, seeded subsamples, and refusals of unusable input.
import { describe, expect, it } from 'vitest'
import { buresW2 } from '../../../../../electron/engine/metrics/bures'
import { computeDistance, METRIC_NAMES, METRICS, type PointCloud } from '../../../../../electron/engine/metrics/distances'
import { wasserstein1d } from '../../../../../electron/engine/metrics/wasserstein'
import { EngineError } from '../../../../../electron/engine/errors'
import { gaussianCloud } from '../test-rng'

const cloud = (n: number, mean: number[], variances: number[], seed: number): PointCloud => ({
  data: gaussianCloud(n, mean, variances, seed),
  n,
  d: mean.length
})

describe('distance registry', () => {
  const a1 = cloud(500, [0], [1], 1)
  const b1 = cloud(400, [0.5], [2], 2)
  const a3 = cloud(300, [0, 0, 0], [1, 1, 1], 3)
  const b3 = cloud(250, [1, 0, 0], [1, 1.5, 1], 4)

  it('lists every metric once and computes each on 1-D clouds', () => {
    expect(Object.keys(METRICS).sort()).toEqual([...METRIC_NAMES].sort())
    for (const metric of METRIC_NAMES) {
      const r = computeDistance(metric, a1, b1, { maxPoints: 300 })
      expect(r.metric).toBe(metric)
      expect(Number.isFinite(r.value)).toBe(true)
      expect([r.n_a, r.n_b, r.d]).toEqual([500, 400, 1])
    }
  })

  it('1-D metrics are the exact sorted-sample distances; sliced W2 in 1-D is the same W2', () => {
    expect(computeDistance('w1-1d', a1, b1).value).toBeCloseTo(wasserstein1d(a1.data, b1.data, 1), 12)
    const w2 = computeDistance('w2-1d', a1, b1)
    expect(w2.value).toBeCloseTo(wasserstein1d(a1.data, b1.data, 2), 12)
    expect(w2.options).toEqual({})
    expect(w2.subsample).toBeNull()
    // projections are stored in float32, hence 6 digits
    expect(computeDistance('sliced-w2', a1, b1).value).toBeCloseTo(w2.value, 6)
  })

  it('echoes the options used, defaults filled in, and the metric-specific details', () => {
    const r = computeDistance('sinkhorn', a3, b3, { eps: 0.5 })
    expect(r.options).toEqual({ seed: 0, eps: 0.5, iterations: 1000, tolerance: 1e-5, annealing: 0.5, overRelaxation: 1.8, maxPoints: 2000 })
    expect(r.details.converged).toBe(true)
    expect(r.value).toBeCloseTo((r.details.ot_ab as number) - (r.details.ot_aa as number) / 2 - (r.details.ot_bb as number) / 2, 12)
    expect(computeDistance('bures', a3, b3).value).toBeCloseTo(buresW2(a3.data, 300, b3.data, 250, 3).value, 12)
    expect(computeDistance('kl', a3, b3, { k: 4 }).details.k_used).toBe(4)
    expect(computeDistance('mmd', a3, b3).details.bandwidth).toBeGreaterThan(0)
  })

  it('subsamples beyond maxPoints with the seed, and says so', () => {
    const big = cloud(3000, [0, 0, 0], [1, 1, 1], 5)
    const r1 = computeDistance('energy', big, b3, { maxPoints: 200 })
    expect(r1.subsample).toEqual({ a: 200, b: 200 })
    expect([r1.n_a, r1.n_b]).toEqual([3000, 250])
    expect(computeDistance('energy', big, b3, { maxPoints: 200 }).value).toBe(r1.value)
    expect(computeDistance('energy', big, b3, { maxPoints: 200, seed: 7 }).value).not.toBe(r1.value)
    expect(computeDistance('energy', big, b3, { maxPoints: 5000 }).subsample).toBeNull()
  })

  it('refuses unusable input with invalid-request errors that say what is wrong', () => {
    const expectInvalid = (f: () => unknown, message: RegExp): void => {
      let err: unknown
      try {
        f()
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(EngineError)
      expect((err as EngineError).code).toBe('invalid-request')
      expect((err as EngineError).message).toMatch(message)
    }
    expectInvalid(() => computeDistance('bures', a3, cloud(10, [0, 0], [1, 1], 6)), /different dimensions: 3 and 2/)
    expectInvalid(() => computeDistance('w2-1d', a3, b3), /needs 1-D clouds/)
    const nan = Float64Array.from(a3.data)
    nan[3 * 17 + 1] = NaN
    expectInvalid(() => computeDistance('energy', { data: nan, n: 300, d: 3 }, b3), /point 17 has a non-finite coordinate/)
    expectInvalid(() => computeDistance('energy', { data: new Float64Array(0), n: 0, d: 3 }, b3), /no points/)
    expectInvalid(() => computeDistance('mmd', { data: new Float64Array(3), n: 1, d: 3 }, b3), /at least 2 points/)
    expectInvalid(() => computeDistance('sinkhorn', a3, b3, { eps: 0 }), /--eps must be greater than 0/)
    expectInvalid(() => computeDistance('sinkhorn', a3, b3, { iterations: 2.5 }), /--iterations must be an integer/)
    expectInvalid(() => computeDistance('sinkhorn', a3, b3, { annealing: 1 }), /--annealing/)
    expectInvalid(() => computeDistance('sliced-w2', a3, b3, { directions: 0 }), /--directions must be at least 1/)
    expectInvalid(() => computeDistance('nope' as never, a3, b3), /unknown metric/)
  })
})
