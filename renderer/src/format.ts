// Locale-aware formatting of dates and numbers (Intl), shared by the workbench screens so every
// screen writes 1,234.5 / 1.234,5 and dates the way the chosen language expects.

const formats = new Map<string, Intl.NumberFormat>()
/** Intl formatters are costly to build and a table can hold thousands of cells: one per locale and options. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale, options)
    formats.set(key, f)
  }
  return f
}

/** A date-time for lists ('2025/01/02 3:04' in ja, '1/2/25, 3:04 AM' in en); unreadable input comes back as is. */
export function formatDate(iso: string | undefined, locale: string): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/**
 * The workbench's one rule for a measured value, so every screen, chart and export writes numbers alike:
 * grouped digits (1,000,000); at most `digits` significant digits below 10^digits, whole numbers above
 * (rounding 1,234,567 to 1,235,000 would misstate a count); scientific notation below 0.001 where fixed
 * digits would read as 0. Non-finite values are shown as '—'.
 */
export function formatNumber(x: number | undefined | null, locale: string, digits = 4): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—'
  const a = Math.abs(x)
  if (a !== 0 && a < 1e-3) return numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: Math.min(digits, 3) }).format(x)
  if (a >= 10 ** digits) return numberFormat(locale, { maximumFractionDigits: 0 }).format(x)
  return numberFormat(locale, { maximumSignificantDigits: digits }).format(x)
}

/** An integer count with grouping (2,000). */
export function formatCount(x: number | undefined | null, locale: string): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—'
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(x)
}

/** A fraction as a percentage to 0.1 % (0.9734 -> 97.3 %). */
export function formatPercent(x: number | undefined | null, locale: string): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—'
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x)
}
