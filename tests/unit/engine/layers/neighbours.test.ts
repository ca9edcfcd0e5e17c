// The one-matrix kNN structure and the four-partner pair matrices against the pair-by-pair computations
// they replace: bitwise equal matrices, the same neighbour lists (ties by index) and the same kept shares,
// on data with exact ties (an integer grid, duplicated points) and on odd sizes that leave a remainder.
import { describe, expect, it } from 'vitest'
import { createRng } from '../../../../electron/engine/sampling/random'
import { knnIndices, knnPreservation } from '../../../../electron/engine/layers/metrics'
import { knnFromDistances, layerNeighbours } from '../../../../electron/engine/layers/neighbours'
import { gramMatrix, squaredDistanceMatrix } from '../../../../electron/engine/layers/pair-matrix'

function pairByPair(x: Float64Array, n: number, w: number, f: (a: number, b: number) => number, start: number): Float64Array {
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (j < i + start) continue
      let s = 0
      for (let c = 0; c < w; c++) s += f(x[i * w + c], x[j * w + c])
      out[i * n + j] = s
      out[j * n + i] = s
    }
  return out
}

const cases = (): { name: string; x: Float64Array; n: number; w: number }[] => {
  const rng = createRng(4)
  const grid = Float64Array.from({ length: 61 * 5 }, () => rng.int(3))
  const dup = Float64Array.from({ length: 43 * 7 }, () => rng.normal())
  dup.copyWithin(7 * 10, 0, 7 * 10)
  return [
    { name: 'integer grid, many exact ties', x: grid, n: 61, w: 5 },
    { name: 'duplicated points', x: dup, n: 43, w: 7 },
    { name: 'wide Gaussian', x: Float64Array.from({ length: 38 * 300 }, () => rng.normal()), n: 38, w: 300 }
  ]
}

describe('pair matrices', () => {
  for (const { name, x, n, w } of cases())
    it(`equal the pair-by-pair sums bitwise (${name})`, () => {
      expect(squaredDistanceMatrix(x, n, w)).toEqual(pairByPair(x, n, w, (a, b) => (a - b) * (a - b), 1))
      expect(gramMatrix(x, n, w)).toEqual(pairByPair(x, n, w, (a, b) => a * b, 0))
    })
})

describe('layerNeighbours', () => {
  for (const { name, x, n, w } of cases())
    it(`gives knnIndices' neighbours and knnPreservation's shares (${name})`, () => {
      const k = 6
      const near = layerNeighbours(x, n, w, k)
      expect(near.knn()).toEqual(knnIndices(x, n, w, k))
      expect(knnFromDistances(squaredDistanceMatrix(x, n, w), n, k)).toEqual(knnIndices(x, n, w, k))
      // against another layer's neighbours: a shifted copy of the points
      const rng = createRng(9)
      const other = Float64Array.from(x, (v) => v + 0.7 * rng.normal())
      const theirs = knnIndices(other, n, w, k)
      expect(near.kept(theirs)).toBe(knnPreservation(theirs, k, x, n, w))
      expect(near.kept(theirs)).toBeLessThan(1)
      expect(near.kept(near.knn())).toBe(1)
    })
})
