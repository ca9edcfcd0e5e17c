// The two dense kernel loops of Sinkhorn in WebAssembly SIMD: row products out_i = K_i . v and row
// accumulations w += sum_i c_i K_i, over a kernel (float64, or a float32 copy) held in the module's memory,
// with float64 arithmetic throughout (f64x2). V8 does not vectorise plain JS loops: at n = m = 2,000 one
// pass of each took about 6 ms in TypeScript, 2.7 ms here in float64 and 1.5 ms from float32 (2 cores,
// loaded). Hand-assembled, so no toolchain; a plain TypeScript fallback runs where WebAssembly is missing.
// Also the row kernels of the kernel build and the plan (costRow, maxRow, expRow, planRow: sinkhorn-ops.ts),
// which took ~300 ms of one thread at n = m = 2,000 in plain JS (Math.exp alone ~23 ns a call), ~45 ms here.

import { KERNEL_FLOOR } from './sinkhorn-ops'

// opcodes (WebAssembly 2.0 core + fixed-width SIMD)
const BLOCK = [0x02, 0x40]
const LOOP = [0x03, 0x40]
const END = 0x0b
const BR = 0x0c
const BR_IF = 0x0d
const GET = 0x20
const SET = 0x21
const I32_CONST = 0x41
const I32_EQZ = 0x45
const I32_GE_U = 0x4f
const I32_ADD = 0x6a
const I32_SUB = 0x6b
const I32_SHL = 0x74
const I32_AND = 0x71
const F64_LOAD = [0x2b, 3, 0]
const F64_STORE = [0x39, 3, 0]
const F64_ADD = 0xa0
const F64_MUL = 0xa2
const SIMD = 0xfd
const v128Load = (offset: number): number[] => [SIMD, 0x00, 3, offset]
const v128Store = (offset: number): number[] => [SIMD, 0x0b, 3, offset]
const V128_ZERO = [SIMD, 0x0c, ...new Array<number>(16).fill(0)]
const F64X2_SPLAT = [SIMD, 0x14]
const extractLane = (lane: number): number[] => [SIMD, 0x21, lane]
const F64X2_ADD = [SIMD, 0xf0, 0x01]
const F64X2_MUL = [SIMD, 0xf2, 0x01]
const I32 = 0x7f
const F64 = 0x7c
const V128 = 0x7b

const get = (i: number): number[] => [GET, i]
const set = (i: number): number[] => [SET, i]
/** local i += c, for 0 <= c < 8192 (i32.const takes a signed LEB128: bit 6 of the last byte is the sign) */
const addConst = (i: number, c: number): number[] => [GET, i, I32_CONST, ...(c < 64 ? [c] : [0x80 | (c & 0x7f), c >> 7]), I32_ADD, SET, i]

// parameters of both functions: 0 k (byte address of the first row), 1 rows, 2 m, 3 v or c, 4 out or w
// locals: 5 p (into K), 6 q (into v / w), 7 vector end, 8 row end, 9 m*8, 10 (m & ~3)*8, 11 acc0, 12 acc1, 13 s
// locals 14, 15: two more accumulators of dots (four independent sums hide the latency of the adds)
// axpy also: 16 pointer into the second row of a pair, 17 bytes per kernel row, 18 its coefficient
const LOCALS = [6, I32, 2, V128, 1, F64, 2, V128, 2, I32, 1, F64]
/** local 9 = m * 8, local 10 = (m rounded down to a multiple of `step`) * 8; step 4 or 8 */
const prologue = (step: number): number[] => [...get(2), I32_CONST, 3, I32_SHL, ...set(9), ...get(2), I32_CONST, step === 8 ? 0x78 : 0x7c, I32_AND, I32_CONST, 3, I32_SHL, ...set(10)]
/** while q < end: body; the caller's body advances p and q */
const whileBelow = (end: number, body: number[]): number[] => [...BLOCK, ...LOOP, ...get(6), ...get(end), I32_GE_U, BR_IF, 1, ...body, BR, 0, END, END]
/** for each row: body; then next row */
const eachRow = (body: number[]): number[] => [...BLOCK, ...LOOP, ...get(1), I32_EQZ, BR_IF, 1, ...body, ...get(1), I32_CONST, 1, I32_SUB, ...set(1), BR, 0, END, END]

