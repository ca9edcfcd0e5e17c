// The two dense kernel loops of Sinkhorn in WebAssembly SIMD: row products out_i = K_i . v and row
// accumulations w += sum_i c_i K_i, over a kernel (float64, or a float32 copy) held in the module's memory,
// with float64 arithmetic throughout (f64x2). V8 does not vectorise plain JS loops: at n = m = 2,000 one
// pass of each took about 6 ms in TypeScript, 2.7 ms here in float64 and 1.5 ms from float32 (2 cores,
// loaded). Hand-assembled, so no toolchain; a plain TypeScript fallback runs where WebAssembly is missing.
// The module also holds the row kernels of the kernel build and the plan (wasm-rows.ts).
import {
  BLOCK,
  BR,
  BR_IF,
  END,
  F64,
  F64X2_ADD,
  F64X2_MUL,
  F64X2_SPLAT,
  F64_ADD,
  F64_LOAD,
  F64_MUL,
  F64_STORE,
  I32,
  I32_ADD,
  I32_CONST,
  I32_SHL,
  I32_SUB,
  LOOP,
  V128_ZERO,
  addConst,
  eachRow,
  extractLane,
  fnBody,
  get,
  kernelOne,
  kernelPair,
  leb,
  name,
  prologue,
  section,
  set,
  v128Load,
  v128Store,
  vec,
  whileBelow
} from './wasm-asm'
import { COST_LOCALS, EXP_LOCALS, MAX_LOCALS, PLAN_LOCALS, costRow, expRow, maxRow, planRow } from './wasm-rows'

const dots = (f32: boolean): number[] => [
  ...prologue(8),
  ...eachRow([
    ...get(0),
    ...set(5),
    ...get(3),
    ...set(6),
    ...get(3),
    ...get(10),
    I32_ADD,
    ...set(7),
    ...get(3),
    ...get(9),
    I32_ADD,
    ...set(8),
    ...V128_ZERO,
    ...set(11),
    ...V128_ZERO,
    ...set(12),
    ...V128_ZERO,
    ...set(14),
    ...V128_ZERO,
    ...set(15),
    ...whileBelow(7, [
      ...get(11),
      ...kernelPair(f32, 0),
      ...get(6),
      ...v128Load(0),
      ...F64X2_MUL,
      ...F64X2_ADD,
      ...set(11),
      ...get(12),
      ...kernelPair(f32, 1),
      ...get(6),
      ...v128Load(16),
      ...F64X2_MUL,
      ...F64X2_ADD,
      ...set(12),
      ...get(14),
      ...kernelPair(f32, 2),
      ...get(6),
      ...v128Load(32),
      ...F64X2_MUL,
      ...F64X2_ADD,
      ...set(14),
      ...get(15),
      ...kernelPair(f32, 3),
      ...get(6),
      ...v128Load(48),
      ...F64X2_MUL,
      ...F64X2_ADD,
      ...set(15),
      ...addConst(5, f32 ? 32 : 64),
      ...addConst(6, 64)
    ]),
    ...get(11),
    ...get(12),
    ...F64X2_ADD,
    ...get(14),
    ...get(15),
    ...F64X2_ADD,
    ...F64X2_ADD,
    ...set(11),
    ...get(11),
    ...extractLane(0),
    ...get(11),
    ...extractLane(1),
    F64_ADD,
    ...set(13),
    ...whileBelow(8, [...get(13), ...kernelOne(f32), ...get(6), ...F64_LOAD, F64_MUL, F64_ADD, ...set(13), ...addConst(5, f32 ? 4 : 8), ...addConst(6, 8)]),
    ...get(4),
    ...get(13),
    ...F64_STORE,
    ...addConst(4, 8),
    ...get(5),
    ...set(0)
  ]),
  END
]

