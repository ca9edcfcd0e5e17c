// The 2-D and 3-D fast paths of the moments, the step statistics and the separability against the plain
// loops over particles and axes written out here: the same sums in the same order, so equal bit for bit
// (the per-depth metrics promise identical numbers whichever path or thread computes them).
import { describe, expect, it } from 'vitest'
import { stepStatistics } from '../../../../electron/engine/metrics/depth-kinematics'
import { separability } from '../../../../electron/engine/metrics/depth-separability'
import { cloudCovariance, cloudMean } from '../../../../electron/engine/metrics/moments'
import { testRng } from './test-rng'

function cloud(n: number, d: number, seed: number): Float32Array {
  const rng = testRng(seed)
  // an offset and uneven scales, so rounding differs between summation orders
  return Float32Array.from({ length: n * d }, (_, k) => 3.7 + (k % d) * 11.3 + (1 + (k % d)) * rng.normal())
}

function plainMean(x: Float32Array, n: number, d: number): number[] {
  const m = new Array<number>(d).fill(0)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j] += x[i * d + j]
  return m.map((v) => v / n)
}

function plainCovariance(x: Float32Array, n: number, d: number, mean: number[]): number[][] {
  const c = Array.from({ length: d }, () => new Array<number>(d).fill(0))
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) for (let b = a; b < d; b++) c[a][b] += (x[i * d + a] - mean[a]) * (x[i * d + b] - mean[b])
  for (let a = 0; a < d; a++)
    for (let b = a; b < d; b++) {
      c[a][b] /= n
      c[b][a] = c[a][b]
    }
  return c
}

function plainStep(p: Float32Array, q: Float32Array, n: number, d: number): { meanStep: number; meanSquaredStep: number } {
  let sum = 0
  let sumSq = 0
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = 0; j < d; j++) s += (q[i * d + j] - p[i * d + j]) * (q[i * d + j] - p[i * d + j])
    sumSq += s
    sum += Math.sqrt(s)
  }
  return { meanStep: sum / n, meanSquaredStep: sumSq / n }
}

function plainSeparability(x: Float32Array, n: number, d: number, labels: Int32Array, classes: number): number {
  const sums = Array.from({ length: classes }, () => new Array<number>(d).fill(0))
  const counts = new Array<number>(classes).fill(0)
  for (let i = 0; i < n; i++) {
    counts[labels[i]] += 1
    for (let j = 0; j < d; j++) sums[labels[i]][j] += x[i * d + j]
  }
  const mean = new Array<number>(d).fill(0)
  for (let c = 0; c < classes; c++) for (let j = 0; j < d; j++) mean[j] += sums[c][j]
  for (let j = 0; j < d; j++) mean[j] /= n
  let between = 0
  for (let c = 0; c < classes; c++)
    for (let j = 0; j < d; j++) {
      sums[c][j] /= counts[c]
      between += counts[c] * ((sums[c][j] - mean[j]) * (sums[c][j] - mean[j]))
    }
  let within = 0
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) within += (x[i * d + j] - sums[labels[i]][j]) * (x[i * d + j] - sums[labels[i]][j])
  return between / within
}

describe('the unrolled 2-D and 3-D loops', () => {
  it.each([1, 2, 3, 4])('give the plain loops bit for bit in %i-D', (d) => {
    const n = 5_003
    const x = cloud(n, d, d)
    const y = cloud(n, d, d + 10)
    const labels = Int32Array.from({ length: n }, (_, i) => (i * 7 + (i >> 3)) % 3)
    const mean = cloudMean(x, n, d)
    expect(mean).toEqual(plainMean(x, n, d))
    expect(cloudCovariance(x, n, d, mean)).toEqual(plainCovariance(x, n, d, mean))
    expect(stepStatistics(x, y, n, d)).toEqual(plainStep(x, y, n, d))
    expect(separability(x, n, d, labels, 3)).toBe(plainSeparability(x, n, d, labels, 3))
  })
})
