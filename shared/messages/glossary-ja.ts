// The Japanese glossary: one term per concept. The engine catalogue (shared/messages) and the UI's i18n
// files (renderer/src/i18n) use the preferred term; tests/unit/messages/glossary-ja.test.ts fails on any
// Japanese text that uses an avoided variant. The preferred term is the one the texts already used most,
// so a reader meets the same word on every screen and in every engine message. docs/glossary-ja.md says
// the same for people. To add a concept: add an entry (avoid: patterns, matched anywhere in a text).

export interface GlossaryEntry {
  /** the concept, in English as the English texts say it */
  concept: string
  /** the Japanese term to use */
  preferred: string
  /** variants not to use: regular expressions (source text), each matched against every Japanese text */
  avoid: string[]
}

export const GLOSSARY_JA: GlossaryEntry[] = [
  { concept: 'step size (h)', preferred: 'ステップ幅', avoid: ['刻み', 'ステップサイズ'] },
  { concept: 'merging (of points)', preferred: '併合', avoid: ['合流'] },
  { concept: 'spec (a run\u2019s JSON description)', preferred: '仕様', avoid: ['設定\\s*[(（]\\s*JSON', 'スペック'] },
  { concept: 'trajectory', preferred: '軌跡', avoid: ['軌道'] },
  { concept: 'cancel', preferred: 'キャンセル', avoid: ['中止', '取り消'] },
  { concept: 'pair (of points)', preferred: 'ペア', avoid: ['(点|粒子)の組'] },
  { concept: 'particle', preferred: '粒子', avoid: ['パーティクル'] },
  { concept: 'mixture component', preferred: '成分', avoid: ['コンポーネント'] },
  { concept: 'training', preferred: '学習', avoid: ['訓練', 'トレーニング'] },
  { concept: 'singular time (t*)', preferred: '特異時刻', avoid: ['特異時間', '特異時点'] },
  { concept: 'trash', preferred: 'ごみ箱', avoid: ['ゴミ箱'] },
  { concept: 'dataset', preferred: 'データセット', avoid: ['データ集合'] },
  { concept: 'function evaluations (NFE)', preferred: '評価回数', avoid: ['評価数', '関数呼び出し回数'] },
  { concept: 'class (of a classification)', preferred: 'クラス', avoid: ['分類クラス', '類別'] }
]

/** The avoided variants found in one Japanese text, with the term to use instead. */
export function glossaryViolations(text: string): { found: string; preferred: string; concept: string }[] {
  const out: { found: string; preferred: string; concept: string }[] = []
  for (const e of GLOSSARY_JA) {
    for (const pattern of e.avoid) {
      const m = new RegExp(pattern).exec(text)
      if (m) out.push({ found: m[0], preferred: e.preferred, concept: e.concept })
    }
  }
  return out
}