// Kernel entries are float64, or float32 (f32) widened to float64 as loaded: half the bytes to move and
// no loss in the sums, whose every product and addition is float64 either way.
const F32_LOAD = [0x2a, 2, 0]
const F64_PROMOTE_F32 = 0xbb
const load64Zero = (offset: number): number[] => [SIMD, 0x5d, 3, offset]
const F64X2_PROMOTE_LOW = [SIMD, 0x5f]
/** two kernel entries at p + offset entries, as f64x2 */
const kernelPair = (f32: boolean, pair: number, at = 5): number[] => (f32 ? [...get(at), ...load64Zero(8 * pair), ...F64X2_PROMOTE_LOW] : [...get(at), ...v128Load(16 * pair)])
const kernelOne = (f32: boolean, at = 5): number[] => (f32 ? [...get(at), ...F32_LOAD, F64_PROMOTE_F32] : [...get(at), ...F64_LOAD])

const dots = (f32: boolean): number[] => [
  ...prologue(8),
  ...eachRow([
    ...get(0), ...set(5), ...get(3), ...set(6),
    ...get(3), ...get(10), I32_ADD, ...set(7), ...get(3), ...get(9), I32_ADD, ...set(8),
    ...V128_ZERO, ...set(11), ...V128_ZERO, ...set(12), ...V128_ZERO, ...set(14), ...V128_ZERO, ...set(15),
    ...whileBelow(7, [
      ...get(11), ...kernelPair(f32, 0), ...get(6), ...v128Load(0), ...F64X2_MUL, ...F64X2_ADD, ...set(11),
      ...get(12), ...kernelPair(f32, 1), ...get(6), ...v128Load(16), ...F64X2_MUL, ...F64X2_ADD, ...set(12),
      ...get(14), ...kernelPair(f32, 2), ...get(6), ...v128Load(32), ...F64X2_MUL, ...F64X2_ADD, ...set(14),
      ...get(15), ...kernelPair(f32, 3), ...get(6), ...v128Load(48), ...F64X2_MUL, ...F64X2_ADD, ...set(15),
      ...addConst(5, f32 ? 32 : 64), ...addConst(6, 64)
    ]),
    ...get(11), ...get(12), ...F64X2_ADD, ...get(14), ...get(15), ...F64X2_ADD, ...F64X2_ADD, ...set(11),
    ...get(11), ...extractLane(0), ...get(11), ...extractLane(1), F64_ADD, ...set(13),
    ...whileBelow(8, [...get(13), ...kernelOne(f32), ...get(6), ...F64_LOAD, F64_MUL, F64_ADD, ...set(13), ...addConst(5, f32 ? 4 : 8), ...addConst(6, 8)]),
    ...get(4), ...get(13), ...F64_STORE, ...addConst(4, 8),
    ...get(5), ...set(0)
  ]),
  END
]

const I32_LT_U = 0x49
/** two rows per pass over w (one load and store of w per two rows), then a last odd row */
const axpy = (f32: boolean): number[] => [
  ...prologue(4),
  ...get(2), I32_CONST, f32 ? 2 : 3, I32_SHL, ...set(17),
  ...BLOCK, ...LOOP, ...get(1), I32_CONST, 2, I32_LT_U, BR_IF, 1,
  ...get(0), ...set(5), ...get(0), ...get(17), I32_ADD, ...set(16), ...get(4), ...set(6),
  ...get(4), ...get(10), I32_ADD, ...set(7), ...get(4), ...get(9), I32_ADD, ...set(8),
  ...get(3), ...F64_LOAD, ...set(13), ...get(13), ...F64X2_SPLAT, ...set(11),
  ...get(3), 0x2b, 3, 8, ...set(18), ...get(18), ...F64X2_SPLAT, ...set(14),
  ...whileBelow(7, [
    ...get(6), ...get(6), ...v128Load(0), ...get(11), ...kernelPair(f32, 0), ...F64X2_MUL, ...F64X2_ADD, ...get(14), ...kernelPair(f32, 0, 16), ...F64X2_MUL, ...F64X2_ADD, ...v128Store(0),
    ...get(6), ...get(6), ...v128Load(16), ...get(11), ...kernelPair(f32, 1), ...F64X2_MUL, ...F64X2_ADD, ...get(14), ...kernelPair(f32, 1, 16), ...F64X2_MUL, ...F64X2_ADD, ...v128Store(16),
    ...addConst(5, f32 ? 16 : 32), ...addConst(16, f32 ? 16 : 32), ...addConst(6, 32)
  ]),
  ...whileBelow(8, [
    ...get(6), ...get(6), ...F64_LOAD, ...get(13), ...kernelOne(f32), F64_MUL, F64_ADD, ...get(18), ...kernelOne(f32, 16), F64_MUL, F64_ADD, ...F64_STORE,
    ...addConst(5, f32 ? 4 : 8), ...addConst(16, f32 ? 4 : 8), ...addConst(6, 8)
  ]),
  ...addConst(3, 16), ...get(16), ...set(0),
  ...get(1), I32_CONST, 2, I32_SUB, ...set(1),
  BR, 0, END, END,
  ...eachRow([
    ...get(0), ...set(5), ...get(4), ...set(6),
    ...get(4), ...get(10), I32_ADD, ...set(7), ...get(4), ...get(9), I32_ADD, ...set(8),
    ...get(3), ...F64_LOAD, ...set(13), ...get(13), ...F64X2_SPLAT, ...set(11),
    ...whileBelow(7, [
      ...get(6), ...get(6), ...v128Load(0), ...get(11), ...kernelPair(f32, 0), ...F64X2_MUL, ...F64X2_ADD, ...v128Store(0),
      ...get(6), ...get(6), ...v128Load(16), ...get(11), ...kernelPair(f32, 1), ...F64X2_MUL, ...F64X2_ADD, ...v128Store(16),
      ...addConst(5, f32 ? 16 : 32), ...addConst(6, 32)
    ]),
    ...whileBelow(8, [...get(6), ...get(6), ...F64_LOAD, ...get(13), ...kernelOne(f32), F64_MUL, F64_ADD, ...F64_STORE, ...addConst(5, f32 ? 4 : 8), ...addConst(6, 8)]),
    ...addConst(3, 8), ...get(5), ...set(0)
  ]),
  END
]

