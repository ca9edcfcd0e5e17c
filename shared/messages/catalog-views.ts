// Messages of the views: engine notes whose wording depends on what the colours are.
// Keys start with "views.". English is what the engine writes (run.json notes); the UI shows either.
import type { Catalog } from './catalog'

export const VIEWS_MESSAGES = {
  'views.noteSeparabilityClasses': {
    en: 'Separability: tr(S_b) / tr(S_w) over {classes} class labels, all particles.',
    ja: '分離度: クラスのラベル {classes} 個に対する tr(S_b) / tr(S_w)、全粒子で計算しています。'
  }
} as const satisfies Catalog
