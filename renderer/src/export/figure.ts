// Chart figures for export: each run chart redrawn by uPlot off screen at twice its size, with its
// title, axis titles and a legend, on white (for papers and slides) or the app's dark theme, and
// several charts stacked into one combined figure. The layout math is pure (figureLayout) so it is
// tested without a canvas; drawing only follows it.
import uPlot from 'uplot'
import { formatTicks } from '@/charts/ticks'

export type FigureTheme = 'light' | 'dark'

export interface FigureSeries {
  label: string
  color: string
  dash?: number[]
  scale: 'y' | 'y2'
}

/** One chart: what it shows (uPlot's aligned columns) and every text it carries. */
export interface FigureSpec {
  /** names the file: 'entropy', 'distance', ... */
  key: string
  title: string
  xLabel: string
  yLabel: string
  y2Label?: string
  series: FigureSeries[]
  data: uPlot.AlignedData
}

const THEMES = {
  light: { background: '#ffffff', text: '#1a1a1a', axis: '#333333', grid: 'rgba(0, 0, 0, 0.12)' },
  dark: { background: '#161c23', text: '#e3e8ee', axis: '#9aa4b2', grid: 'rgba(255, 255, 255, 0.08)' }
} as const

/** Output pixels per layout pixel: figures are saved at 2x. */
export const FIGURE_SCALE = 2
const CHART_W = 640
const CHART_H = 300
const PAD = 16
const TITLE_H = 26
const LEGEND_ROW_H = 18
const FONT = 'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", sans-serif'

export interface FigureLayout {
  width: number
  height: number
  /** per chart: top of its title, legend rows and chart box, in layout pixels */
  blocks: { titleY: number; legendY: number; legendRows: number; chartY: number }[]
}

/** Legend rows a chart needs: series laid left to right, wrapping at the chart's width. */
export function legendRows(labelWidths: number[], width = CHART_W): number {
  let rows = 1
  let x = 0
  for (const w of labelWidths) {
    const item = 28 + w + 16
    if (x > 0 && x + item > width) {
      rows++
      x = 0
    }
    x += item
  }
  return labelWidths.length ? rows : 0
}

/** Where each chart's title, legend and plot go when `charts` are stacked into one figure. */
export function figureLayout(legendRowCounts: number[]): FigureLayout {
  let y = PAD
  const blocks = legendRowCounts.map((rows) => {
    const titleY = y
    const legendY = titleY + TITLE_H
    const chartY = legendY + rows * LEGEND_ROW_H + 4
    y = chartY + CHART_H + PAD
    return { titleY, legendY, legendRows: rows, chartY }
  })
  return { width: CHART_W + 2 * PAD, height: y, blocks }
}

/** uPlot options for a figure's chart, every size multiplied by k (so it draws at k x on any screen). */
function plotOptions(spec: FigureSpec, theme: FigureTheme, locale: string, k: number): uPlot.Options {
  const c = THEMES[theme]
  const font = `${12 * k}px ${FONT}`
  const axis = (label: string, more: Partial<uPlot.Axis> = {}): uPlot.Axis => ({
    label,
    stroke: c.axis,
    font,
    labelFont: font,
    labelSize: 20 * k,
    size: 56 * k,
    gap: 5 * k,
    space: 28 * k,
    grid: { stroke: c.grid, width: k },
    ticks: { stroke: c.grid, width: k, size: 8 * k },
    values: (_u, splits, _a, _s, incr) => formatTicks(splits, incr, locale),
    ...more
  })
  const right = spec.series.some((s) => s.scale === 'y2')
  return {
    width: CHART_W * k,
    height: CHART_H * k,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false }, y: { auto: true }, ...(right ? { y2: { auto: true } } : {}) },
    axes: [
      axis(spec.xLabel, { size: 40 * k }),
      axis(spec.yLabel, { scale: 'y' }),
      ...(right ? [axis(spec.y2Label ?? '', { scale: 'y2', side: 1, grid: { show: false } })] : [])
    ],
    series: [
      {},
      ...spec.series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2 * k,
        scale: s.scale,
        points: { show: false },
        ...(s.dash ? { dash: s.dash.map((d) => d * k) } : {})
      }))
    ]
  }
}

/** Draw `specs` stacked into one canvas at 2x: titles, legends and the charts, on the theme's background. */
export async function drawFigure(specs: FigureSpec[], theme: FigureTheme, locale: string): Promise<HTMLCanvasElement> {
  const c = THEMES[theme]
  const S = FIGURE_SCALE
  const out = document.createElement('canvas')
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('no 2-D canvas context')
  ctx.font = `${12}px ${FONT}`
  const rows = specs.map((s) => legendRows(s.series.map((x) => ctx.measureText(x.label).width)))
  const layout = figureLayout(rows)
  out.width = layout.width * S
  out.height = layout.height * S
  ctx.fillStyle = c.background
  ctx.fillRect(0, 0, out.width, out.height)
  // uPlot draws at devicePixelRatio: ask for k so that k * devicePixelRatio = S
  const k = S / (globalThis.devicePixelRatio || 1)
  for (const [i, spec] of specs.entries()) {
    const b = layout.blocks[i]
    ctx.fillStyle = c.text
    ctx.textBaseline = 'top'
    ctx.font = `600 ${15 * S}px ${FONT}`
    ctx.fillText(spec.title, PAD * S, b.titleY * S)
    ctx.font = `${12 * S}px ${FONT}`
    let x = PAD
    let y = b.legendY
    for (const s of spec.series) {
      const item = 28 + ctx.measureText(s.label).width / S + 16
      if (x > PAD && x + item > PAD + CHART_W) {
        x = PAD
        y += LEGEND_ROW_H
      }
      ctx.strokeStyle = s.color
      ctx.lineWidth = 2 * S
      ctx.setLineDash((s.dash ?? []).map((d) => d * S))
      ctx.beginPath()
      ctx.moveTo(x * S, (y + 7) * S)
      ctx.lineTo((x + 22) * S, (y + 7) * S)
      ctx.stroke()
      ctx.setLineDash([])
      ctx.fillStyle = c.text
      ctx.fillText(s.label, (x + 28) * S, y * S)
      x += item
    }
    const host = document.createElement('div')
    host.style.cssText = 'position:fixed;left:-10000px;top:0'
    document.body.appendChild(host)
    const plot = await drawnPlot(plotOptions(spec, theme, locale, k), spec.data, host)
    try {
      ctx.drawImage(plot.ctx.canvas, PAD * S, b.chartY * S, CHART_W * S, CHART_H * S)
    } finally {
      plot.destroy()
      host.remove()
    }
  }
  return out
}

/** A uPlot chart once it has drawn (uPlot draws in a microtask after construction). */
function drawnPlot(opts: uPlot.Options, data: uPlot.AlignedData, host: HTMLElement): Promise<uPlot> {
  return new Promise((resolve) => {
    let plot: uPlot | null = null
    let drawn = false
    const finish = (): void => {
      if (plot && drawn) resolve(plot)
    }
    const done = (): void => {
      drawn = true
      finish()
    }
    plot = new uPlot({ ...opts, hooks: { draw: [done] } }, data, host)
    finish()
    // a chart with nothing to draw never calls the hook: go on with what is there
    setTimeout(done, 500)
  })
}

/** A file name that says what the figure is: run, chart and date (2026-12-06). */
export function figureFileName(runStem: string, chart: string, date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
  return `${runStem}-${chart}-${day}.png`
}
