// Seeded minibatching over a row-major dataset held in Float32Arrays: a Fisher-Yates shuffle per epoch
// from a labelled Rng stream, then rows gathered in plain JS (no tensor ops).
import type { Rng } from '../sampling/random'

/** A permutation of 0..n-1 drawn from `rng`. */
export function shuffledIndices(n: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n)
  for (let i = 0; i < n; i++) idx[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const tmp = idx[i]
    idx[i] = idx[j]
    idx[j] = tmp
  }
  return idx
}

/** Rows `idx` of a row-major [*, dim] array, in that order. */
export function gatherRows(data: Float32Array, dim: number, idx: ArrayLike<number>): Float32Array {
  const out = new Float32Array(idx.length * dim)
  for (let r = 0; r < idx.length; r++) out.set(data.subarray(idx[r] * dim, idx[r] * dim + dim), r * dim)
  return out
}
