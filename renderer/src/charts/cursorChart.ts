// What every chart with a position cursor shares: the axis style, the dashed vertical line at the
// cursor (the scrubber's depth, the layer shown, ...) drawn in uPlot's draw hook, and a chart wrapper
// that moves it by redrawing from cached paths (nothing is rebuilt).
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { CHART } from '@/styles/palette'
import { formatTicks } from './ticks'

/** axis stroke, grid and ticks of every chart */
export const AXIS_STYLE = { stroke: CHART.axis, grid: { stroke: CHART.grid, width: 1 }, ticks: { stroke: CHART.grid, width: 1 } }

/** Tick labels in the UI's locale with the step's decimals (0.10, 0.15, 0.20; 1,000,000). */
export function tickValues(locale: string): NonNullable<uPlot.Axis['values']> {
  return (_u: uPlot, splits: number[], _axis: number, _space: number, incr: number) => formatTicks(splits, incr, locale)
}

/** The x axis of every chart: its title under it, locale tick labels. */
export function xAxis(label: string, locale: string): uPlot.Axis {
  return { ...AXIS_STYLE, label, labelSize: 20, labelFont: '12px system-ui, sans-serif', values: tickValues(locale) }
}

/** Whole-number tick spacings, for axes that count (epochs, layers): never a tick at epoch 2.5. */
export const WHOLE_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000]

/** The x axis of a chart against a count: the shared style, ticks only at whole numbers. */
export function wholeXAxis(label: string, locale: string): uPlot.Axis {
  return { ...xAxis(label, locale), incrs: WHOLE_INCREMENTS }
}

/**
 * A y axis: its title beside it and ticks about 24 px apart, so a 160 px chart reads at 4-5 values
 * rather than uPlot's default two or three. `side: 1` puts it on the right.
 */
export function yAxis(label: string, locale: string, more: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return { ...AXIS_STYLE, label, labelSize: 18, labelFont: '12px system-ui, sans-serif', size: 52, space: 24, values: tickValues(locale), ...more }
}

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
