// Energy distance (Szekely-Rizzo) between two clouds, 2 E|X - Y| - E|X - X'| - E|Y - Y'|, as the unbiased
// U-statistic (within-cloud means over distinct pairs), so it is about 0 (possibly slightly negative)
// for samples of one distribution. Exact in O(n log n) for 1-D clouds (sorted prefix sums), O(n m) otherwise.
import type { Cloud } from './types'
import { message, MessageError } from '../../../shared/messages'

export interface EnergyResult {
  value: number
  /** mean |x - y| over all cross pairs */
  cross: number
  /** mean |x - x'| over distinct pairs of the first cloud */
  withinA: number
  withinB: number
}

/** sum over i < j of |s_i - s_j| for a sorted sample */
function sortedPairSum(s: Float64Array): number {
  const n = s.length
  let acc = 0
  for (let k = 0; k < n; k++) acc += s[k] * (2 * k - (n - 1))
  return acc
}

/** sum over i, j of |a_i - b_j| for two sorted samples, by a merge with running sums of a */
function sortedCrossSum(a: Float64Array, b: Float64Array): number {
  let total = 0
  for (let i = 0; i < a.length; i++) total += a[i]
  let below = 0
  let belowSum = 0
  let acc = 0
  for (let j = 0; j < b.length; j++) {
    const v = b[j]
    while (below < a.length && a[below] <= v) belowSum += a[below++]
    acc += below * v - belowSum + (total - belowSum) - (a.length - below) * v
  }
  return acc
}

function euclid(x: Cloud, i: number, y: Cloud, j: number, d: number): number {
  let s = 0
  for (let k = 0; k < d; k++) {
    const t = x[i * d + k] - y[j * d + k]
    s += t * t
  }
  return Math.sqrt(s)
}

function pairSum(x: Cloud, n: number, d: number): number {
  let acc = 0
  for (let i = 0; i < n; i++) {
    let row = 0
    for (let j = i + 1; j < n; j++) row += euclid(x, i, x, j, d)
    acc += row
  }
  return acc
}

function crossSum(x: Cloud, n: number, y: Cloud, m: number, d: number): number {
  let acc = 0
  for (let i = 0; i < n; i++) {
    let row = 0
    for (let j = 0; j < m; j++) row += euclid(x, i, y, j, d)
    acc += row
  }
  return acc
}

/** Energy distance between x [n, d] and y [m, d], n, m >= 2 (subsample large clouds first when d > 1). */
export function energyDistance(x: Cloud, n: number, y: Cloud, m: number, d: number): EnergyResult {
  if (n < 2 || m < 2) throw new MessageError(message('engine.energyTooFew'))
  let cross: number
  let sxx: number
  let syy: number
  if (d === 1) {
    const a = Float64Array.from(x.subarray(0, n)).sort()
    const b = Float64Array.from(y.subarray(0, m)).sort()
    cross = sortedCrossSum(a, b)
    sxx = sortedPairSum(a)
    syy = sortedPairSum(b)
  } else {
    cross = crossSum(x, n, y, m, d)
    sxx = pairSum(x, n, d)
    syy = pairSum(y, m, d)
  }
  const meanCross = cross / (n * m)
  const withinA = (2 * sxx) / (n * (n - 1))
  const withinB = (2 * syy) / (m * (m - 1))
  return { value: 2 * meanCross - withinA - withinB, cross: meanCross, withinA, withinB }
}
