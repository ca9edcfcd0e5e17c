// A uPlot chart of one per-layer metric against the layer index: whole-number ticks, a point on every
// layer (a value between two gaps is still seen), and a dashed cursor at the layer shown in the view,
// drawn in uPlot's draw hook (moving it redraws from cached paths; nothing is rebuilt).
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { CHART } from '@/styles/palette'

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

export class LayerChart {
  private readonly plot: uPlot
  private cursor = 0

  constructor(el: HTMLElement, data: uPlot.AlignedData, o: LayerChartOptions) {
    const axis = { stroke: CHART.axis, grid: { stroke: CHART.grid, width: 1 }, ticks: { stroke: CHART.grid, width: 1 } }
    const opts: uPlot.Options = {
      width: o.width,
      height: o.height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { ...axis, label: o.xLabel, incrs: LAYER_INCREMENTS, values: (_u, splits) => splits.map((v) => String(v)) },
        { ...axis, size: 64, ...(o.formatY ? { values: (_u: uPlot, splits: number[]) => splits.map((v) => o.formatY!(v)) } : {}) }
      ],
      series: [{ label: o.xLabel }, { label: o.label, stroke: o.color, width: 2, points: { show: true, size: 5, fill: o.color } }],
      hooks: { draw: [(u: uPlot) => this.drawCursor(u)] }
    }
    this.plot = new uPlot(opts, data, el)
  }

  private drawCursor(u: uPlot): void {
    const [lo, hi] = [u.scales.x.min ?? 0, u.scales.x.max ?? 0]
    if (!(this.cursor >= lo && this.cursor <= hi)) return
    const x = Math.round(u.valToPos(this.cursor, 'x', true))
    const { top, height } = u.bbox
    const ctx = u.ctx
    ctx.save()
    ctx.strokeStyle = CHART.cursor
    ctx.lineWidth = Math.max(1, globalThis.devicePixelRatio || 1)
    ctx.setLineDash([4, 3])
    ctx.beginPath()
    ctx.moveTo(x, top)
    ctx.lineTo(x, top + height)
    ctx.stroke()
    ctx.restore()
  }

  setData(data: uPlot.AlignedData): void {
    this.plot.setData(data)
  }

  setLayer(layer: number): void {
    if (layer === this.cursor) return
    this.cursor = layer
    this.plot.redraw(false, false)
  }

  get layer(): number {
    return this.cursor
  }

  setSize(width: number, height: number): void {
    this.plot.setSize({ width, height })
  }

  destroy(): void {
    this.plot.destroy()
  }
}
