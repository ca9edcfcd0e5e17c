// Seeded subsets of particle indices, so the metrics of large clouds stay fast and reproducible.
import type { Cloud, RandomSource } from './types'

/** `m` distinct indices of 0..n-1 drawn uniformly (partial Fisher-Yates), returned ascending. */
export function sampleIndices(n: number, m: number, rng: RandomSource): Int32Array {
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i)
  const pool = new Int32Array(n)
  for (let i = 0; i < n; i++) pool[i] = i
  for (let i = 0; i < m; i++) {
    const j = i + Math.min(n - i - 1, Math.floor(rng.uniform() * (n - i)))
    const t = pool[i]
    pool[i] = pool[j]
    pool[j] = t
  }
  return pool.slice(0, m).sort()
}

/** Rows `idx` of a flat [*, d] cloud, as a new flat array of the same type. */
export function gatherRows(x: Cloud, d: number, idx: Int32Array): Float32Array {
  const out = new Float32Array(idx.length * d)
  for (let i = 0; i < idx.length; i++) for (let j = 0; j < d; j++) out[i * d + j] = x[idx[i] * d + j]
  return out
}
