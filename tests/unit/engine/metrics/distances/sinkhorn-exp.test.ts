// The row kernels of the Sinkhorn kernel build and plan (sinkhorn/wasm.ts, WebAssembly SIMD, and their
// plain-JS fallbacks in sinkhorn/js-kernels.ts): expRow against Math.exp (a few ulp above the kernel floor, exactly 0
// below it, the float32 copy and column sums consistent, nothing written outside the row); costRow, maxRow
// and planRow against the formulas written out here.
import { describe, expect, it } from 'vitest'
import { KERNEL_FLOOR } from '../../../../../electron/engine/metrics/sinkhorn/ops'
import { SharedProblem } from '../../../../../electron/engine/metrics/sinkhorn/shared'
import { testRng } from '../test-rng'

/** exponents over the kernel's whole range and its edges: reduction boundaries, the floor, underflow */
function exponents(count: number, seed: number): number[] {
  const rng = testRng(seed)
  const edges = [
    0,
    -0,
    -1e-300,
    -1e-17,
    -1e-8,
    -0.5 * Math.LN2,
    -1.5 * Math.LN2,
    -Math.LN2,
    -1,
    -2,
    -200,
    -200 + 1e-13,
    -200 - 1e-13,
    -199.99999999999997,
    -200.00000000000003,
    -700,
    -708,
    -708.0000000001,
    -708.4,
    -709,
    -745,
    -746,
    -750,
    -1e6,
    -1e300,
    -Infinity,
    1,
    88.7,
    700
  ]
  const z = [...edges]
  while (z.length < count) {
    const u = rng.uniform()
    // a third each: the whole range, near 0 (where the kernel's mass is), around the floor
    z.push(z.length % 3 === 0 ? -750 * u : z.length % 3 === 1 ? -3 * u : -200 + 2 * (u - 0.5))
  }
  return z
}

/** a 3-row problem; expRow writes row 1 only (so an odd m starts the float32 row at a 4-byte boundary) */
function runRow(m: number, float32: boolean, plainKernels: boolean, z: number[], fi: number, inv: number) {
  const n = 3
  const P = new SharedProblem(new Float64Array(3 * n), n, new Float64Array(3 * m), m, 3, { float32, threads: 1, plainKernels })
  try {
    const { K, K32, scratch, colA, colB } = P.V
    const c = scratch[0]
    const mx = colA[0]
    const sum = colB[0]
    // c and mx chosen so that (fi - c_j) inv - mx_j is z_j (mx_j absorbs the rounding)
    for (let j = 0; j < m; j++) {
      c[j] = fi - j / m
      mx[j] = (fi - c[j]) * inv - z[j]
    }
    const want = z.map((_, j) => Math.exp((fi - c[j]) * inv - mx[j]))
    K.fill(7)
    K32?.fill(7)
    sum.fill(0)
    for (let j = 0; j < m; j++) sum[j] = j / 3
    P.kernels.expRow(c.byteOffset, mx.byteOffset, K.byteOffset + 8 * m, K32 ? K32.byteOffset + 4 * m : -1, sum.byteOffset, m, fi, inv)
    return {
      want,
      row: Float64Array.from(K.subarray(m, 2 * m)),
      row32: K32 ? Float32Array.from(K32.subarray(m, 2 * m)) : null,
      sum: Float64Array.from(sum.subarray(0, m)),
      untouched:
        [...K.subarray(0, m), ...K.subarray(2 * m)].every((k) => k === 7) && (!K32 || [...K32.subarray(0, m), ...K32.subarray(2 * m)].every((k) => k === 7))
    }
  } finally {
    P.release()
  }
}

