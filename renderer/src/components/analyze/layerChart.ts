// A uPlot chart of one per-layer metric against the layer index: whole-number ticks, a point on every
// layer (a value between two gaps is still seen), and a dashed cursor at the layer shown in the view,
// drawn in uPlot's draw hook (moving it redraws from cached paths; nothing is rebuilt).
import type uPlot from 'uplot'
import { AXIS_STYLE, CursorChart } from '@/charts/cursorChart'

export interface LayerChartOptions {
  label: string
  xLabel: string
  color: string
  width: number
  height: number
  /** how a y value is written on the axis (locale-aware) */
  formatY?: (v: number) => string
}

/** Whole-number tick spacings for the layer axis. */
export const LAYER_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500]

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
  const axis = AXIS_STYLE
  return {
    width: o.width,
    height: o.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [
      { ...axis, label: o.xLabel, incrs: LAYER_INCREMENTS, values: (_u, splits) => splits.map((v) => String(v)) },
      { ...axis, size: 64, ...(o.formatY ? { values: (_u: uPlot, splits: number[]) => splits.map((v) => o.formatY!(v)) } : {}) }
    ],
    series: [{ label: o.xLabel }, { label: o.label, stroke: o.color, width: 2, points: { show: true, size: 5, fill: o.color } }]
  }
}
