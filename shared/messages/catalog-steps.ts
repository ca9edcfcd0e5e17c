// Messages of the fixed-step grid (a step size that must divide the depth) and the singular-time warning,
// in English and Japanese. Keys start with "steps.".
import type { Catalog } from './catalog'

export const STEPS_MESSAGES = {
  'steps.notWhole': {
    en: 'depth {depth} / step size {stepSize} = {steps} is not a whole number: the solver takes steps of exactly this size, so choose one that divides the depth (for example {suggestion})',
    ja: '深さ {depth} / ステップ幅 {stepSize} = {steps} が整数になりません。ソルバーはちょうどこの幅で進むので、深さを割り切るステップ幅にしてください（例: {suggestion}）'
  },
  'steps.nearSingular': {
    en: 'depth {depth} is {percent}% of the singular time t* = {tStar}: the kinetic energy grows like 1 / (t* - t) and explodes near t*, so the last layers move the particles far and fast',
    ja: '深さ {depth} は特異時刻 t* = {tStar} の {percent}% です。運動エネルギーは 1 / (t* - t) のように増え、t* の近くで発散するため、最後の層で粒子が大きく速く動きます'
  }
} as const satisfies Catalog
