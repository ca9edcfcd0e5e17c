// exp64 (the kernel's inlined exp) against Math.exp: a few ulp over the whole double range it handles
// itself, and Math.exp's own answers at the edges (overflow, underflow, NaN, infinities).
import { describe, expect, it } from 'vitest'
import { exp64 } from '../../../../electron/engine/kernels/exp64'

describe('exp64', () => {
  it('is within 1e-15 (relative) of Math.exp on a dense grid of (-700, 700) and at table boundaries', () => {
    let worst = 0
    const check = (z: number): void => {
      worst = Math.max(worst, Math.abs(exp64(z) / Math.exp(z) - 1))
    }
    for (let z = -699.999; z < 700; z += 0.000917) check(z)
    // the points where the rounding of z * 64 / ln2 switches table entry, and tiny arguments
    for (let n = -2000; n <= 2000; n++) for (const eps of [-1e-12, 0, 1e-12]) check(((n + 0.5) * Math.LN2) / 64 + eps)
    for (const z of [0, 1e-300, -1e-300, 1e-17, -1e-17, 1, -1, 699.9999, -699.9999]) check(z)
    expect(worst).toBeLessThan(1e-15)
    expect(exp64(0)).toBe(1)
  })

  it('hands the edges to Math.exp', () => {
    for (const z of [700, -700, 709.7, 710, -745, -746, Infinity, -Infinity]) expect(exp64(z)).toBe(Math.exp(z))
    expect(exp64(NaN)).toBeNaN()
  })
})