// expRow(c, mx, k64, k32, sum, m, fi, inv): for j < m, e = exp((fi - c_j) inv - mx_j), 0 where below
// KERNEL_FLOOR (sinkhorn-ops.ts) or z < -708; k64_j = e, k32_j = f32(e) (expRow32 only), sum_j += e.
// A vectorised exp on f64x2 (V8's Math.exp costs ~23 ns a call, this ~5 per entry, loaded): z = k ln2 + r with
// k = nearest(z log2e) and |r| <= ln2/2 (Cody-Waite: k ln2_hi is exact), e^r = 1 + (r + r^2 q(r)) with q
// the Taylor series to r^11/13! (truncation < 5e-18), the large terms added last: measured within 0.92 ulp
// of a 120-bit exp (Math.exp: 0.79), 1 ulp from Math.exp on ~5% of entries; 2^k built in the exponent bits.
// Valid for z <= 709 (the kernel has z <= 0).
const IF = [0x04, 0x40]
const f64Bytes = (x: number): number[] => Array.from(new Uint8Array(new Float64Array([x]).buffer))
const constF64x2 = (x: number): number[] => [SIMD, 0x0c, ...f64Bytes(x), ...f64Bytes(x)]
const constI64x2 = (x: number): number[] => {
  const half = Array.from(new Uint8Array(new BigInt64Array([BigInt(x)]).buffer))
  return [SIMD, 0x0c, ...half, ...half]
}
const F64X2_SUB = [SIMD, 0xf1, 0x01]
const F64X2_NEAREST = [SIMD, 0x94, 0x01]
const F64X2_LT = [SIMD, 0x49]
const V128_OR = [SIMD, 0x50]
const V128_ANDNOT = [SIMD, 0x4f]
const I32X4_TRUNC_SAT_F64X2_S_ZERO = [SIMD, 0xfc, 0x01]
const I64X2_EXTEND_LOW_I32X4_S = [SIMD, 0xc7, 0x01]
const I64X2_ADD = [SIMD, 0xce, 0x01]
const I64X2_SHL = [SIMD, 0xcb, 0x01]
const F32X4_DEMOTE_F64X2_ZERO = [SIMD, 0x5e]
const store64Lane0 = [SIMD, 0x5b, 3, 0, 0]
const store32Lane0 = [SIMD, 0x5a, 2, 0, 0]
const LN2_HI = 6.93147180369123816490e-1
const LN2_LO = 1.90821492927058770002e-10
/** 1/2!, 1/3!, ..., 1/13! (each factorial exact in float64, so each coefficient correctly rounded) */
const INV_FACT = Array.from({ length: 12 }, (_, i) => {
  let f = 1
  for (let k = 2; k <= i + 2; k++) f *= k
  return 1 / f
})
// params: 0 c, 1 mx, 2 k64, 3 k32, 4 sum, 5 m (byte addresses, count), 6 fi, 7 inv (f64)
// locals: 8 q (byte offset into the float64 rows), 9 its end for pairs, 10 q32 (into k32); 11 z, 12 k, 13 r, 14 e, 15 fi, 16 inv,
// 17 r^2, 18 r^4, 19 r^8 (f64x2)
const EXP_LOCALS = [3, I32, 9, V128]
const addr = (base: number, at = 8): number[] => [...get(base), ...get(at), I32_ADD]
/** INV_FACT[i] + INV_FACT[i + 1] r */
const pair = (i: number): number[] => [...get(13), ...constF64x2(INV_FACT[i + 1]), ...F64X2_MUL, ...constF64x2(INV_FACT[i]), ...F64X2_ADD]
/** e (local 14) = exp(z (local 11)) lane-wise, 0 below the floor */
const expCore = (): number[] => [
  ...get(11), ...constF64x2(Math.LOG2E), ...F64X2_MUL, ...F64X2_NEAREST, ...set(12),
  ...get(11), ...get(12), ...constF64x2(LN2_HI), ...F64X2_MUL, ...F64X2_SUB, ...get(12), ...constF64x2(LN2_LO), ...F64X2_MUL, ...F64X2_SUB, ...set(13),
  ...get(13), ...get(13), ...F64X2_MUL, ...set(17), ...get(17), ...get(17), ...F64X2_MUL, ...set(18), ...get(18), ...get(18), ...F64X2_MUL, ...set(19),
  // q(r) by Estrin's scheme (pairs, then powers r^2, r^4, r^8): a quarter of Horner's dependency chain
  ...pair(0), ...pair(2), ...get(17), ...F64X2_MUL, ...F64X2_ADD,
  ...pair(4), ...pair(6), ...get(17), ...F64X2_MUL, ...F64X2_ADD, ...get(18), ...F64X2_MUL, ...F64X2_ADD,
  ...pair(8), ...pair(10), ...get(17), ...F64X2_MUL, ...F64X2_ADD, ...get(19), ...F64X2_MUL, ...F64X2_ADD,
  ...get(17), ...F64X2_MUL, ...get(13), ...F64X2_ADD, ...constF64x2(1), ...F64X2_ADD,
  ...get(12), ...I32X4_TRUNC_SAT_F64X2_S_ZERO, ...I64X2_EXTEND_LOW_I32X4_S, ...constI64x2(1023), ...I64X2_ADD, I32_CONST, 52, ...I64X2_SHL,
  ...F64X2_MUL, ...set(14),
  ...get(14), ...get(14), ...constF64x2(KERNEL_FLOOR), ...F64X2_LT, ...get(11), ...constF64x2(-708), ...F64X2_LT, ...V128_OR, ...V128_ANDNOT, ...set(14)
]
/** z (local 11) from c and mx at q: two entries, or one (`load` = load64_zero) */
const zOf = (load: number[]): number[] => [...get(15), ...addr(0), ...load, ...F64X2_SUB, ...get(16), ...F64X2_MUL, ...addr(1), ...load, ...F64X2_SUB, ...set(11)]
const expRow = (f32: boolean): number[] => [
  ...get(6), ...F64X2_SPLAT, ...set(15), ...get(7), ...F64X2_SPLAT, ...set(16),
  ...get(5), I32_CONST, 0x7e, I32_AND, I32_CONST, 3, I32_SHL, ...set(9),
  ...BLOCK, ...LOOP, ...get(8), ...get(9), I32_GE_U, BR_IF, 1,
  ...zOf(v128Load(0)), ...expCore(),
  ...addr(2), ...get(14), ...v128Store(0),
  ...(f32 ? [...addr(3, 10), ...get(14), ...F32X4_DEMOTE_F64X2_ZERO, ...store64Lane0] : []),
  ...addr(4), ...addr(4), ...v128Load(0), ...get(14), ...F64X2_ADD, ...v128Store(0),
  ...addConst(8, 16), ...addConst(10, 8),
  BR, 0, END, END,
  // the odd last entry: lane 0 of the same code (lane 1 is computed from zeros and dropped)
  ...get(5), I32_CONST, 1, I32_AND, ...IF,
  ...zOf(load64Zero(0)), ...expCore(),
  ...addr(2), ...get(14), ...store64Lane0,
  ...(f32 ? [...addr(3, 10), ...get(14), ...F32X4_DEMOTE_F64X2_ZERO, ...store32Lane0] : []),
  ...addr(4), ...addr(4), ...load64Zero(0), ...get(14), ...F64X2_ADD, ...store64Lane0,
  END,
  END
]

