// Messages of imported datasets driving the closed-form DAEs (continuous, shallow, composed: a Gaussian
// mixture fitted by EM, electron/engine/sampling/gmm-fit.ts) and the trained DAEs (their training rows),
// in English and Japanese.
// Keys start with "datadae.".
import type { Catalog } from './catalog'

export const DATADAE_MESSAGES = {
  // ---- the spec (shared/experiment.ts)
  'datadae.componentsClosedFormOnly': {
    en: 'the number of mixture components is used only by the closed-form DAEs (continuous, shallow, composed), which fit a mixture to the rows; leave it out for {kind}',
    ja: '混合の成分数を使うのは、行に混合ガウス分布を当てはめる閉形式の DAE（連続、浅い、合成）だけです。{kind} では指定しないでください'
  },
  // ---- the fit (electron/engine/sampling/gmm-fit.ts)
  'datadae.tooFewRows': {
    en: 'the dataset has {rows} rows: fitting {components} components with full covariances needs at least {need}',
    ja: 'データセットは {rows} 行です。完全な共分散で {components} 個の成分を当てはめるには少なくとも {need} 行が必要です'
  },
  'datadae.componentEmpty': {
    en: 'component {component} of {components} lost all its rows during the fit: choose fewer components',
    ja: '当てはめの途中で {components} 個中の成分 {component} に属する行がなくなりました。成分数を減らしてください'
  },
  'datadae.depthPastFitted': {
    en: 'depth {depth} is not below the singular time t* = {tStar} of the mixture fitted to the dataset; choose a smaller depth',
    ja: '深さ {depth} が、データセットに当てはめた混合ガウス分布の特異時刻 t* = {tStar} 未満になっていません。深さを小さくしてください'
  },
  // ---- run notes (electron/engine/datasets/fit-mixture.ts, jobs/trained/flow-kinds.ts)
  'datadae.noteFitted': {
    en: 'Flow: {kind} of a {components}-component Gaussian mixture fitted by EM to {which} of dataset "{name}" (log-likelihood {logLikelihood} per row, {iterations} iterations{converged}); singular time of the fitted mixture t* = {tStar}',
    ja: 'フロー: データセット「{name}」の{which}に EM で当てはめた {components} 成分の混合ガウス分布の {kind}（1 行あたりの対数尤度 {logLikelihood}、反復 {iterations} 回{converged}）。当てはめた混合の特異時刻 t* = {tStar}'
  },
  'datadae.fitAllRows': { en: 'all {rows} rows', ja: '全 {rows} 行' },
  'datadae.fitSomeRows': { en: 'a seeded subsample of {rows} of its {total} rows', ja: '{total} 行からシード付きで取り出した {rows} 行' },
  'datadae.converged': { en: ', converged', ja: '、収束' },
  'datadae.notConverged': { en: ', stopped at the iteration cap before converging', ja: '、収束する前に反復の上限で停止' },
  'datadae.noteTrainingRows': {
    en: 'Training data: {count} rows of dataset "{name}" (columns {columns}), as stored (not standardised){subsample}',
    ja: '学習データ: データセット「{name}」の {count} 行（列 {columns}）、保存されたまま（標準化なし）{subsample}'
  },
  'datadae.subsample': { en: ', a seeded subsample of its {rows} rows', ja: '、{rows} 行からシード付きで取り出した部分標本' },
  'datadae.allRowsFewer': {
    en: ', all of its rows (fewer than the {samples} training samples asked for)',
    ja: '、全行（指定された学習サンプル数 {samples} より少ない）'
  },
  'datadae.reportSource': { en: 'dataset "{name}" (columns {columns})', ja: 'データセット「{name}」（列 {columns}）' }
} as const satisfies Catalog
