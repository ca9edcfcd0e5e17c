// A uPlot line chart of one metric against depth, with a vertical cursor at the scrubber's depth
// drawn in uPlot's draw hook (moving it redraws from cached paths; nothing is rebuilt).
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { CHART } from '@/styles/palette'

export interface DepthChartOptions {
  label: string
  xLabel: string
  color: string
  width: number
  height: number
}

export class DepthChart {
  private readonly plot: uPlot
  private cursorDepth = 0

  constructor(el: HTMLElement, data: uPlot.AlignedData, o: DepthChartOptions) {
    const axis = { stroke: CHART.axis, grid: { stroke: CHART.grid, width: 1 }, ticks: { stroke: CHART.grid, width: 1 } }
    const opts: uPlot.Options = {
      width: o.width,
      height: o.height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { ...axis, label: o.xLabel },
        { ...axis, size: 56 }
      ],
      series: [{ label: o.xLabel }, { label: o.label, stroke: o.color, width: 2, points: { show: false } }],
      hooks: { draw: [(u: uPlot) => this.drawCursor(u)] }
    }
    this.plot = new uPlot(opts, data, el)
  }

  private drawCursor(u: uPlot): void {
    const [xMin, xMax] = [u.scales.x.min ?? 0, u.scales.x.max ?? 0]
    if (!(this.cursorDepth >= xMin && this.cursorDepth <= xMax)) return
    const x = Math.round(u.valToPos(this.cursorDepth, 'x', true))
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

  setDepth(depth: number): void {
    if (depth === this.cursorDepth) return
    this.cursorDepth = depth
    this.plot.redraw(false, false)
  }

  get depth(): number {
    return this.cursorDepth
  }

  setSize(width: number, height: number): void {
    this.plot.setSize({ width, height })
  }

  destroy(): void {
    this.plot.destroy()
  }
}
