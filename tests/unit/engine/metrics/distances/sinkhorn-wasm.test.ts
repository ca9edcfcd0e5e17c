// The SIMD kernel-vector products of Sinkhorn (sinkhorn/wasm.ts) against plain float64 loops, including
// ragged row lengths and row blocks, and the float32 kernel option of the solver against float64.
import { describe, expect, it } from 'vitest'
import { entropicOt, sinkhornDivergence } from '../../../../../electron/engine/metrics/sinkhorn'
import { KernelArena, simdAvailable } from '../../../../../electron/engine/metrics/sinkhorn/wasm'
import { gaussianCloud } from '../test-rng'

/** a deterministic pseudo-random fill in (0, 1] */
function fill(x: Float64Array, seed: number): void {
  let s = seed
  for (let i = 0; i < x.length; i++) {
    s = (s * 16807) % 2147483647
    x[i] = s / 2147483647
  }
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let e = 0
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / Math.abs(b[i]))
  return e
}

describe('SIMD kernel products', () => {
  it('compiles here (Node and Electron both support WebAssembly SIMD)', () => {
    expect(simdAvailable()).toBe(true)
  })

  for (const float32 of [false, true]) {
    it(`row products and accumulations equal plain float64 loops (${float32 ? 'float32' : 'float64'} kernel)`, () => {
      // row lengths around the unrolling (8 for products, 4 for accumulations) and odd row counts
      for (const [n, m] of [
        [1, 1],
        [3, 5],
        [7, 9],
        [5, 17],
        [13, 31],
        [9, 8],
        [2, 4]
      ]) {
        const arena = new KernelArena(n, m, 2 * n + 2 * m, float32)
        expect(arena.float32).toBe(float32)
        fill(arena.K, 7 + n * m)
        arena.sync()
        // what the products must see: K itself, or K rounded to float32
        const seen = float32 ? Float64Array.from(arena.K, Math.fround) : arena.K
        const v = arena.vector(m)
        const c = arena.vector(n)
        const out = arena.vector(n)
        const w = arena.vector(m)
        fill(v, 3)
        fill(c, 5)
        const wantOut = Array.from({ length: n }, (_, i) => v.reduce((s, vj, j) => s + seen[i * m + j] * vj, 0))
        const wantW = Array.from({ length: m }, (_, j) => c.reduce((s, ci, i) => s + ci * seen[i * m + j], 0))
        arena.dots(0, n, v, out)
        arena.axpy(0, n, c, w)
        expect(relErr(out, wantOut)).toBeLessThan(1e-14)
        expect(relErr(w, wantW)).toBeLessThan(1e-14)
        // the same in blocks of 3 rows, as the solver calls them
        w.fill(0)
        for (let i0 = 0; i0 < n; i0 += 3) {
          const rows = Math.min(3, n - i0)
          arena.dots(i0, rows, v, out.subarray(i0))
          arena.axpy(i0, rows, c.subarray(i0), w)
        }
        expect(relErr(out, wantOut)).toBeLessThan(1e-14)
        expect(relErr(w, wantW)).toBeLessThan(1e-14)
      }
    })
  }

  it('refuses vectors beyond the space it was given', () => {
    const arena = new KernelArena(2, 2, 4)
    arena.vector(4)
    expect(() => arena.vector(1)).toThrow(/vector space/)
  })
})

describe('float32 kernel storage', () => {
  const n = 300
  const x = gaussianCloud(n, [0, 0], [1, 1], 21)
  const y = gaussianCloud(n, [0.5, 0], [1.44, 1.44], 22)

  it('moves entropic OT and the divergence by about float32 rounding only', () => {
    const opts = { eps: 0.1, iterations: 60, tolerance: 0 }
    const f64 = entropicOt(x, n, y, n, 2, { ...opts, kernelPrecision: 'float64' })
    const f32 = entropicOt(x, n, y, n, 2, { ...opts, kernelPrecision: 'float32' })
    expect(f32.transportCost).not.toBe(f64.transportCost)
    expect(Math.abs(f32.transportCost / f64.transportCost - 1)).toBeLessThan(1e-6)
    expect(Math.abs(f32.value / f64.value - 1)).toBeLessThan(1e-6)
    // with the registry's acceleration, 300 iterations (marginal error ~3e-6 here)
    const div = { eps: 0.1, iterations: 300, tolerance: 0, annealing: 0.5, overRelaxation: 1.8 }
    const d64 = sinkhornDivergence(x, n, y, n, 2, { ...div, kernelPrecision: 'float64' })
    const d32 = sinkhornDivergence(x, n, y, n, 2, { ...div, kernelPrecision: 'float32' })
    expect(d64.ab.marginalError).toBeLessThan(1e-4)
    expect(Math.abs(d32.value / d64.value - 1)).toBeLessThan(1e-6)
  })

  it("'auto' keeps float64 below 2^18 kernel entries and switches to float32 from there", () => {
    const opts = { eps: 0.1, iterations: 5, tolerance: 0 }
    const small = (p: 'auto' | 'float64') => entropicOt(x, n, y, n, 2, { ...opts, kernelPrecision: p }).transportCost
    expect(small('auto')).toBe(small('float64'))
    const big = 512
    const a = gaussianCloud(big, [0], [1], 23)
    const b = gaussianCloud(big, [0.3], [2], 24)
    const run = (p: 'auto' | 'float32' | 'float64') => entropicOt(a, big, b, big, 1, { ...opts, kernelPrecision: p }).transportCost
    const auto = run('auto')
    expect(auto).toBe(run('float32'))
    expect(auto).not.toBe(run('float64'))
  })
})