// costRow(xi, yt, d, m, out): out_j = sum_k (x_ik - yt_kj)^2 (yt is y transposed, [d, m]; d >= 1), the terms
// added in k order as the plain-JS cost row does, so the same bits.
const F64_SUB = 0xa1
const TEE = 0x22
// params: 0 xi, 1 yt, 2 d, 3 m, 4 out; locals: 5 q, 6 its end for pairs; 7 x_ik, 8 t (f64x2); 9 x_ik, 10 t (f64)
const COST_LOCALS = [2, I32, 2, V128, 2, F64]
/** one coordinate k's term into out (first: stored, else added), then xi, yt to coordinate k + 1 */
const costPass = (first: boolean): number[] => [
  ...get(0), ...F64_LOAD, ...set(9), ...get(9), ...F64X2_SPLAT, ...set(7), I32_CONST, 0, ...set(5),
  ...BLOCK, ...LOOP, ...get(5), ...get(6), I32_GE_U, BR_IF, 1,
  ...addr(4, 5), ...get(7), ...addr(1, 5), ...v128Load(0), ...F64X2_SUB, ...set(8), ...get(8), ...get(8), ...F64X2_MUL,
  ...(first ? [] : [...addr(4, 5), ...v128Load(0), ...F64X2_ADD]), ...v128Store(0),
  ...addConst(5, 16), BR, 0, END, END,
  ...get(3), I32_CONST, 1, I32_AND, ...IF,
  ...addr(4, 5), ...get(9), ...addr(1, 5), ...F64_LOAD, F64_SUB, TEE, 10, ...get(10), F64_MUL,
  ...(first ? [] : [...addr(4, 5), ...F64_LOAD, F64_ADD]), ...F64_STORE,
  END,
  ...addConst(0, 8), ...get(1), ...get(3), I32_CONST, 3, I32_SHL, I32_ADD, ...set(1), ...get(2), I32_CONST, 1, I32_SUB, ...set(2)
]
const costRow = (): number[] => [
  ...get(3), I32_CONST, 0x7e, I32_AND, I32_CONST, 3, I32_SHL, ...set(6),
  ...costPass(true),
  ...BLOCK, ...LOOP, ...get(2), I32_CONST, 0, 0x4c, BR_IF, 1, ...costPass(false), BR, 0, END, END,
  END
]

