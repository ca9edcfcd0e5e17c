// The Japanese glossary holds: no Japanese text of the engine catalogue (every registered catalog-*.ts)
// uses a variant the glossary avoids (the UI's texts: tests/unit/renderer/i18n/glossary-ja.test.ts). The
// check itself is tested on texts with and without the variants, so a broken pattern cannot pass silently.
import { describe, expect, it } from 'vitest'
import { GLOSSARY_JA, glossaryViolations } from '@shared/messages/glossary-ja'
import { MESSAGES } from '@shared/messages'

const report = (texts: [string, string][]): string[] =>
  texts.flatMap(([key, text]) => glossaryViolations(text).map((v) => `${key}: “${v.found}” → ${v.preferred} (${v.concept}) in “${text}”`))

describe('Japanese glossary', () => {
  it('finds each avoided variant and passes the preferred term', () => {
    for (const e of GLOSSARY_JA) {
      expect(glossaryViolations(`これは${e.preferred}です`), e.concept).toEqual([])
    }
    expect(glossaryViolations('刻み幅 h を小さくする').map((v) => v.preferred)).toEqual(['ステップ幅'])
    expect(glossaryViolations('点は合流しません').map((v) => v.preferred)).toEqual(['併合'])
    expect(glossaryViolations('設定（JSON）').map((v) => v.preferred)).toEqual(['仕様'])
    expect(glossaryViolations('設定を保存しました')).toEqual([])
  })

  it('is followed by the engine catalogue', () => {
    const texts = Object.entries(MESSAGES).map(([k, m]): [string, string] => [k, m.ja])
    expect(texts.length).toBeGreaterThan(100)
    expect(report(texts)).toEqual([])
  })
})
