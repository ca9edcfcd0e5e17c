// Nice-number ticks: the step is a 1/2/5 × 10^k value within Heckbert's bound of range / (target - 1), the
// ticks are exactly the step's multiples in the range (brute force), box-corner ranges give round values;
// labels against hand-written strings: one decimal count per axis, grouped thousands, no float noise.
import { describe, expect, it } from 'vitest'
import { formatTicks, niceStep, niceTicks, stepDecimals } from '@/charts/ticks'

/** Every 1, 2, 5 × 10^k step with k in [-8, 8], ascending. */
const CANDIDATES = Array.from({ length: 17 }, (_, i) => i - 8).flatMap((k) => [1, 2, 5].map((m) => m * 10 ** k))

describe('nice ticks', () => {
  it('picks a 1/2/5 step near range / (target - 1) and lists all its multiples in the range', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 500; i++) {
      const lo = (rand() - 0.5) * 10 ** Math.floor(rand() * 8 - 3)
      const range = 10 ** (rand() * 10 - 5)
      const target = 3 + Math.floor(rand() * 6)
      const raw = range / (target - 1)
      const got = niceStep(range, target)
      expect(CANDIDATES.some((c) => Math.abs(got / c - 1) < 1e-9)).toBe(true)
      // Heckbert's thresholds (1.5, 3, 7) keep the step within these factors of the raw step
      expect(got / raw).toBeGreaterThanOrEqual(2 / 3 - 1e-9)
      expect(got / raw).toBeLessThanOrEqual(5 / 3 + 1e-9)
      const { ticks, step } = niceTicks(lo, lo + range, target)
      // every multiple of the step inside the range, and no other value
      const brute: number[] = []
      for (let k = Math.ceil(lo / step - 1e-9); k * step <= lo + range + step * 1e-9; k++) brute.push(k * step)
      expect(ticks.length).toBe(brute.length)
      ticks.forEach((t, j) => expect(t).toBeCloseTo(brute[j], 9))
      expect(ticks.length).toBeLessThanOrEqual(Math.floor((target - 1) * 1.5) + 1)
      expect(ticks.length).toBeGreaterThanOrEqual(Math.floor((target - 1) * 0.6))
    }
  })

  it('gives round values for box-corner ranges instead of the corners', () => {
    expect(niceTicks(-3.99, 5.84).ticks).toEqual([-2, 0, 2, 4])
    expect(niceTicks(-3.99, 5.84, 3).ticks).toEqual([0, 5])
    expect(niceTicks(0, 0.3, 7).ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3])
    expect(niceTicks(0.1, 0.7, 4).ticks).toEqual([0.2, 0.4, 0.6])
    expect(niceTicks(2, 2).ticks).toEqual([2])
    expect(niceTicks(5, -5, 3).ticks).toEqual([-5, 0, 5])
  })

  it('labels ticks with the decimals of the step', () => {
    expect(stepDecimals(0.05)).toBe(2)
    expect(stepDecimals(2.5)).toBe(1)
    expect(stepDecimals(1000)).toBe(0)
    expect(formatTicks([0, 0.1, 0.2, 0.30000000000000004], 0.1, 'en')).toEqual(['0.0', '0.1', '0.2', '0.3'])
    expect(formatTicks([0, 0.05, 0.1], 0.05, 'ja')).toEqual(['0.00', '0.05', '0.10'])
    expect(formatTicks([0, 500_000, 1_000_000], 500_000, 'en')).toEqual(['0', '500,000', '1,000,000'])
    expect(formatTicks([-2, -0, 2], 2, 'en')).toEqual(['-2', '0', '2'])
    expect(formatTicks([0, 0.00002, 0.00004], 0.00002, 'en')).toEqual(['0', '2E-5', '4E-5'])
  })
})