// planRow(c, k, v, col, m, out, ui, b): q_j = (ui k_j)(b v_j), col_j += q_j; out = [sum_j q_j, sum_j q_j c_j]
// (the plan's row of the <P, C> pass; the sums in two lanes, so rounded apart from a serial loop)
// params: 0 c, 1 k, 2 v, 3 col, 4 m, 5 out, 6 ui, 7 b; locals: 8 q, 9 its end; 10 ui, 11 b, 12 q_j, 13 row sums, 14 cost sums
// (f64x2); 15 q_j, 16 row sum, 17 cost sum (f64)
const PLAN_LOCALS = [2, I32, 5, V128, 3, F64]
const planRow = (): number[] => [
  ...get(6), ...F64X2_SPLAT, ...set(10), ...get(7), ...F64X2_SPLAT, ...set(11),
  ...get(4), I32_CONST, 0x7e, I32_AND, I32_CONST, 3, I32_SHL, ...set(9),
  ...BLOCK, ...LOOP, ...get(8), ...get(9), I32_GE_U, BR_IF, 1,
  ...get(10), ...addr(1), ...v128Load(0), ...F64X2_MUL, ...get(11), ...addr(2), ...v128Load(0), ...F64X2_MUL, ...F64X2_MUL, ...set(12),
  ...addr(3), ...addr(3), ...v128Load(0), ...get(12), ...F64X2_ADD, ...v128Store(0),
  ...get(13), ...get(12), ...F64X2_ADD, ...set(13),
  ...get(14), ...get(12), ...addr(0), ...v128Load(0), ...F64X2_MUL, ...F64X2_ADD, ...set(14),
  ...addConst(8, 16), BR, 0, END, END,
  ...get(13), ...extractLane(0), ...get(13), ...extractLane(1), F64_ADD, ...set(16),
  ...get(14), ...extractLane(0), ...get(14), ...extractLane(1), F64_ADD, ...set(17),
  ...get(4), I32_CONST, 1, I32_AND, ...IF,
  ...get(6), ...addr(1), ...F64_LOAD, F64_MUL, ...get(7), ...addr(2), ...F64_LOAD, F64_MUL, F64_MUL, ...set(15),
  ...addr(3), ...addr(3), ...F64_LOAD, ...get(15), F64_ADD, ...F64_STORE,
  ...get(16), ...get(15), F64_ADD, ...set(16),
  ...get(17), ...get(15), ...addr(0), ...F64_LOAD, F64_MUL, F64_ADD, ...set(17),
  END,
  ...get(5), ...get(16), ...F64_STORE, ...get(5), ...get(17), 0x39, 3, 8,
  END
]

