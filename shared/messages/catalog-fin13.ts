// Messages of the flags raised on a run's per-depth metrics (electron/engine/runs/run-flags.ts), in English
// and Japanese. Keys start with "fin13.". The remedies for Nagare's trained flows reuse the `flow` texts of
// the layer flags (catalog-shift.ts); only the flags themselves and the untrained flows' remedy live here.
import type { Catalog } from './catalog'

export const FIN13_MESSAGES = {
  'fin13.flagKinetic': {
    en: 'the kinetic energy density mean |v|^2 at depth {depth} is {ratio} times its median over depth (flagged above {threshold} times)',
    ja: '深さ {depth} での運動エネルギー密度 mean |v|^2 は深さ全体の中央値の {ratio} 倍です（{threshold} 倍を超えると指摘）'
  },
  'fin13.flagMerging': {
    en: 'by depth {depth}, {fraction} of the point pairs apart at the input have merged (flagged above {threshold})',
    ja: '深さ {depth} までに、入力で離れていた点のペアの {fraction} が併合しています（{threshold} を超えると指摘）'
  },
  'fin13.remedyUntrained': {
    en: 'this flow is not trained: a smaller step size, or less depth (ending before this depth), is what can change it',
    ja: 'この流れは学習されたものではありません。変えられるのは、ステップ幅を小さくするか、深さを減らして（この深さより前で終える）ことです'
  }
} as const satisfies Catalog
