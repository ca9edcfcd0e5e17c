// Locale formatting: grouping and decimal separators per locale, significant digits, percentages, non-finite
// values as a dash, dates in the locale's order, unreadable dates returned as given.
import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatNumber, formatPercent } from '@/format'

describe('format', () => {
  it('formats numbers with the locale separators and 4 significant digits', () => {
    expect(formatNumber(1234.5678, 'en')).toBe('1,235')
    expect(formatNumber(1234.5678, 'de')).toBe('1.235')
    expect(formatNumber(0.0123456, 'ja')).toBe('0.01235')
    expect(formatNumber(2.5, 'en')).toBe('2.5')
    expect(formatNumber(Number.NaN, 'en')).toBe('—')
    expect(formatNumber(undefined, 'ja')).toBe('—')
    expect(formatCount(180000, 'en')).toBe('180,000')
    expect(formatCount(Infinity, 'en')).toBe('—')
  })
  it('writes large values whole and grouped, tiny ones in scientific notation', () => {
    // rounding a count to 4 significant digits would misstate it
    expect(formatNumber(1_234_567, 'en')).toBe('1,234,567')
    expect(formatNumber(1_000_000, 'ja')).toBe('1,000,000')
    expect(formatNumber(-98765.4, 'en')).toBe('-98,765')
    expect(formatNumber(9999.4, 'en')).toBe('9,999')
    expect(formatNumber(0.00012345, 'en')).toBe('1.23E-4')
    expect(formatNumber(0.001, 'en')).toBe('0.001')
    expect(formatNumber(0, 'en')).toBe('0')
  })
  it('writes fractions as percentages to 0.1 %, with the locale separators', () => {
    expect(formatPercent(0.97345, 'en')).toBe('97.3%')
    expect(formatPercent(0.5, 'en')).toBe('50%')
    expect(formatPercent(12.3456, 'de')).toBe('1.234,6\u00a0%')
    expect(formatPercent(Number.NaN, 'ja')).toBe('—')
  })
  it('formats dates in the locale order; noon UTC keeps the calendar day in any time zone within ±11 h', () => {
    const iso = '2025-01-02T12:00:00Z'
    expect(formatDate(iso, 'ja')).toMatch(/^2025\/01\/02 \d{1,2}:\d{2}$/)
    expect(formatDate(iso, 'en')).toMatch(/^Jan 2, 2025, \d{1,2}:\d{2}\s?[AP]M$/)
    expect(formatDate('yesterday', 'en')).toBe('yesterday')
    expect(formatDate(undefined, 'en')).toBe('')
  })
})
