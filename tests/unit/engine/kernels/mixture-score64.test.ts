// The kernel's score loops against central differences of log p for mixtures with diagonal covariances
// (log N written out by hand), for every unrolled path (D = 1, 2, 3; K = 1, 2, 3) and the general
// fallback (D = 4), with the stage input x + a * dir formed inside the loop.
import { describe, expect, it } from 'vitest'
import { scoreRows, scratchSize } from '../../../../electron/engine/kernels/mixture-score64'
import { componentStride } from '../../../../electron/engine/kernels/mixture-table'
import { createRng } from '../../../../electron/engine/sampling/random'

interface DiagMixture {
  weights: number[]
  means: number[][]
  variances: number[][]
}

function logDensity(m: DiagMixture, x: number[]): number {
  let p = 0
  m.weights.forEach((w, k) => {
    let q = 0
    x.forEach((xi, j) => (q += (xi - m.means[k][j]) ** 2 / m.variances[k][j] + Math.log(2 * Math.PI * m.variances[k][j])))
    p += w * Math.exp(-0.5 * q)
  })
  return Math.log(p)
}

/** the slot layout of mixture-table.ts: -P, m, log w - 0.5 log det per component */
function slotOf(m: DiagMixture): Float64Array {
  const dim = m.means[0].length
  const stride = componentStride(dim)
  const slot = new Float64Array(m.weights.length * stride)
  m.weights.forEach((w, k) => {
    const o = k * stride
    let logDet = 0
    for (let j = 0; j < dim; j++) {
      slot[o + j * dim + j] = -1 / m.variances[k][j]
      slot[o + dim * dim + j] = m.means[k][j]
      logDet += Math.log(m.variances[k][j])
    }
    slot[o + dim * dim + dim] = Math.log(w) - 0.5 * logDet
  })
  return slot
}

describe('mixture score loops', () => {
  for (const dim of [1, 2, 3, 4])
    for (const k of [1, 2, 3])
      it(`D = ${dim}, K = ${k}: the gradient of log p at x + a * dir`, () => {
        const rng = createRng(10 * dim + k)
        const raw = Array.from({ length: k }, () => 0.2 + rng.uniform())
        const mix: DiagMixture = {
          weights: raw.map((w) => w / raw.reduce((a, b) => a + b, 0)),
          means: Array.from({ length: k }, () => Array.from({ length: dim }, () => rng.normal())),
          variances: Array.from({ length: k }, () => Array.from({ length: dim }, () => 0.5 + rng.uniform()))
        }
        const rows = 9
        const x = Float64Array.from({ length: rows * dim + 3 }, () => 2 * rng.normal())
        const dir = Float64Array.from({ length: rows * dim + 5 }, () => rng.normal())
        const v = new Float64Array(rows * dim + 2)
        const a = 0.3
        // offsets into all three arrays, as the kernel uses them on a block inside the chunk
        scoreRows(slotOf(mix), k, dim, x, 3, dir, 5, a, v, 2, rows, new Float64Array(scratchSize(k, dim)))
        for (let i = 0; i < rows; i++) {
          const p = Array.from({ length: dim }, (_, j) => x[3 + i * dim + j] + a * dir[5 + i * dim + j])
          for (let j = 0; j < dim; j++) {
            const e = 1e-5
            const up = p.map((q, l) => (l === j ? q + e : q))
            const down = p.map((q, l) => (l === j ? q - e : q))
            const fd = (logDensity(mix, up) - logDensity(mix, down)) / (2 * e)
            expect(Math.abs(v[2 + i * dim + j] - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)))
          }
        }
      })
})
