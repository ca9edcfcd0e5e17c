// Messages of the faster ONNX feature-map reduction (electron/engine/onnx/sparse-projection.ts), in English
// and Japanese. Keys start with "onnxspeed.".
import type { Catalog } from './catalog'

export const ONNXSPEED_MESSAGES = {
  'onnxspeed.reductionSparseProjection': {
    en: '{shape} ({features} features, over the cap of {cap}) by a seeded very sparse random projection to {width} dimensions (seed {seed}; with d features and s = √d, entries ±√(s/k) with probability 1/s each, k the dimension): kNN preservation and CKA are approximate',
    ja: '{shape}（{features} 特徴量で上限 {cap} を超過）をシード付きの超疎乱数射影で {width} 次元に縮約（シード {seed}。特徴量数 d、s = √d、射影次元 k として、成分はそれぞれ確率 1/s で ±√(s/k)）: k近傍保存率と CKA は近似値です'
  }
} as const satisfies Catalog
