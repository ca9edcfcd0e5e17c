// Where each view of a shared Sinkhorn problem lives in its memory (byte offsets), and the views rebuilt
// from that layout: by the calling thread (shared.ts) and by every helper thread (worker.ts) alike.
import { type OpsViews } from './ops'

/** The part of WebAssembly's API the shared problems use (shared memories; the node typings lack it). */
interface SharedMemoryApi {
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => { buffer: SharedArrayBuffer }
  Instance: new (module: object, imports: object) => { exports: Record<string, (...a: number[]) => void> }
}
export const sharedWasm = (globalThis as unknown as { WebAssembly: SharedMemoryApi }).WebAssembly

export interface SharedLayout {
  n: number
  m: number
  d: number
  cols: number
  x: number
  yt: number
  K: number
  K32: number
  f: number
  g: number
  u: number
  v: number
  bv: number
  au: number
  r: number
  scratch: number[]
  colA: number[]
  colB: number[]
  out: number[]
}

/** The views over `buffer` that `layout` describes (K32 only when the layout has a float32 kernel). */
export function viewsOf(buffer: ArrayBufferLike, L: SharedLayout): OpsViews {
  const f64 = (o: number, len: number): Float64Array => new Float64Array(buffer, o, len)
  return {
    n: L.n,
    m: L.m,
    d: L.d,
    x: f64(L.x, L.n * L.d),
    yt: f64(L.yt, L.m * L.d),
    K: f64(L.K, L.n * L.m),
    K32: L.K32 >= 0 ? new Float32Array(buffer, L.K32, L.n * L.m) : null,
    f: f64(L.f, L.n),
    g: f64(L.g, L.m),
    u: f64(L.u, L.n),
    v: f64(L.v, L.m),
    bv: f64(L.bv, L.m),
    au: f64(L.au, L.n),
    r: f64(L.r, L.n),
    scratch: L.scratch.map((o) => f64(o, L.m)),
    colA: L.colA.map((o) => f64(o, L.cols)),
    colB: L.colB.map((o) => f64(o, L.cols)),
    out: L.out.map((o) => f64(o, 4))
  }
}
