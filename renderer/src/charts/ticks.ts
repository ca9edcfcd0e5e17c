// Axis ticks at round numbers: 1, 2 or 5 times a power of ten (Heckbert's "nice numbers"), and their
// labels with as many decimals as the step needs, all alike (0.10, 0.15, 0.20, not 0.1, 0.15, 0.2).
// Used by the 3-D view's axes and, through uPlot's values hook, by every chart.

/** The round step (1, 2 or 5 × 10^k) nearest to range / (target - 1), by Heckbert's thresholds, so the
 *  axis gets about `target` ticks (rounding up instead would leave a 9.8-wide axis two ticks). */
export function niceStep(range: number, target = 5): number {
  if (!(range > 0) || !Number.isFinite(range)) return 1
  const raw = range / Math.max(1, target - 1)
  const p = 10 ** Math.floor(Math.log10(raw))
  const f = raw / p
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p
}

/** The multiples of a nice step inside [min, max] (at least one when min = max). */
export function niceTicks(min: number, max: number, target = 5): { step: number; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { step: 1, ticks: [] }
  if (max < min) [min, max] = [max, min]
  if (max === min) return { step: 1, ticks: [min] }
  const step = niceStep(max - min, target)
  const eps = step * 1e-9
  const ticks: number[] = []
  for (let k = Math.ceil((min - eps) / step); k * step <= max + eps; k++) {
    // multiply, never accumulate, so 0.1 + 0.2 drift cannot creep in; -0 shown as 0
    ticks.push(Number((k * step).toPrecision(12)) || 0)
  }
  return { step, ticks }
}

/** Decimals that write every multiple of `step` exactly (0.05 → 2, 2.5 → 1, 10 → 0). */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d
  }
  return 12
}

/** Tick labels for multiples of `step`: grouped digits, the step's decimals on every label. */
export function formatTicks(values: readonly number[], step: number, locale: string): string[] {
  if (step > 0 && step < 1e-4) {
    const sci = new Intl.NumberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 })
    return values.map((v) => (v === 0 ? '0' : sci.format(v)))
  }
  const d = stepDecimals(step)
  const fmt = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })
  return values.map((v) => fmt.format(Number(v.toFixed(d)) || 0))
}
