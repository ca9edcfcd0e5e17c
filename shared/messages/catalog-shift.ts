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
  'shift.compareReportMissing': { en: 'layers.json is missing or not a layer report', ja: 'layers.json がないか、層レポートではありません' },

  // ---- shift analysis
  'shift.progressShift': { en: 'measuring the shift between the reference and the compare data, layer by layer', ja: '基準データと比較データのずれを層ごとに測定中' },
  'shift.compareLayerCount': {
    en: 'the compare data gives {count} layers, the reference {expected}: they must be the same layers',
    ja: '比較データの層は {count} 個、基準データの層は {expected} 個です。同じ層でなければなりません'
  },
  'shift.compareLayerWidth': {
    en: 'layer {layer} ({name}) has width {width} on the compare data but {expected} on the reference',
    ja: '層 {layer}（{name}）の幅は比較データで {width}、基準データで {expected} です'
  },
  'shift.compareTooFew': { en: 'the compare data needs at least 3 points, got {count}', ja: '比較データには点が少なくとも 3 個必要ですが、{count} 個しかありません' },
  'shift.samplingAll': {
    en: 'shift distances use all {n} reference and all {nc} compare points',
    ja: 'シフトの距離は基準データの {n} 点すべてと比較データの {nc} 点すべてで計算しています'
  },
  'shift.samplingSubsample': {
    en: 'shift distances use a seeded subsample (seed {seed}) of {m} of {n} reference and {mc} of {nc} compare points; the farthest samples are among these',
    ja: 'シフトの距離は基準データ {n} 点中 {m} 点と比較データ {nc} 点中 {mc} 点をシード {seed} で抜き取って計算しています。最も遠いサンプルもこの中から選んでいます'
  },
  'shift.flagShift': {
    en: 'layer {layer} makes the shift between the reference and the new data grow {factor}x (energy coefficient {before} -> {after}; threshold {threshold}x)',
    ja: '層 {layer} は基準データと新しいデータのずれを {factor} 倍に広げています（エネルギー係数 {before} -> {after}、しきい値 {threshold} 倍）'
  },
  'shift.flagShiftNamed': {
    en: 'layer {layer} ({name}) makes the shift between the reference and the new data grow {factor}x (energy coefficient {before} -> {after}; threshold {threshold}x)',
    ja: '層 {layer}（{name}）は基準データと新しいデータのずれを {factor} 倍に広げています（エネルギー係数 {before} -> {after}、しきい値 {threshold} 倍）'
  },
  'shift.flagShiftRemedy': {
    en: 'this layer amplifies what differs in the new data: check the farthest new samples, add such data (or augment towards it) in training, or make the layer less sensitive there (weight decay, a Jacobian penalty)',
    ja: 'この層は新しいデータで異なる部分を増幅しています。最も遠い新しいサンプルを確認し、そのようなデータを学習に加える（またはその方向にデータ拡張する）か、この層の感度を下げてください（重み減衰、ヤコビアン正則化）'
  },
  'shift.explainShift': {
    en: 'The energy coefficient is the energy distance between the two clouds over twice their mean cross distance: 0 for the same distribution, 1 at most, and unchanged when a layer only rescales. A layer that multiplies it separates the new data from the reference more than the layers before did.',
    ja: 'エネルギー係数は 2 つの点群のエネルギー距離を平均交差距離の 2 倍で割ったもので、同じ分布なら 0、最大で 1 になり、層が拡大縮小するだけなら変わりません。これを何倍にもする層は、それ以前の層よりも新しいデータを基準データから引き離しています。'
  }
} as const satisfies Catalog
