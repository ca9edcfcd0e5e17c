// Hutchinson probes drawn ahead for a whole batch, so a batch split into shards across the worker pool
// sees exactly the signs one thread would have drawn. One thread reads the epoch's stream chunk by chunk
// (rows of DEFAULT_CHUNK_ROWS), and within a chunk step after step, m x D signs a step; the table keeps
// those same values laid out [step][row][dim] over the batch, so any run of rows can be cut out of it.
import * as tf from '@tensorflow/tfjs-core'
import type { Rng } from '../sampling/random'
import type { JacobianProbe } from './solve'

/** one Rademacher sign (+-1) per read, as the in-thread probes draw them */
export function rademacherSigns(rng: Rng, count: number): Float32Array {
  return Float32Array.from({ length: count }, () => (rng.uniform() < 0.5 ? -1 : 1))
}

/** The signs one thread draws for `n` rows in chunks of `chunkRows`, as a [steps][n][dim] table. */
export function drawProbeTable(rng: Rng, n: number, steps: number, dim: number, chunkRows: number): Float32Array {
  const table = new Float32Array(steps * n * dim)
  for (let start = 0; start < n; start += chunkRows) {
    const m = Math.min(chunkRows, n - start)
    const drawn = rademacherSigns(rng, steps * m * dim)
    for (let i = 0; i < steps; i++) table.set(drawn.subarray(i * m * dim, (i + 1) * m * dim), (i * n + start) * dim)
  }
  return table
}

/** rows [from, from + m) of every step of a [steps][n][dim] table, as a [steps][m][dim] table */
export function tableRows(table: Float32Array, n: number, dim: number, from: number, m: number): Float32Array {
  const steps = table.length / (n * dim)
  const out = new Float32Array(steps * m * dim)
  for (let i = 0; i < steps; i++) out.set(table.subarray((i * n + from) * dim, (i * n + from + m) * dim), i * m * dim)
  return out
}

/** Probes read from a [steps][m][dim] table of one chunk's signs (step i: its rows of the table). */
export function drawnProbe(signs: Float32Array): JacobianProbe {
  return { directions: (step, m, dim) => tf.tensor2d(signs.subarray(step * m * dim, (step + 1) * m * dim), [m, dim]) }
}
