// Messages of imported datasets as a spec's data (distribution kind "dataset"), the dataset store's
// view, rename and trash (electron/engine/datasets), and the training progress line, in English and Japanese.
// Keys start with "trainui.". English is what the engine writes (logs, CLI, run.json); the UI shows either.
import type { Catalog } from './catalog'

export const TRAINUI_MESSAGES = {
  // ---- the spec: an imported dataset as the data (shared/experiment.ts)
  'trainui.datasetColumnsRepeated': { en: 'each column may be chosen once', ja: '同じ列は 1 回だけ選べます' },
  'trainui.datasetNeedsSample': {
    en: 'the particles of an imported dataset are drawn from its rows: use {"kind":"sample","count":n}',
    ja: '取り込んだデータセットの粒子はその行から取り出します。{"kind":"sample","count":n} を使ってください'
  },
  'trainui.datasetTrainedUnsupported': {
    en: '{kind} samples its training data from a distribution; an imported dataset serves the continuous, trained and empirical DAEs, and classification (flow.data)',
    ja: '{kind} は分布から学習データを取り出します。取り込んだデータセットは連続 DAE・学習した DAE・経験 DAE と分類（flow.data）で使えます'
  },
  // ---- the engine: loading the rows (electron/engine/datasets/particles.ts)
  'trainui.datasetColumnOutside': {
    en: 'column {column} is outside dataset {id}, which has {d} feature columns (0 to {last})',
    ja: '列 {column} はデータセット {id} の範囲外です（特徴量の列は {d} 個: 0 から {last}）'
  },
  'trainui.datasetFewerRows': {
    en: 'dataset {id} has {rows} rows, fewer than the {count} particles asked for',
    ja: 'データセット {id} は {rows} 行で、指定された粒子数 {count} より少なくなっています'
  },
  'trainui.noteDatasetParticles': {
    en: 'Particles: {count} of the {rows} rows of dataset "{name}" (columns {columns})',
    ja: '粒子: データセット「{name}」の {rows} 行のうち {count} 行（列 {columns}）'
  },
  // ---- the dataset store: view, rename, trash (electron/engine/datasets/manage.ts)
  'trainui.datasetInTrash': { en: 'the trash already holds a dataset {id}', ja: 'ごみ箱にはすでにデータセット {id} があります' },
  'trainui.datasetNotInTrash': { en: 'no dataset {id} in the trash', ja: 'ごみ箱にデータセット {id} はありません' },
  'trainui.datasetRestoreTaken': { en: 'a dataset {id} already exists; it was not replaced', ja: 'データセット {id} はすでにあります。置き換えていません' }
} as const satisfies Catalog
