// The readout (uPlot's legend) of a chart when the pointer is not over it. uPlot blanks it to "--" then,
// so a chart read without a mouse (a report, a screenshot, the keyboard) said nothing. At rest it shows
// the values at a resting x instead: the scrubber's depth on a per-depth chart, the last point on a
// per-epoch or swept one. Over the chart it follows the pointer as uPlot does. The readout at rest is
// what hovering at that x shows: a series with no value there says so rather than borrowing a neighbour's.
import type uPlot from 'uplot'

/** The index of the x nearest to `at` (the first of equals), the last index when `at` is undefined. */
export function restIndex(xs: ArrayLike<number>, at: number | undefined): number | null {
  if (xs.length === 0) return null
  if (at === undefined) return xs.length - 1
  let best = 0
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] - at) < Math.abs(xs[best] - at)) best = i
  return best
}

/** Puts the readout of `u` at rest (a no-op while the pointer is over the chart). */
export function showRest(u: uPlot, at: number | undefined): void {
  if (u.cursor.idx !== null && u.cursor.idx !== undefined) return
  const idx = restIndex(u.data[0] ?? [], at)
  // not fired: this runs from the setLegend hook itself
  if (idx !== null) u.setLegend({ idx }, false)
}

/** uPlot hooks that keep the readout at rest whenever uPlot would blank it; `at` is read at each call. */
export function restingLegendHooks(at: () => number | undefined): uPlot.Hooks.Arrays {
  return { setLegend: [(u: uPlot) => showRest(u, at())] }
}

/**
 * A readout value in the UI's locale, like the axis ticks and the rest of the app (1,234.5; 0.0123;
 * 1.23e-7), instead of uPlot's own format in the browser's language; "--" where a series has no value.
 */
export function readoutValue(locale: string): (u: uPlot, v: number | null) => string {
  const plain = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 })
  const sci = new Intl.NumberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 })
  return (_u, v) => (v === null || v === undefined || !Number.isFinite(v) ? '--' : v !== 0 && Math.abs(v) < 1e-3 ? sci.format(v) : plain.format(v))
}
