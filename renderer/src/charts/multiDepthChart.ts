// A uPlot chart of several per-depth series against depth, on one or two y axes (left 'y', right
// 'y2' for a second unit), with the same dashed vertical cursor at the scrubber's depth as DepthChart.
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { CHART } from '@/styles/palette'

export interface MultiSeriesStyle {
  label: string
  color: string
  dash?: number[]
  scale: 'y' | 'y2'
}

export interface MultiDepthChartOptions {
  xLabel: string
  series: MultiSeriesStyle[]
  width: number
  height: number
}

/** uPlot options for the series (exported so the layout can be checked without a canvas). */
export function multiChartOptions(o: MultiDepthChartOptions, draw: (u: uPlot) => void): uPlot.Options {
  const axis = { stroke: CHART.axis, grid: { stroke: CHART.grid, width: 1 }, ticks: { stroke: CHART.grid, width: 1 } }
  const right = o.series.some((s) => s.scale === 'y2')
  const axes: uPlot.Axis[] = [{ ...axis, label: o.xLabel }, { ...axis, scale: 'y', size: 56 }]
  if (right) axes.push({ ...axis, scale: 'y2', side: 1, size: 56, grid: { show: false } })
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
    ],
    hooks: { draw: [draw] }
  }
}

export class MultiDepthChart {
  private readonly plot: uPlot
  private cursorDepth = 0

  constructor(el: HTMLElement, data: uPlot.AlignedData, o: MultiDepthChartOptions) {
    this.plot = new uPlot(multiChartOptions(o, (u) => this.drawCursor(u)), data, el)
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
