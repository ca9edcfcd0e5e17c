// A uPlot chart of several per-depth series against depth, on one or two y axes (left 'y', right
// 'y2' for a second unit), with the same dashed vertical cursor at the scrubber's depth as DepthChart.
import type uPlot from 'uplot'
import { CursorChart, xAxis, yAxis } from './cursorChart'

export interface MultiSeriesStyle {
  label: string
  color: string
  dash?: number[]
  scale: 'y' | 'y2'
}

export interface MultiDepthChartOptions {
  xLabel: string
  /** titles of the left and right y axes (short: a symbol and unit) */
  yLabels?: { y?: string; y2?: string }
  /** the UI's locale, for tick labels */
  locale?: string
  series: MultiSeriesStyle[]
  width: number
  height: number
}

/** uPlot options for the series (exported so the layout can be checked without a canvas). */
export function multiChartOptions(o: MultiDepthChartOptions): uPlot.Options {
  const locale = o.locale ?? 'en'
  const right = o.series.some((s) => s.scale === 'y2')
  const axes: uPlot.Axis[] = [xAxis(o.xLabel, locale), yAxis(o.yLabels?.y ?? '', locale, { scale: 'y' })]
  if (right) axes.push(yAxis(o.yLabels?.y2 ?? '', locale, { scale: 'y2', side: 1, grid: { show: false } }))
  return {
    width: o.width,
    height: o.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false }, y: { auto: true }, ...(right ? { y2: { auto: true } } : {}) },
    axes,
    series: [
      { label: o.xLabel },
      ...o.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, scale: s.scale, points: { show: false }, ...(s.dash ? { dash: s.dash } : {}) }))
    ]
  }
}

export class MultiDepthChart extends CursorChart {
  constructor(el: HTMLElement, data: uPlot.AlignedData, o: MultiDepthChartOptions) {
    super(el, data, multiChartOptions(o))
  }

  setDepth(depth: number): void {
    this.setCursor(depth)
  }

  get depth(): number {
    return this.cursor
  }
}
