// Cross-layer metrics against hand-computed values and invariances that hold exactly.
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../../electron/engine/sampling/random'
import {
  knnIndices,
  knnPreservation,
  kthSquaredRadii,
  meanUpdate,
  median,
  mergingFraction,
  pairDistances,
  pearson,
  separability
} from '../../../../electron/engine/layers/metrics'
import { linearCka } from '../../../../electron/engine/layers/cka'

function randomCloud(n: number, w: number, seed: number): Float64Array {
  const rng = createRng(seed)
  return Float64Array.from({ length: n * w }, () => rng.normal())
}

/** x Q for a random orthogonal Q built from Givens rotations. */
function rotate(x: Float64Array, n: number, w: number, seed: number): Float64Array {
  const y = Float64Array.from(x)
  const rng = createRng(seed)
  for (let p = 0; p < w; p++)
    for (let q = p + 1; q < w; q++) {
      const t = 2 * Math.PI * rng.uniform()
      const c = Math.cos(t)
      const s = Math.sin(t)
      for (let i = 0; i < n; i++) {
        const a = y[i * w + p]
        const b = y[i * w + q]
        y[i * w + p] = c * a - s * b
        y[i * w + q] = s * a + c * b
      }
    }
  return y
}

describe('kNN', () => {
  it('knnIndices agrees with a full sort', () => {
    const n = 60
    const w = 4
    const x = randomCloud(n, w, 1)
    const k = 5
    const got = knnIndices(x, n, w, k)
    for (let i = 0; i < n; i++) {
      const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i)
      const d = (j: number): number => Array.from({ length: w }, (_, c) => (x[i * w + c] - x[j * w + c]) ** 2).reduce((a, b) => a + b)
      others.sort((a, b) => d(a) - d(b))
      expect(Array.from(got.subarray(i * k, i * k + k))).toEqual(others.slice(0, k))
    }
  })

  it('preservation by hand: positions 0,1,2,3 -> 0,1,3,2 keep 3 of 4 nearest neighbours (k = 1)', () => {
    const x = Float64Array.of(0, 1, 2, 3)
    const y = Float64Array.of(0, 1, 3, 2)
    expect(knnPreservation(knnIndices(x, 4, 1, 1), 1, y, 4, 1)).toBe(0.75)
  })

  it('the k-d tree (width <= 3) and the brute-force radii agree, duplicates included', () => {
    const n = 300
    const x = randomCloud(n, 3, 11)
    for (let i = 0; i < 60; i++) x.set([5, 5, 5], i * 3) // 60 points on one spot
    for (const k of [1, 10]) {
      const tree = kthSquaredRadii(x, n, 3, k, 'tree')
      const brute = kthSquaredRadii(x, n, 3, k, 'brute')
      for (let i = 0; i < n; i++) expect(tree[i]).toBeCloseTo(brute[i], 12)
      const knn = knnIndices(randomCloud(n, 2, 12), n, 2, k)
      expect(knnPreservation(knn, k, x, n, 3, 'tree')).toBe(knnPreservation(knn, k, x, n, 3, 'brute'))
    }
    expect(kthSquaredRadii(x, n, 3, 10, 'tree')[0]).toBe(0)
  })

  it('preservation is 1 under rotation and scaling, and about k/n after a random shuffle', () => {
    const n = 200
    const x = randomCloud(n, 5, 2)
    const knn = knnIndices(x, n, 5, 10)
    expect(
      knnPreservation(
        knn,
        10,
        rotate(x, n, 5, 3).map((v) => 7 * v),
        n,
        5
      )
    ).toBe(1)
    const perm = Array.from({ length: n }, (_, i) => i)
    const rng = createRng(4)
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1)
      ;[perm[i], perm[j]] = [perm[j], perm[i]]
    }
    const shuffled = new Float64Array(n * 5)
    for (let i = 0; i < n; i++) shuffled.set(x.subarray(perm[i] * 5, perm[i] * 5 + 5), i * 5)
    expect(knnPreservation(knn, 10, shuffled, n, 5)).toBeLessThan(0.15)
  })
})

describe('pair distances and their correlation', () => {
  it('pearson by hand', () => {
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 14)
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14)
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNaN()
  })

  it('pairDistances', () => {
    const x = Float64Array.of(0, 0, 3, 4, 6, 8)
    expect(Array.from(pairDistances(x, 2, Int32Array.of(0, 1, 0, 2, 2, 1)))).toEqual([5, 10, 5])
  })
})

describe('linear CKA', () => {
  const n = 200
  const x = randomCloud(n, 4, 5)
  it('CKA(X, XQ) = 1 for orthogonal Q, and CKA(X, aX + b) = 1', () => {
    expect(linearCka(x, 4, rotate(x, n, 4, 6), 4, n)).toBeCloseTo(1, 12)
    expect(
      linearCka(
        x,
        4,
        x.map((v, i) => -3 * v + (i % 4)),
        4,
        n
      )
    ).toBeCloseTo(1, 12)
  })

  it('independent random features give a small CKA (about w / n)', () => {
    const c = linearCka(x, 4, randomCloud(n, 6, 8), 6, n)
    expect(c).toBeGreaterThan(0)
    expect(c).toBeLessThan(0.08)
  })

  it('one feature each: CKA is the squared Pearson correlation (0.64 by hand)', () => {
    expect(linearCka(Float64Array.of(1, 2, 3, 4), 1, Float64Array.of(1, 3, 2, 4), 1, 4)).toBeCloseTo(0.64, 14)
  })

  it('feature-space and Gram forms agree; widths may differ', () => {
    const y = randomCloud(30, 50, 9)
    const z = randomCloud(30, 3, 10).map((v, i) => v + y[Math.floor(i / 3) * 50])
    const f = linearCka(y, 50, z, 3, 30, 'feature')
    expect(linearCka(y, 50, z, 3, 30, 'gram')).toBeCloseTo(f, 12)
    expect(f).toBeGreaterThan(0)
    expect(linearCka(y, 50, new Float64Array(30), 1, 30)).toBe(0)
  })
})

describe('separability, merging, motion', () => {
  it('separability by hand: classes at {0, 2} and {10, 12} give 100 / 4 = 25', () => {
    expect(separability(Float64Array.of(0, 2, 10, 12), 4, 1, Int32Array.of(0, 0, 1, 1))).toBe(25)
    expect(separability(Float64Array.of(0, 2), 2, 1, Int32Array.of(0, 0))).toBeNaN()
  })

  it('merging by hand: of 5 input pairs (one already merged at input), 2 of the 4 distinct end merged', () => {
    const input = Float64Array.of(1, 2, 3, 4, 5)
    const layer = Float64Array.of(0, 0, 4, 0, 6)
    // medians 3 and 0 with relative 0.5: input threshold 1.5 (pair 0 is not distinct), layer threshold 0
    expect(mergingFraction(input, layer, 0.5)).toEqual({ fraction: 0.5, distinct: 4, merged: 2 })
    expect(
      mergingFraction(
        input,
        input.map((v) => 100 * v),
        0.5
      ).merged
    ).toBe(0)
  })

  it('median and mean update', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    const a = Float64Array.of(0, 0, 1, 1)
    const b = Float64Array.of(3, 4, 1, 2)
    expect(meanUpdate(a, b, 2, 2)).toBe(3)
  })
})
