// The message catalogue: every entry has a Japanese text with the same placeholders as the English one,
// keys carry their catalogue's prefix and are unique across catalogues, and every English template read
// back from a filled text gives its own key and params (no template swallows another's texts).
import { describe, expect, it } from 'vitest'
import { CATALOGS, MESSAGES, english, message } from '../../../shared/messages'
import { legacyText } from '../../../shared/messages/legacy'
import { fill, matcher, placeholders, readParams } from '../../../shared/messages/format'

const entries = Object.entries(MESSAGES) as [string, { en: string; ja: string }][]

describe('message catalogue', () => {
  it('has a Japanese text for every entry, with the same placeholders', () => {
    for (const [key, e] of entries) {
      expect(e.en.trim(), key).not.toBe('')
      expect(e.ja.trim(), key).not.toBe('')
      expect(e.ja, `${key} is not translated`).not.toBe(e.en)
      expect([...placeholders(e.ja)].sort(), key).toEqual([...new Set(placeholders(e.en))].sort())
    }
  })

  it('keeps each catalogue under its prefix, with no key defined twice', () => {
    let total = 0
    for (const [area, catalog] of Object.entries(CATALOGS)) {
      for (const key of Object.keys(catalog)) expect(key.startsWith(`${area}.`), key).toBe(true)
      total += Object.keys(catalog).length
    }
    expect(Object.keys(MESSAGES).length).toBe(total)
  })

  it('reads every message back to its own key and params', () => {
    for (const [key, e] of entries) {
      const names = [...new Set(placeholders(e.en))]
      const params = Object.fromEntries(names.map((n, i) => [n, `«${n}${i}»`]))
      const text = fill(e.en, params)
      expect(readParams(matcher(e.en), text), key).toEqual(params)
      // the most specific template that matches must translate to this entry's Japanese
      expect(legacyText(text, 'ja'), key).toBe(fill(e.ja, params))
    }
  })
})

describe('legacyText (the fallback for plain English texts)', () => {
  it('fills the Japanese template with the params read from the English text', () => {
    expect(english(message('engine.blowUp', { depth: '0.500000', detail: 'NaN in x' }))).toBe('integration blew up at depth 0.500000: NaN in x')
    expect(legacyText('integration blew up at depth 0.500000: NaN in x', 'ja')).toBe('深さ 0.500000 で積分が発散しました: NaN in x')
  })

  it('translates a message nested in another one, and each part of a joined list', () => {
    const nested = english(message('engine.blowUp', { depth: '1', detail: message('engine.cancelled') }))
    expect(legacyText(nested, 'ja')).toBe('深さ 1 で積分が発散しました: ユーザーがキャンセルしました')
    expect(legacyText(`${english(message('engine.cancelled'))}; something else`, 'ja')).toBe('ユーザーがキャンセルしました; something else')
    // a list of field errors, each behind its field path
    expect(legacyText(`flow.t: ${english(message('engine.cancelled'))}\nseed: not ours`, 'ja')).toBe('flow.t: ユーザーがキャンセルしました\nseed: not ours')
  })

  it('leaves English, and text that is no message, unchanged', () => {
    expect(legacyText(english(message('engine.cancelled')), 'en')).toBe('cancelled by the user')
    expect(legacyText('ENOENT: no such file', 'ja')).toBe('ENOENT: no such file')
    expect(legacyText('', 'ja')).toBe('')
  })

  it('fill leaves an unknown placeholder visible and the matcher needs a repeated one to agree', () => {
    expect(fill('a {x} b {y}', { x: 1 })).toBe('a 1 b {y}')
    const m = matcher('{a} and {a}')
    expect(readParams(m, 'p and p')).toEqual({ a: 'p' })
    expect(readParams(m, 'p and q')).toBeNull()
  })
})