const I32_LT_U = 0x49
/** two rows per pass over w (one load and store of w per two rows), then a last odd row */
const axpy = (f32: boolean): number[] => [
  ...prologue(4),
  ...get(2),
  I32_CONST,
  f32 ? 2 : 3,
  I32_SHL,
  ...set(17),
  ...BLOCK,
  ...LOOP,
  ...get(1),
  I32_CONST,
  2,
  I32_LT_U,
  BR_IF,
  1,
  ...get(0),
  ...set(5),
  ...get(0),
  ...get(17),
  I32_ADD,
  ...set(16),
  ...get(4),
  ...set(6),
  ...get(4),
  ...get(10),
  I32_ADD,
  ...set(7),
  ...get(4),
  ...get(9),
  I32_ADD,
  ...set(8),
  ...get(3),
  ...F64_LOAD,
  ...set(13),
  ...get(13),
  ...F64X2_SPLAT,
  ...set(11),
  ...get(3),
  0x2b,
  3,
  8,
  ...set(18),
  ...get(18),
  ...F64X2_SPLAT,
  ...set(14),
  ...whileBelow(7, [
    ...get(6),
    ...get(6),
    ...v128Load(0),
    ...get(11),
    ...kernelPair(f32, 0),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...get(14),
    ...kernelPair(f32, 0, 16),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...v128Store(0),
    ...get(6),
    ...get(6),
    ...v128Load(16),
    ...get(11),
    ...kernelPair(f32, 1),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...get(14),
    ...kernelPair(f32, 1, 16),
    ...F64X2_MUL,
    ...F64X2_ADD,
    ...v128Store(16),
    ...addConst(5, f32 ? 16 : 32),
    ...addConst(16, f32 ? 16 : 32),
    ...addConst(6, 32)
  ]),
  ...whileBelow(8, [
    ...get(6),
    ...get(6),
    ...F64_LOAD,
    ...get(13),
    ...kernelOne(f32),
    F64_MUL,
    F64_ADD,
    ...get(18),
    ...kernelOne(f32, 16),
    F64_MUL,
    F64_ADD,
    ...F64_STORE,
    ...addConst(5, f32 ? 4 : 8),
    ...addConst(16, f32 ? 4 : 8),
    ...addConst(6, 8)
  ]),
  ...addConst(3, 16),
  ...get(16),
  ...set(0),
  ...get(1),
  I32_CONST,
  2,
  I32_SUB,
  ...set(1),
  BR,
  0,
  END,
  END,
  ...eachRow([
    ...get(0),
    ...set(5),
    ...get(4),
    ...set(6),
    ...get(4),
    ...get(10),
    I32_ADD,
    ...set(7),
    ...get(4),
    ...get(9),
    I32_ADD,
    ...set(8),
    ...get(3),
    ...F64_LOAD,
    ...set(13),
    ...get(13),
    ...F64X2_SPLAT,
    ...set(11),
    ...whileBelow(7, [
      ...get(6),
      ...get(6),
      ...v128Load(0),
      ...get(11),
      ...kernelPair(f32, 0),
      ...F64X2_MUL,
      ...F64X2_ADD,
      ...v128Store(0),
      ...get(6),
      ...get(6),
      ...v128Load(16),
      ...get(11),
      ...kernelPair(f32, 1),
      ...F64X2_MUL,
      ...F64X2_ADD,
      ...v128Store(16),
      ...addConst(5, f32 ? 16 : 32),
      ...addConst(6, 32)
    ]),
    ...whileBelow(8, [
      ...get(6),
      ...get(6),
      ...F64_LOAD,
      ...get(13),
      ...kernelOne(f32),
      F64_MUL,
      F64_ADD,
      ...F64_STORE,
      ...addConst(5, f32 ? 4 : 8),
      ...addConst(6, 8)
    ]),
    ...addConst(3, 8),
    ...get(5),
    ...set(0)
  ]),
  END
]

/** max pages of the shared variant's memory: 65,536 pages = 4 GiB, the wasm32 limit */
export const MAX_SHARED_PAGES = 65536
/** memory import: unshared with no maximum, or shared (limits flag 3) with a maximum, as threads need */
const memoryLimits = (shared: boolean): number[] => (shared ? [0x03, 0x01, ...leb(MAX_SHARED_PAGES)] : [0x00, 0x00])
const moduleBytes = (shared: boolean): Uint8Array =>
  new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    // type 0: (i32 x 5) -> () for the products and costRow; type 1: (i32 x 6, f64 x 2) -> () for expRow and planRow;
    // type 2: (i32 x 3, f64 x 2) -> () for maxRow
    ...section(
      1,
      vec([
        [0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0],
        [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [F64], [F64]]), 0],
        [0x60, ...vec([[I32], [I32], [I32], [F64], [F64]]), 0]
      ])
    ),
    ...section(2, vec([[...name('env'), ...name('mem'), 0x02, ...memoryLimits(shared)]])),
    ...section(3, vec([[0], [0], [0], [0], [1], [1], [0], [1], [2]])),
    ...section(
      7,
      vec([
        [...name('dots'), 0x00, 0],
        [...name('axpy'), 0x00, 1],
        [...name('dots32'), 0x00, 2],
        [...name('axpy32'), 0x00, 3],
        [...name('expRow'), 0x00, 4],
        [...name('expRow32'), 0x00, 5],
        [...name('costRow'), 0x00, 6],
        [...name('planRow'), 0x00, 7],
        [...name('maxRow'), 0x00, 8]
      ])
    ),
    ...section(
      10,
      vec([
        fnBody(dots(false)),
        fnBody(axpy(false)),
        fnBody(dots(true)),
        fnBody(axpy(true)),
        fnBody(expRow(false), EXP_LOCALS),
        fnBody(expRow(true), EXP_LOCALS),
        fnBody(costRow(), COST_LOCALS),
        fnBody(planRow(), PLAN_LOCALS),
        fnBody(maxRow(), MAX_LOCALS)
      ])
    )
  ])
