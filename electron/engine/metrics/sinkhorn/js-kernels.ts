// The Sinkhorn row kernels in plain JavaScript over the shared buffer, for where WebAssembly SIMD is
// unavailable: the same signatures as the wasm ones in wasm.ts (byte addresses into one memory).
import { KERNEL_FLOOR, type WasmKernels } from './ops'

export function makeJsKernels(buffer: ArrayBufferLike, float32: boolean): WasmKernels {
  const K = float32 ? new Float32Array(buffer) : new Float64Array(buffer)
  const F = new Float64Array(buffer)
  const kb = float32 ? 4 : 8
  function dots(k: number, rows: number, m: number, v: number, out: number): void {
    let o = k / kb
    const vi = v / 8,
      oi = out / 8
    for (let r = 0; r < rows; r++, o += m) {
      let s = 0
      for (let j = 0; j < m; j++) s += K[o + j] * F[vi + j]
      F[oi + r] = s
    }
  }
  function axpy(k: number, rows: number, m: number, c: number, w: number): void {
    let o = k / kb
    const ci = c / 8,
      wi = w / 8
    for (let r = 0; r < rows; r++, o += m) {
      const cr = F[ci + r]
      for (let j = 0; j < m; j++) F[wi + j] += cr * K[o + j]
    }
  }
  // Math.exp, the floor as in the wasm expRow (which may differ from it by an ulp or so)
  const F32 = new Float32Array(buffer)
  function expRow(c: number, mx: number, k64: number, k32: number, sum: number, m: number, fi: number, inv: number): void {
    const ci = c / 8,
      mi = mx / 8,
      ki = k64 / 8,
      si = sum / 8,
      k4 = k32 / 4
    for (let j = 0; j < m; j++) {
      let e = Math.exp((fi - F[ci + j]) * inv - F[mi + j])
      if (e < KERNEL_FLOOR) e = 0
      F[ki + j] = e
      if (k32 >= 0) F32[k4 + j] = e
      F[si + j] += e
    }
  }
  function costRow(xi: number, yt: number, d: number, m: number, out: number): void {
    const xo = xi / 8,
      yo = yt / 8,
      oo = out / 8
    const a0 = F[xo]
    for (let j = 0; j < m; j++) {
      const t = a0 - F[yo + j]
      F[oo + j] = t * t
    }
    for (let k = 1; k < d; k++) {
      const a = F[xo + k],
        off = yo + k * m
      for (let j = 0; j < m; j++) {
        const t = a - F[off + j]
        F[oo + j] += t * t
      }
    }
  }
  function planRow(c: number, k: number, v: number, col: number, m: number, out: number, ui: number, b: number): void {
    const ci = c / 8,
      ki = k / 8,
      vi = v / 8,
      coli = col / 8
    let row = 0,
      cost = 0
    for (let j = 0; j < m; j++) {
      const q = ui * F[ki + j] * (b * F[vi + j])
      F[coli + j] += q
      row += q
      cost += q * F[ci + j]
    }
    F[out / 8] = row
    F[out / 8 + 1] = cost
  }
  function maxRow(c: number, mx: number, m: number, fi: number, inv: number): void {
    const ci = c / 8,
      mi = mx / 8
    for (let j = 0; j < m; j++) {
      const z = (fi - F[ci + j]) * inv
      if (z > F[mi + j]) F[mi + j] = z
    }
  }
  return { dots, axpy, expRow, costRow, planRow, maxRow }
}