// maxRow(c, mx, m, fi, inv): mx_j = max(mx_j, (fi - c_j) inv), as `if (z > mx_j) mx_j = z` (pmax: NaN z is skipped)
// params: 0 c, 1 mx, 2 m, 3 fi, 4 inv; locals: 5 q, 6 its end; 7 fi, 8 inv (f64x2); 9 z (f64)
const MAX_LOCALS = [2, I32, 2, V128, 1, F64]
const F64X2_PMAX = [SIMD, 0xf7, 0x01]
const F64_GT = 0x64
const maxRow = (): number[] => [
  ...get(3), ...F64X2_SPLAT, ...set(7), ...get(4), ...F64X2_SPLAT, ...set(8),
  ...get(2), I32_CONST, 0x7e, I32_AND, I32_CONST, 3, I32_SHL, ...set(6),
  ...BLOCK, ...LOOP, ...get(5), ...get(6), I32_GE_U, BR_IF, 1,
  ...addr(1, 5), ...addr(1, 5), ...v128Load(0), ...get(7), ...addr(0, 5), ...v128Load(0), ...F64X2_SUB, ...get(8), ...F64X2_MUL, ...F64X2_PMAX, ...v128Store(0),
  ...addConst(5, 16), BR, 0, END, END,
  ...get(2), I32_CONST, 1, I32_AND, ...IF,
  ...get(3), ...addr(0, 5), ...F64_LOAD, F64_SUB, ...get(4), F64_MUL, TEE, 9, ...addr(1, 5), ...F64_LOAD, F64_GT, ...IF, ...addr(1, 5), ...get(9), ...F64_STORE, END,
  END,
  END
]

function leb(n: number): number[] {
  const out: number[] = []
  do {
    let byte = n & 0x7f
    n >>>= 7
    if (n) byte |= 0x80
    out.push(byte)
  } while (n)
  return out
}
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()]
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body]
const name = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))]
const fnBody = (code: number[], locals = LOCALS): number[] => {
  const body = [...leb(locals.length / 2), ...locals, ...code]
  return [...leb(body.length), ...body]
}

/** max pages of the shared variant's memory: 65,536 pages = 4 GiB, the wasm32 limit */
export const MAX_SHARED_PAGES = 65536
/** memory import: unshared with no maximum, or shared (limits flag 3) with a maximum, as threads need */
const memoryLimits = (shared: boolean): number[] => (shared ? [0x03, 0x01, ...leb(MAX_SHARED_PAGES)] : [0x00, 0x00])
const moduleBytes = (shared: boolean): Uint8Array =>
  new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    // type 0: (i32 x 5) -> () for the products and costRow; type 1: (i32 x 6, f64 x 2) -> () for expRow and planRow;
    // type 2: (i32 x 3, f64 x 2) -> () for maxRow
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0], [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [F64], [F64]]), 0], [0x60, ...vec([[I32], [I32], [I32], [F64], [F64]]), 0]])),
    ...section(2, vec([[...name('env'), ...name('mem'), 0x02, ...memoryLimits(shared)]])),
    ...section(3, vec([[0], [0], [0], [0], [1], [1], [0], [1], [2]])),
    ...section(7, vec([[...name('dots'), 0x00, 0], [...name('axpy'), 0x00, 1], [...name('dots32'), 0x00, 2], [...name('axpy32'), 0x00, 3], [...name('expRow'), 0x00, 4], [...name('expRow32'), 0x00, 5], [...name('costRow'), 0x00, 6], [...name('planRow'), 0x00, 7], [...name('maxRow'), 0x00, 8]])),
    ...section(10, vec([fnBody(dots(false)), fnBody(axpy(false)), fnBody(dots(true)), fnBody(axpy(true)), fnBody(expRow(false), EXP_LOCALS), fnBody(expRow(true), EXP_LOCALS), fnBody(costRow(), COST_LOCALS), fnBody(planRow(), PLAN_LOCALS), fnBody(maxRow(), MAX_LOCALS)]))
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