const MODULE = moduleBytes(false)

type Kernel5 = (k: number, rows: number, m: number, v: number, out: number) => void
type Exports = Record<'dots' | 'axpy' | 'dots32' | 'axpy32', Kernel5>

/** The part of the WebAssembly API used here (the Node typings of this project do not declare its values). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: unknown }
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer }
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly
let compiled: object | null | undefined

function module(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasm && wasm.validate(MODULE) ? new wasm.Module(MODULE) : null
    } catch {
      compiled = null
    }
  }
  return compiled
}

let compiledShared: object | null | undefined

/** The variant that imports a shared memory (for kernels read by several threads); null without SIMD/threads. */
export function sharedKernelModule(): object | null {
  if (compiledShared === undefined) {
    try {
      const bytes = moduleBytes(true)
      compiledShared = wasm && wasm.validate(bytes) ? new wasm.Module(bytes) : null
    } catch {
      compiledShared = null
    }
  }
  return compiledShared
}

/** Whether the SIMD kernels run here (false: the TypeScript fallback). */
export function simdAvailable(): boolean {
  return module() !== null
}

/**
 * A dense n x m float64 kernel K (built and read by the TypeScript code) and a few float64 vectors, with the
 * two products the Sinkhorn iterations spend their time in. With `float32`, the products read a float32
 * copy of K made by sync() after each (re)build: the iterations then see K rounded to 6e-8 relative,
 * which moves the plan and the potentials by about as much. Vectors passed to the products must come
 * from vector().
 */
export class KernelArena {
  readonly K: Float64Array
  private readonly K32: Float32Array | null
  private readonly buffer: ArrayBuffer
  private next: number
  private readonly limit: number
  private readonly dotsFn: Kernel5 | null
  private readonly axpyFn: Kernel5 | null

  constructor(
    readonly n: number,
    readonly m: number,
    vectorDoubles: number,
    float32 = false
  ) {
    const mod = module()
    const single = float32 && mod !== null
    const kernelBytes = single ? 8 * Math.ceil((n * m) / 2) : 8 * n * m
    const bytes = kernelBytes + 8 * vectorDoubles
    if (mod && wasm) {
      const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) })
      const exports = new wasm.Instance(mod, { env: { mem: memory } }).exports as Exports
      this.buffer = memory.buffer
      this.dotsFn = single ? exports.dots32 : exports.dots
      this.axpyFn = single ? exports.axpy32 : exports.axpy
    } else {
      this.buffer = new ArrayBuffer(bytes)
      this.dotsFn = null
      this.axpyFn = null
    }
    this.K32 = single ? new Float32Array(this.buffer, 0, n * m) : null
    this.K = single ? new Float64Array(n * m) : new Float64Array(this.buffer, 0, n * m)
    this.next = kernelBytes
    this.limit = bytes
  }

  /** Whether the products read a float32 copy of K. */
  get float32(): boolean {
    return this.K32 !== null
  }

  /** Make the products see the current K (a no-op unless float32). */
  sync(): void {
    this.K32?.set(this.K)
  }

  /** A zeroed float64 vector in the arena. */
  vector(length: number): Float64Array {
    if (this.next + 8 * length > this.limit) throw new Error('KernelArena: out of vector space')
    const v = new Float64Array(this.buffer, this.next, length)
    this.next += 8 * length
    return v
  }

  /** out[i - row0] = sum_j K_ij v_j for rows row0 .. row0 + rows - 1 */
  dots(row0: number, rows: number, v: Float64Array, out: Float64Array): void {
    const { K, m } = this
    if (this.dotsFn) return this.dotsFn((this.K32 ? 4 : 8) * row0 * m, rows, m, v.byteOffset, out.byteOffset)
    for (let r = 0; r < rows; r++) {
      const o = (row0 + r) * m
      let s = 0
      for (let j = 0; j < m; j++) s += K[o + j] * v[j]
      out[r] = s
    }
  }

  /** w_j += sum_r c[r] K_(row0 + r) j */
  axpy(row0: number, rows: number, c: Float64Array, w: Float64Array): void {
    const { K, m } = this
    if (this.axpyFn) return this.axpyFn((this.K32 ? 4 : 8) * row0 * m, rows, m, c.byteOffset, w.byteOffset)
    for (let r = 0; r < rows; r++) {
      const o = (row0 + r) * m
      const cr = c[r]
      for (let j = 0; j < m; j++) w[j] += cr * K[o + j]
    }
  }
}
