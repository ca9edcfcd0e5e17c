// A uPlot chart of one per-layer metric against the layer index: the run charts' axes (titles, round
// locale ticks) with whole-number layer ticks, a point on every layer (a value between two gaps is still
// seen), and a dashed cursor at the layer shown in the view, drawn in uPlot's draw hook (moving it
// redraws from cached paths; nothing is rebuilt).
import type uPlot from 'uplot'
import { CursorChart, wholeXAxis, yAxis } from '@/charts/cursorChart'

export interface LayerChartOptions {
  label: string
  xLabel: string
  /** the y axis title (short: a symbol or unit); the label when absent */
  yLabel?: string
  /** the UI's locale, for tick labels */
  locale?: string
  color: string
  width: number
  height: number
}

export class LayerChart extends CursorChart {
  constructor(el: HTMLElement, data: uPlot.AlignedData, o: LayerChartOptions) {
    super(el, data, layerChartOptions(o))
  }

  setLayer(layer: number): void {
    this.setCursor(layer)
  }

  get layer(): number {
    return this.cursor
  }
}

function layerChartOptions(o: LayerChartOptions): uPlot.Options {
  const locale = o.locale ?? 'en'
  return {
    width: o.width,
    height: o.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [wholeXAxis(o.xLabel, locale), yAxis(o.yLabel ?? o.label, locale, { size: 64 })],
    series: [{ label: o.xLabel }, { label: o.label, stroke: o.color, width: 2, points: { show: true, size: 5, fill: o.color } }]
  }
}
