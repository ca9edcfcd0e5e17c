// Test double of uPlot for happy-dom (no canvas): `vi.mock('uplot', () => import('../fake-uplot'))`.
// Every plot made is recorded with its options, data and calls, so a test reads what a chart handed to
// uPlot (series, hooks, axes) and how often it redrew.
import { vi, type Mock } from 'vitest'
import type uPlot from 'uplot'

export interface FakeOptions {
  series: { label?: string; stroke?: string; scale?: string; dash?: number[]; points?: { show?: boolean } }[]
  hooks: { draw: ((u: unknown) => void)[] }
  axes?: uPlot.Axis[]
}

export interface FakePlot {
  opts: FakeOptions
  data: unknown[]
  setData: Mock
  redraw: Mock
  setSize: Mock
  destroy: Mock
  setLegend: Mock
  /** no pointer over a fake chart */
  cursor: { idx: number | null }
}

/** the plots made since the last `plots.length = 0`, in order */
export const plots: FakePlot[] = []

/** redraws over every recorded plot */
export const redrawCount = (): number => plots.reduce((n, p) => n + p.redraw.mock.calls.length, 0)

export default vi.fn(function (this: FakePlot, opts: FakeOptions, data: unknown[]) {
  this.opts = opts
  this.data = data
  this.setData = vi.fn()
  this.redraw = vi.fn()
  this.setSize = vi.fn()
  this.destroy = vi.fn()
  this.setLegend = vi.fn()
  this.cursor = { idx: null }
  plots.push(this)
})
