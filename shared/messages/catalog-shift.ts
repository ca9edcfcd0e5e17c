// Messages of shift analyses (reference vs compare data), before/after comparison of analyses and the
// cause-pointing flags (electron/engine/layers/shift*.ts, compare*.ts, flags.ts, cli compare-analyses), in
// English and Japanese. Keys start with "shift.". English is what the engine writes; the UI shows either.
import type { Catalog } from './catalog'

export const SHIFT_MESSAGES = {
  // ---- compare-analyses
  'shift.compareNotAnalysis': {
    en: '{dir} is not an analysis folder: {detail}',
    ja: '{dir} は解析フォルダーではありません: {detail}'
  },
  'shift.compareReportMissing': { en: 'layers.json is missing or not a layer report', ja: 'layers.json がないか、層レポートではありません' }
} as const satisfies Catalog
