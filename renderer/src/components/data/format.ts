// Locale-aware number and date formatting for the data screens (grouping and decimals follow the UI language).
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

export function useDataFormat() {
  const { locale } = useI18n()
  const ints = computed(() => new Intl.NumberFormat(locale.value, { maximumFractionDigits: 0 }))
  const nums = computed(() => new Intl.NumberFormat(locale.value, { maximumSignificantDigits: 4 }))
  const dates = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }))
  return {
    int: (n: number): string => ints.value.format(n),
    num: (v: number | undefined): string => (v === undefined ? '—' : nums.value.format(v)),
    date: (iso: string): string => {
      const d = new Date(iso)
      return Number.isNaN(d.getTime()) ? iso : dates.value.format(d)
    },
    size: (bytes: number): string => `${nums.value.format(bytes / 1024 / 1024)} MB`
  }
}
