// Messages of the analyses' history admin (rename, tags, trash and restore of saved layer analyses), in
// English and Japanese. Keys start with "anagui.".
import type { Catalog } from './catalog'

export const ANAGUI_MESSAGES = {
  'anagui.noAnalysisInTrash': { en: 'no layer analysis {id} in the trash', ja: 'ごみ箱に層解析 {id} はありません' },
  'anagui.trashHoldsAnalysis': {
    en: 'the trash already holds a layer analysis with id {id}; restore it first',
    ja: 'ごみ箱にはすでに ID {id} の層解析があります。先にそれを元に戻してください'
  },
  'anagui.restoreAnalysisTaken': {
    en: 'a layer analysis with id {id} is already in the history; it was left in the trash',
    ja: '履歴にはすでに ID {id} の層解析があります。ごみ箱の層解析はそのまま残しました'
  },
  'anagui.analysisNotWritable': { en: 'analysis {id}: its name and tags cannot be saved: {detail}', ja: '解析 {id}: 名前とタグを保存できません: {detail}' }
} as const satisfies Catalog
