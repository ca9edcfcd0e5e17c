// A tiny WebAssembly assembler for the Sinkhorn kernels (wasm.ts, wasm-rows.ts): the
// opcodes used (WebAssembly 2.0 core + fixed-width SIMD), local/loop helpers shared by the kernels, and
// the binary encoding (LEB128, sections, function bodies). No toolchain: the module is built from these.

// opcodes (WebAssembly 2.0 core + fixed-width SIMD)
export const BLOCK = [0x02, 0x40]
export const LOOP = [0x03, 0x40]
export const END = 0x0b
export const BR = 0x0c
export const BR_IF = 0x0d
export const GET = 0x20
export const SET = 0x21
export const I32_CONST = 0x41
export const I32_EQZ = 0x45
export const I32_GE_U = 0x4f
export const I32_ADD = 0x6a
export const I32_SUB = 0x6b
export const I32_SHL = 0x74
export const I32_AND = 0x71
export const F64_LOAD = [0x2b, 3, 0]
export const F64_STORE = [0x39, 3, 0]
export const F64_ADD = 0xa0
export const F64_MUL = 0xa2
export const SIMD = 0xfd
export const v128Load = (offset: number): number[] => [SIMD, 0x00, 3, offset]
export const v128Store = (offset: number): number[] => [SIMD, 0x0b, 3, offset]
export const V128_ZERO = [SIMD, 0x0c, ...new Array<number>(16).fill(0)]
export const F64X2_SPLAT = [SIMD, 0x14]
export const extractLane = (lane: number): number[] => [SIMD, 0x21, lane]
export const F64X2_ADD = [SIMD, 0xf0, 0x01]
export const F64X2_MUL = [SIMD, 0xf2, 0x01]
export const I32 = 0x7f
export const F64 = 0x7c
export const V128 = 0x7b

export const get = (i: number): number[] => [GET, i]
export const set = (i: number): number[] => [SET, i]
/** local i += c, for 0 <= c < 8192 (i32.const takes a signed LEB128: bit 6 of the last byte is the sign) */
export const addConst = (i: number, c: number): number[] => [GET, i, I32_CONST, ...(c < 64 ? [c] : [0x80 | (c & 0x7f), c >> 7]), I32_ADD, SET, i]

// parameters of both functions: 0 k (byte address of the first row), 1 rows, 2 m, 3 v or c, 4 out or w
// locals: 5 p (into K), 6 q (into v / w), 7 vector end, 8 row end, 9 m*8, 10 (m & ~3)*8, 11 acc0, 12 acc1, 13 s
// locals 14, 15: two more accumulators of dots (four independent sums hide the latency of the adds)
// axpy also: 16 pointer into the second row of a pair, 17 bytes per kernel row, 18 its coefficient
export const LOCALS = [6, I32, 2, V128, 1, F64, 2, V128, 2, I32, 1, F64]
/** local 9 = m * 8, local 10 = (m rounded down to a multiple of `step`) * 8; step 4 or 8 */
export const prologue = (step: number): number[] => [
  ...get(2),
  I32_CONST,
  3,
  I32_SHL,
  ...set(9),
  ...get(2),
  I32_CONST,
  step === 8 ? 0x78 : 0x7c,
  I32_AND,
  I32_CONST,
  3,
  I32_SHL,
  ...set(10)
]
/** while q < end: body; the caller's body advances p and q */
export const whileBelow = (end: number, body: number[]): number[] => [...BLOCK, ...LOOP, ...get(6), ...get(end), I32_GE_U, BR_IF, 1, ...body, BR, 0, END, END]
/** for each row: body; then next row */
export const eachRow = (body: number[]): number[] => [
  ...BLOCK,
  ...LOOP,
  ...get(1),
  I32_EQZ,
  BR_IF,
  1,
  ...body,
  ...get(1),
  I32_CONST,
  1,
  I32_SUB,
  ...set(1),
  BR,
  0,
  END,
  END
]

// Kernel entries are float64, or float32 (f32) widened to float64 as loaded: half the bytes to move and
// no loss in the sums, whose every product and addition is float64 either way.
export const F32_LOAD = [0x2a, 2, 0]
export const F64_PROMOTE_F32 = 0xbb
export const load64Zero = (offset: number): number[] => [SIMD, 0x5d, 3, offset]
export const F64X2_PROMOTE_LOW = [SIMD, 0x5f]
/** two kernel entries at p + offset entries, as f64x2 */
export const kernelPair = (f32: boolean, pair: number, at = 5): number[] =>
  f32 ? [...get(at), ...load64Zero(8 * pair), ...F64X2_PROMOTE_LOW] : [...get(at), ...v128Load(16 * pair)]
export const kernelOne = (f32: boolean, at = 5): number[] => (f32 ? [...get(at), ...F32_LOAD, F64_PROMOTE_F32] : [...get(at), ...F64_LOAD])

export function leb(n: number): number[] {
  const out: number[] = []
  do {
    let byte = n & 0x7f
    n >>>= 7
    if (n) byte |= 0x80
    out.push(byte)
  } while (n)
  return out
}
export const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()]
export const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body]
export const name = (s: string): number[] => [...leb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))]
export const fnBody = (code: number[], locals = LOCALS): number[] => {
  const body = [...leb(locals.length / 2), ...locals, ...code]
  return [...leb(body.length), ...body]
}
