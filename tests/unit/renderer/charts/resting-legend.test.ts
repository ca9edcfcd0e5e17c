// The readout of a chart at rest (no pointer over it): each series shows its point nearest the resting x
// that has a value, checked against a brute-force search over every index; the last valued point without
// a resting x; nothing is touched while the pointer is over the chart.
import { describe, expect, it, vi } from 'vitest'
import type uPlot from 'uplot'
import { restIndexes, restingLegendHooks, showRest } from '@/charts/restingLegend'

/** brute force: every index with a value, sorted by distance to `at` (ties: the first), or the last */
function brute(xs: number[], col: (number | null)[], at: number | undefined): number | null {
  const valued = col.map((v, i) => (v === null || !Number.isFinite(v) ? -1 : i)).filter((i) => i >= 0)
  if (!valued.length) return null
  if (at === undefined) return valued[valued.length - 1]
  return valued.reduce((best, i) => (Math.abs(xs[i] - at) < Math.abs(xs[best] - at) ? i : best))
}

describe('restIndexes', () => {
  it('matches a brute-force search on random columns with gaps', () => {
    let seed = 7
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 12)
      const xs = Array.from({ length: n }, (_, i) => i * 0.1 + rand() * 0.05)
      const cols = [0, 1, 2].map(() => xs.map(() => (rand() < 0.3 ? null : rand())))
      const at = rand() < 0.2 ? undefined : rand() * 1.4 - 0.1
      const got = restIndexes(xs, cols, at)
      expect(got.slice(1)).toEqual(cols.map((c) => brute(xs, c, at)))
      expect(got[0]).toBe(brute(xs, xs, at))
    }
  })

  it('puts a per-epoch chart (no resting x) at its last point, and a gap-only series at null', () => {
    expect(
      restIndexes(
        [0, 1, 2, 3],
        [
          [0.5, 0.4, 0.3, 0.2],
          [1, 2, null, null],
          [null, null, null, null]
        ],
        undefined
      )
    ).toEqual([3, 3, 1, null])
  })

  it('skips NaN and infinite values', () => {
    expect(restIndexes([0, 1, 2], [[1, NaN, Infinity]], 2)).toEqual([2, 0])
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
    expect(u.setLegend).toHaveBeenCalledWith({ idxs: [2, 1] }, false)
  })

  it('leaves the readout to uPlot while the pointer is over the chart', () => {
    const u = fake(1)
    showRest(u, 0.3)
    expect(u.setLegend).not.toHaveBeenCalled()
  })
})
