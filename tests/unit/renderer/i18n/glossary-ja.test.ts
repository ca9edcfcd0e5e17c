// The Japanese glossary (shared/messages/glossary-ja.ts) holds in the UI: no Japanese text of the i18n
// files (core and every area) uses a variant the glossary avoids.
import { describe, expect, it } from 'vitest'
import { glossaryViolations } from '@shared/messages/glossary-ja'
import { messages } from '@/i18n/messages'

function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]]
  if (typeof o !== 'object' || o === null) return []
  return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
}

describe('Japanese glossary in the UI texts', () => {
  it('is followed by every Japanese UI text', () => {
    const texts = leaves(messages.ja)
    expect(texts.length).toBeGreaterThan(500)
    const found = texts.flatMap(([key, text]) => glossaryViolations(text).map((v) => `${key}: “${v.found}” → ${v.preferred} (${v.concept}) in “${text}”`))
    expect(found).toEqual([])
  })
})
