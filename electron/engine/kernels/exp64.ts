// exp(z) in float64 that the JIT inlines: Math.exp is a call into C that costs about a third of a whole
// mixture-score evaluation. Tang's table method: z = (64 e + j) ln2/64 + r with |r| <= ln2/128, so
// exp(z) = 2^e 2^(j/64) p(r), p the degree-5 Taylor polynomial (truncation r^6/720 < 4e-17); a few ulp
// from Math.exp (tests/unit/engine/kernels/exp64.test.ts). |z| >= 700 and NaN go to Math.exp.
const FRACTIONS = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64))
/** 2^(e - 1024) for e in [0, 2048) */
const POWERS = Float64Array.from({ length: 2048 }, (_, e) => 2 ** (e - 1024))
const INV_STEP = 64 / Math.LN2
/** ln2/64 split (fdlibm's ln2_hi, ln2_lo over 64) so that n * STEP_HI is exact for |n| < 2^17 */
const STEP_HI = 6.9314718036912382e-1 / 64
const STEP_LO = 1.9082149292705877e-10 / 64
/** 1.5 * 2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer */
const ROUND = 6755399441055744
/** 64 * 1024: makes the table index non-negative, so e = index >> 6 and j = index & 63 */
const OFFSET = 65536

export function exp64(z: number): number {
  if (!(z < 700 && z > -700)) return Math.exp(z)
  const n = z * INV_STEP + ROUND - ROUND
  const r = z - n * STEP_HI - n * STEP_LO
  const p = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))))
  const index = (n + OFFSET) | 0
  return POWERS[index >> 6] * (FRACTIONS[index & 63] * p)
}
