// The workbench's number and date formats (@/format) bound to the UI language, for the data screens.
import { useI18n } from 'vue-i18n'
import { formatCount, formatDate, formatNumber } from '@/format'

export function useDataFormat() {
  const { locale } = useI18n()
  return {
    int: (n: number): string => formatCount(n, locale.value),
    num: (v: number | undefined): string => formatNumber(v, locale.value),
    date: (iso: string): string => formatDate(iso, locale.value),
    size: (bytes: number): string => `${formatNumber(bytes / 1024 / 1024, locale.value)} MB`
  }
}
