// A uPlot line chart of one metric against depth, with a vertical cursor at the scrubber's depth
// drawn in uPlot's draw hook (moving it redraws from cached paths; nothing is rebuilt).
import type uPlot from 'uplot'
import { CursorChart, xAxis, yAxis } from './cursorChart'

export interface DepthChartOptions {
  label: string
  xLabel: string
  /** the y axis title (short: a symbol and unit); the label when absent */
  yLabel?: string
  /** the UI's locale, for tick labels */
  locale?: string
  color: string
  width: number
  height: number
}

export class DepthChart extends CursorChart {
  constructor(el: HTMLElement, data: uPlot.AlignedData, o: DepthChartOptions) {
    super(el, data, depthChartOptions(o))
  }

  setDepth(depth: number): void {
    this.setCursor(depth)
  }

  get depth(): number {
    return this.cursor
  }
}

function depthChartOptions(o: DepthChartOptions): uPlot.Options {
  return {
    width: o.width,
    height: o.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [xAxis(o.xLabel, o.locale ?? 'en'), yAxis(o.yLabel ?? o.label, o.locale ?? 'en')],
    series: [{ label: o.xLabel }, { label: o.label, stroke: o.color, width: 2, points: { show: false } }]
  }
}
