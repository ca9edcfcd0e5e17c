import { describe, expect, it } from 'vitest'
import { cloudCovariance, cloudMean, determinant } from '../../../../electron/engine/metrics/moments'

describe('moments', () => {
  it('mean and covariance of the empirical measure match hand computation', () => {
    // points (0,0), (2,0), (0,4), (2,4): mean (1,2), var_x = 1, var_y = 4, cov 0
    const x = new Float32Array([0, 0, 2, 0, 0, 4, 2, 4])
    expect(cloudMean(x, 4, 2)).toEqual([1, 2])
    expect(cloudCovariance(x, 4, 2)).toEqual([
      [1, 0],
      [0, 4]
    ])
    // perfectly correlated line y = 2x at x = -1, 0, 1: var 2/3, cov 4/3, var_y 8/3
    const c = cloudCovariance(new Float64Array([-1, -2, 0, 0, 1, 2]), 3, 2)
    expect(c[0][0]).toBeCloseTo(2 / 3, 14)
    expect(c[0][1]).toBeCloseTo(4 / 3, 14)
    expect(c[1][0]).toBeCloseTo(4 / 3, 14)
    expect(c[1][1]).toBeCloseTo(8 / 3, 14)
  })

  it('accumulates in float64: a large offset does not destroy a small variance', () => {
    const n = 100_000
    const x = new Float32Array(n)
    for (let i = 0; i < n; i++) x[i] = 1000 + (i % 2 === 0 ? 0.5 : -0.5)
    expect(cloudMean(x, n, 1)[0]).toBeCloseTo(1000, 9)
    expect(cloudCovariance(x, n, 1)[0][0]).toBeCloseTo(0.25, 9)
  })

  it('determinant of small matrices', () => {
    expect(
      determinant([
        [2, 0.6, 0],
        [0.6, 1, 0],
        [0, 0, 1.5]
      ])
    ).toBeCloseTo((2 - 0.36) * 1.5, 14)
    expect(
      determinant([
        [0, 1],
        [1, 0]
      ])
    ).toBeCloseTo(-1, 14)
    expect(
      determinant([
        [1, 2],
        [2, 4]
      ])
    ).toBe(0)
  })
})
