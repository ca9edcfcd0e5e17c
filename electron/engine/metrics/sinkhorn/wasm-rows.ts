// The row kernels of the Sinkhorn kernel build and plan in WebAssembly SIMD (used by ops.ts):
// costRow (squared distances), maxRow (column maxima), expRow / expRow32 (the vectorised exp of one
// kernel row, float64 and its float32 copy, with the column sums) and planRow (one row of <P, C>). In plain
// JS these took ~300 ms of one thread at n = m = 2,000 (Math.exp alone ~23 ns a call); ~45 ms here.
import { KERNEL_FLOOR } from './ops'
import { BLOCK, BR, BR_IF, END, F64, F64X2_ADD, F64X2_MUL, F64X2_SPLAT, F64_ADD, F64_LOAD, F64_MUL, F64_STORE, I32, I32_ADD, I32_AND, I32_CONST, I32_GE_U, I32_SHL, I32_SUB, LOOP, SIMD, V128, addConst, extractLane, get, load64Zero, set, v128Load, v128Store } from './wasm-asm'

// expRow(c, mx, k64, k32, sum, m, fi, inv): for j < m, e = exp((fi - c_j) inv - mx_j), 0 where below
// KERNEL_FLOOR (ops.ts) or z < -708; k64_j = e, k32_j = f32(e) (expRow32 only), sum_j += e.
// A vectorised exp on f64x2 (V8's Math.exp costs ~23 ns a call, this ~5 per entry, loaded): z = k ln2 + r with
// k = nearest(z log2e) and |r| <= ln2/2 (Cody-Waite: k ln2_hi is exact), e^r = 1 + (r + r^2 q(r)) with q
// the Taylor series to r^11/13! (truncation < 5e-18), the large terms added last: measured within 0.92 ulp
// of a 120-bit exp (Math.exp: 0.79), 1 ulp from Math.exp on ~5% of entries; 2^k built in the exponent bits.
// Valid for z <= 709 (the kernel has z <= 0).
export const IF = [0x04, 0x40]
export const f64Bytes = (x: number): number[] => Array.from(new Uint8Array(new Float64Array([x]).buffer))
export const constF64x2 = (x: number): number[] => [SIMD, 0x0c, ...f64Bytes(x), ...f64Bytes(x)]
export const constI64x2 = (x: number): number[] => {
  const half = Array.from(new Uint8Array(new BigInt64Array([BigInt(x)]).buffer))
  return [SIMD, 0x0c, ...half, ...half]
}
export const F64X2_SUB = [SIMD, 0xf1, 0x01]
export const F64X2_NEAREST = [SIMD, 0x94, 0x01]
export const F64X2_LT = [SIMD, 0x49]
export const V128_OR = [SIMD, 0x50]
export const V128_ANDNOT = [SIMD, 0x4f]
export const I32X4_TRUNC_SAT_F64X2_S_ZERO = [SIMD, 0xfc, 0x01]
export const I64X2_EXTEND_LOW_I32X4_S = [SIMD, 0xc7, 0x01]
export const I64X2_ADD = [SIMD, 0xce, 0x01]
export const I64X2_SHL = [SIMD, 0xcb, 0x01]
export const F32X4_DEMOTE_F64X2_ZERO = [SIMD, 0x5e]
export const store64Lane0 = [SIMD, 0x5b, 3, 0, 0]
export const store32Lane0 = [SIMD, 0x5a, 2, 0, 0]
export const LN2_HI = 6.93147180369123816490e-1
export const LN2_LO = 1.90821492927058770002e-10
/** 1/2!, 1/3!, ..., 1/13! (each factorial exact in float64, so each coefficient correctly rounded) */
export const INV_FACT = Array.from({ length: 12 }, (_, i) => {
  let f = 1
  for (let k = 2; k <= i + 2; k++) f *= k
  return 1 / f
})
// params: 0 c, 1 mx, 2 k64, 3 k32, 4 sum, 5 m (byte addresses, count), 6 fi, 7 inv (f64)
// locals: 8 q (byte offset into the float64 rows), 9 its end for pairs, 10 q32 (into k32); 11 z, 12 k, 13 r, 14 e, 15 fi, 16 inv,
// 17 r^2, 18 r^4, 19 r^8 (f64x2)
export const EXP_LOCALS = [3, I32, 9, V128]
export const addr = (base: number, at = 8): number[] => [...get(base), ...get(at), I32_ADD]
/** INV_FACT[i] + INV_FACT[i + 1] r */
export const pair = (i: number): number[] => [...get(13), ...constF64x2(INV_FACT[i + 1]), ...F64X2_MUL, ...constF64x2(INV_FACT[i]), ...F64X2_ADD]
/** e (local 14) = exp(z (local 11)) lane-wise, 0 below the floor */
export const expCore = (): number[] => [
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
export const zOf = (load: number[]): number[] => [...get(15), ...addr(0), ...load, ...F64X2_SUB, ...get(16), ...F64X2_MUL, ...addr(1), ...load, ...F64X2_SUB, ...set(11)]
export const expRow = (f32: boolean): number[] => [
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
export const F64_SUB = 0xa1
export const TEE = 0x22
// params: 0 xi, 1 yt, 2 d, 3 m, 4 out; locals: 5 q, 6 its end for pairs; 7 x_ik, 8 t (f64x2); 9 x_ik, 10 t (f64)
export const COST_LOCALS = [2, I32, 2, V128, 2, F64]
/** one coordinate k's term into out (first: stored, else added), then xi, yt to coordinate k + 1 */
export const costPass = (first: boolean): number[] => [
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
export const costRow = (): number[] => [
  ...get(3), I32_CONST, 0x7e, I32_AND, I32_CONST, 3, I32_SHL, ...set(6),
  ...costPass(true),
  ...BLOCK, ...LOOP, ...get(2), I32_CONST, 0, 0x4c, BR_IF, 1, ...costPass(false), BR, 0, END, END,
  END
]

// planRow(c, k, v, col, m, out, ui, b): q_j = (ui k_j)(b v_j), col_j += q_j; out = [sum_j q_j, sum_j q_j c_j]
// (the plan's row of the <P, C> pass; the sums in two lanes, so rounded apart from a serial loop)
// params: 0 c, 1 k, 2 v, 3 col, 4 m, 5 out, 6 ui, 7 b; locals: 8 q, 9 its end; 10 ui, 11 b, 12 q_j, 13 row sums, 14 cost sums
// (f64x2); 15 q_j, 16 row sum, 17 cost sum (f64)
export const PLAN_LOCALS = [2, I32, 5, V128, 3, F64]
export const planRow = (): number[] => [
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
export const MAX_LOCALS = [2, I32, 2, V128, 1, F64]
export const F64X2_PMAX = [SIMD, 0xf7, 0x01]
export const F64_GT = 0x64
export const maxRow = (): number[] => [
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
