// The readout of a chart at rest (no pointer over it): it shows the values at the x nearest the resting x
// (checked against a brute-force search), the last point without a resting x, and nothing is touched
// while the pointer is over the chart; the values read in the UI's locale, as the ticks do.
import { describe, expect, it, vi } from 'vitest'
import type uPlot from 'uplot'
import { readoutValue, restIndex, restingLegendHooks, showRest } from '@/charts/restingLegend'

/** brute force: the indexes sorted by distance to `at`, ties kept in order */
function brute(xs: number[], at: number): number {
  return xs.map((x, i) => [Math.abs(x - at), i]).sort((p, q) => p[0] - q[0] || p[1] - q[1])[0][1]
}

describe('restIndex', () => {
  it('matches a brute-force search on random depth samples', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 12)
      const xs = Array.from({ length: n }, (_, i) => i * 0.1 + rand() * 0.05)
      const at = rand() * 1.4 - 0.1
      expect(restIndex(xs, at)).toBe(brute(xs, at))
    }
  })

  it('puts a per-epoch chart (no resting x) at its last point, and an empty one nowhere', () => {
    expect(restIndex([0, 1, 2, 3], undefined)).toBe(3)
    expect(restIndex([], 0.2)).toBeNull()
    expect(restIndex([], undefined)).toBeNull()
  })
})

describe('showRest', () => {
  const fake = (idx: number | null) =>
    ({
      cursor: { idx },
      data: [
        [0, 0.1, 0.2, 0.3],
        [3, 2.9, null, 2.7]
      ],
      setLegend: vi.fn()
    }) as unknown as uPlot & { setLegend: ReturnType<typeof vi.fn> }

  it('fills the readout at the resting x when the pointer is away, without firing the hook again', () => {
    const u = fake(null)
    const [hook] = restingLegendHooks(() => 0.19).setLegend ?? []
    hook?.(u)
    expect(u.setLegend).toHaveBeenCalledWith({ idx: 2 }, false)
  })

  it('leaves the readout to uPlot while the pointer is over the chart', () => {
    const u = fake(1)
    showRest(u, 0.3)
    expect(u.setLegend).not.toHaveBeenCalled()
  })
})

describe('readoutValue', () => {
  const u = {} as uPlot
  it("writes values in the UI's locale with four significant digits, tiny ones in scientific notation", () => {
    const en = readoutValue('en')
    expect(en(u, 1234.567)).toBe('1,235')
    expect(en(u, 2.718281)).toBe('2.718')
    expect(en(u, -0.5)).toBe('-0.5')
    expect(en(u, 0)).toBe('0')
    expect(en(u, 0.000123456)).toBe('1.23E-4')
    // the same grouping rule as the ticks: Japanese groups by thousands too, German by its own mark
    expect(readoutValue('ja')(u, 1234567)).toBe('1,235,000')
    expect(readoutValue('de')(u, 1234.5)).toBe('1.235')
  })

  it('says "--" where a series has no value', () => {
    const en = readoutValue('en')
    expect(en(u, null)).toBe('--')
    expect(en(u, Number.NaN)).toBe('--')
  })
})