describe('kernel row exponential (expRow)', () => {
  for (const plainKernels of [false, true]) {
    for (const [m, float32] of [
      [1001, true],
      [1000, true],
      [999, false],
      [2, false],
      [1, true],
      [3, false]
    ] as const) {
      it(`equals Math.exp to a few ulp, 0 below the floor (${plainKernels ? 'plain JS' : 'wasm SIMD'}, m = ${m}, ${float32 ? 'float32 copy' : 'float64 only'})`, () => {
        for (const [seed, fi, inv] of [
          [1, 0, 1],
          [2, 0.37, 10],
          [3, -1.25, 3.5]
        ]) {
          const z = exponents(m, seed + m)
          const { want, row, row32, sum, untouched } = runRow(m, float32, plainKernels, z, fi, inv)
          let worst = 0
          for (let j = 0; j < m; j++) {
            const w = want[j]
            // within 4e-16 of the floor either side is allowed (the two exps may round it apart)
            if (w >= KERNEL_FLOOR * (1 + 4e-16)) worst = Math.max(worst, Math.abs(row[j] / w - 1))
            else if (w < KERNEL_FLOOR * (1 - 4e-16)) expect(row[j], `z = ${z[j]}`).toBe(0)
            else expect(row[j] === 0 || Math.abs(row[j] / w - 1) <= 4e-16).toBe(true)
            // the float32 copy is the float64 entry rounded, and the column sum gained exactly it
            if (row32) expect(row32[j]).toBe(Math.fround(row[j]))
            expect(sum[j]).toBe(j / 3 + row[j])
          }
          expect(worst).toBeLessThanOrEqual(plainKernels ? 0 : 4e-16)
          expect(untouched).toBe(true)
        }
      })
    }
  }
})

/** a problem with clouds x (n x d) and y (m x d) from a seed; fn gets it, then it is released */
function withProblem(n: number, m: number, d: number, plainKernels: boolean, fn: (P: SharedProblem, x: Float64Array, y: Float64Array) => void): void {
  const rng = testRng(100 * n + m + d)
  const x = Float64Array.from({ length: n * d }, () => rng.normal())
  const y = Float64Array.from({ length: m * d }, () => 1.5 * rng.normal())
  const P = new SharedProblem(x, n, y, m, d, { float32: true, threads: 1, plainKernels })
  try {
    fn(P, x, y)
  } finally {
    P.release()
  }
}

describe('cost, maximum and plan rows', () => {
  for (const plainKernels of [false, true]) {
    for (const [m, d] of [
      [1, 1],
      [4, 2],
      [7, 3],
      [1000, 3],
      [33, 5]
    ] as const) {
      it(`match the formulas (${plainKernels ? 'plain JS' : 'wasm SIMD'}, m = ${m}, d = ${d})`, () => {
        const n = 3
        withProblem(n, m, d, plainKernels, (P, x, y) => {
          const { V, kernels: W } = P
          const c = V.scratch[0]
          const mx = V.colA[0]
          const col = V.colB[0]
          const out = V.out[0]
          // squared distances, the coordinates added in order (so exactly, not just closely)
          for (let i = 0; i < n; i++) {
            W.costRow(V.x.byteOffset + 8 * i * d, V.yt.byteOffset, d, m, c.byteOffset)
            for (let j = 0; j < m; j++) {
              let s = 0
              for (let k = 0; k < d; k++) {
                const t = x[i * d + k] - y[j * d + k]
                s += t * t
              }
              expect(c[j]).toBe(s)
            }
          }
          // running column maxima of (fi - c_j) inv
          const fi = 0.75
          const inv = 3
          const start = Array.from({ length: m }, (_, j) => (j % 3 === 0 ? -Infinity : fi * inv - 2 * (j % 5)))
          mx.set(start)
          W.maxRow(c.byteOffset, mx.byteOffset, m, fi, inv)
          for (let j = 0; j < m; j++) expect(mx[j]).toBe(Math.max(start[j], (fi - c[j]) * inv))
          // one row of the plan: q_j = (ui k_j)(b v_j) into the column sums; its total and cost
          const k = Float64Array.from({ length: m }, (_, j) => Math.exp(-c[j]))
          V.K.set(k, m)
          for (let j = 0; j < m; j++) V.v[j] = 1 + j / m
          col.fill(0.25)
          const ui = 0.4
          const b = 1 / m
          W.planRow(c.byteOffset, V.K.byteOffset + 8 * m, V.v.byteOffset, col.byteOffset, m, out.byteOffset + 16, ui, b)
          let row = 0
          let cost = 0
          for (let j = 0; j < m; j++) {
            const q = ui * k[j] * (b * V.v[j])
            expect(col[j]).toBe(0.25 + q)
            row += q
            cost += q * c[j]
          }
          // the SIMD sums run in two lanes: equal to rounding, not bit for bit
          expect(Math.abs(out[2] / row - 1)).toBeLessThan(1e-14)
          expect(Math.abs(out[3] / cost - 1)).toBeLessThan(1e-14)
        })
      })
    }
  }
})
