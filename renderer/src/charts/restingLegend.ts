// The readout (uPlot's legend) of a chart when the pointer is not over it. uPlot blanks it to "--" then,
// so a chart read without a mouse (a report, a screenshot, the keyboard) said nothing. At rest it shows
// the values at a resting x instead: the scrubber's depth on a per-depth chart, the last point on a
// per-epoch or swept one. Over the chart it follows the pointer as uPlot does.
import type uPlot from 'uplot'

type Column = ArrayLike<number | null | undefined>

/**
 * For each series, the index of its point nearest to `at` that has a value (the last one with a value
 * when `at` is undefined), or null for a series with no values. Index 0 (the x column) gets the index
 * nearest `at` among all x.
 */
export function restIndexes(xs: ArrayLike<number>, columns: readonly Column[], at: number | undefined): (number | null)[] {
  const nearest = (has: (i: number) => boolean): number | null => {
    let best: number | null = null
    for (let i = 0; i < xs.length; i++) {
      if (!has(i)) continue
      if (at === undefined) best = i
      else if (best === null || Math.abs(xs[i] - at) < Math.abs(xs[best] - at)) best = i
    }
    return best
  }
  const valued = (c: Column) => (i: number) => typeof c[i] === 'number' && Number.isFinite(c[i])
  return [nearest(() => true), ...columns.map((c) => nearest(valued(c)))]
}

/** Puts the readout of `u` at rest (a no-op while the pointer is over the chart). */
export function showRest(u: uPlot, at: number | undefined): void {
  if (u.cursor.idx !== null && u.cursor.idx !== undefined) return
  const [xs, ...columns] = u.data
  if (!xs?.length) return
  // not fired: this runs from the setLegend hook itself
  u.setLegend({ idxs: restIndexes(xs, columns as Column[], at) }, false)
}

/** uPlot hooks that keep the readout at rest whenever uPlot would blank it; `at` is read at each call. */
export function restingLegendHooks(at: () => number | undefined): uPlot.Hooks.Arrays {
  return { setLegend: [(u: uPlot) => showRest(u, at())] }
}
