// What every chart with a position cursor shares: the axis style, the dashed vertical line at the
// cursor (the scrubber's depth, the layer shown, ...) drawn in uPlot's draw hook, and a chart wrapper
// that moves it by redrawing from cached paths (nothing is rebuilt).
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { CHART } from '@/styles/palette'

/** axis stroke, grid and ticks of every chart */
export const AXIS_STYLE = { stroke: CHART.axis, grid: { stroke: CHART.grid, width: 1 }, ticks: { stroke: CHART.grid, width: 1 } }

/** A dashed vertical line at x, when x is inside the x scale. */
export function drawCursorLine(u: uPlot, x: number | undefined): void {
  if (x === undefined || !(x >= (u.scales.x.min ?? 0) && x <= (u.scales.x.max ?? 0))) return
  const px = Math.round(u.valToPos(x, 'x', true))
  const { top, height } = u.bbox
  const ctx = u.ctx
  ctx.save()
  ctx.strokeStyle = CHART.cursor
  ctx.lineWidth = Math.max(1, globalThis.devicePixelRatio || 1)
  ctx.setLineDash([4, 3])
  ctx.beginPath()
  ctx.moveTo(px, top)
  ctx.lineTo(px, top + height)
  ctx.stroke()
  ctx.restore()
}

/** A uPlot chart whose options get the cursor's draw hook; setCursor moves the line. */
export class CursorChart {
  protected readonly plot: uPlot
  private position = 0

  constructor(el: HTMLElement, data: uPlot.AlignedData, opts: uPlot.Options) {
    const hooks = opts.hooks ?? {}
    this.plot = new uPlot({ ...opts, hooks: { ...hooks, draw: [...(hooks.draw ?? []), (u: uPlot) => drawCursorLine(u, this.position)] } }, data, el)
  }

  protected setCursor(x: number): void {
    if (x === this.position) return
    this.position = x
    this.plot.redraw(false, false)
  }

  protected get cursor(): number {
    return this.position
  }

  setData(data: uPlot.AlignedData): void {
    this.plot.setData(data)
  }

  setSize(width: number, height: number): void {
    this.plot.setSize({ width, height })
  }

  destroy(): void {
    this.plot.destroy()
  }
}
